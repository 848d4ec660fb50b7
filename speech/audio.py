"""Audio in and out with PyAV: Ogg/Opus at about 16 kbit/s mono for the phone (about 2 KB per
second of speech), and any recording a browser makes (WebM/Opus, Ogg/Opus, WAV) decoded to the
16 kHz mono float samples Whisper expects."""
import io

import av
import numpy as np

from .errors import AudioTooLong, AudioUndecodable

OPUS_RATE = 48000          # Opus works at 48 kHz; others are resampled
OPUS_BITRATE = 16000
WHISPER_RATE = 16000
MAX_SECONDS = 20.0
MAX_BYTES = 1024 * 1024


def to_ogg_opus(samples: np.ndarray, rate: int) -> bytes:
    """int16 mono samples → an Ogg/Opus file."""
    out = io.BytesIO()
    with av.open(out, "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=OPUS_RATE)
        stream.bit_rate = OPUS_BITRATE
        stream.layout = "mono"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1).astype(np.int16),
                                           format="s16", layout="mono")
        frame.sample_rate = rate
        for resampled in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def decode_for_whisper(data: bytes) -> np.ndarray:
    """A recording (any container and codec FFmpeg reads) → float32 16 kHz mono samples.
    Refuses more than MAX_BYTES or MAX_SECONDS, and anything that is not audio."""
    return decode(data, WHISPER_RATE)


def decode(data: bytes, rate: int, max_seconds: float = MAX_SECONDS,
           max_bytes: int = MAX_BYTES) -> np.ndarray:
    """Any recording FFmpeg reads → float32 mono samples at `rate`, within the limits."""
    if len(data) > max_bytes:
        raise AudioTooLong(f"{len(data)} bytes")
    try:
        with av.open(io.BytesIO(data), "r") as container:
            if not container.streams.audio:
                raise AudioUndecodable("no audio stream")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
            chunks, total = [], 0
            for frame in container.decode(audio=0):
                for piece in resampler.resample(frame):
                    array = piece.to_ndarray().reshape(-1)
                    chunks.append(array)
                    total += array.size
                    if total > max_seconds * rate:
                        raise AudioTooLong(f"over {max_seconds:.0f} s")
            for piece in resampler.resample(None):
                chunks.append(piece.to_ndarray().reshape(-1))
    except (av.error.FFmpegError, ValueError, IndexError) as broken:
        raise AudioUndecodable(str(broken)) from broken
    if not chunks:
        raise AudioUndecodable("no audio")
    return np.concatenate(chunks).astype(np.float32)


def change_tempo(samples: np.ndarray, rate: int, tempo: float) -> np.ndarray:
    """int16 mono samples said `tempo` times as fast, at the same pitch (FFmpeg's atempo):
    how a human recording follows the listener's chosen speech rate."""
    graph = av.filter.Graph()
    source = graph.add_abuffer(sample_rate=rate, format="s16", layout="mono")
    stretch = graph.add("atempo", f"{tempo:g}")
    sink = graph.add("abuffersink")
    source.link_to(stretch)
    stretch.link_to(sink)
    graph.configure()
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1).astype(np.int16), format="s16",
                                       layout="mono")
    frame.sample_rate = rate
    graph.push(frame)
    graph.push(None)
    out = []
    while True:
        try:
            out.append(graph.pull().to_ndarray().reshape(-1))
        except (av.error.EOFError, av.error.BlockingIOError):
            break
    return np.concatenate(out).astype(np.int16) if out else samples[:0]


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """int16 mono samples as a WAV file (test recordings, the CLI)."""
    import wave
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype(np.int16).tobytes())
    return out.getvalue()
