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


# A 20 ms frame at 16 kHz, and the floor under which a frame counts as digital silence (about
# -100 dBFS: float samples), so a recording of a quiet room is not measured as infinitely clean.
_FRAME = 320
_SILENCE = 1e-5


def signal_to_noise_db(samples: np.ndarray) -> float:
    """How far the voice stands above the background, in dB: the loud 20 ms frames (90th
    percentile of their RMS) against the quiet ones (10th), on Whisper's float samples. A
    phone starts recording before the voice and stops after it, so the quiet frames are the
    room. Measured on espeak-ng commands with 0.3 s before and after, sent as Ogg/Opus, with
    white noise throughout at a true SNR of 0 / 6 / 10 / 20 / 30 dB: 8-10 / 14-16 / 18-20 /
    28-30 / 38-40; without noise about 80."""
    frames = samples.size // _FRAME
    if frames < 2:
        return 0.0
    rms = np.sqrt(np.mean(np.square(samples[:frames * _FRAME].reshape(frames, _FRAME),
                                    dtype=np.float64), axis=1))
    loud, quiet = np.percentile(rms, 90), np.percentile(rms, 10)
    return float(20 * np.log10(max(loud, _SILENCE) / max(quiet, _SILENCE)))


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
