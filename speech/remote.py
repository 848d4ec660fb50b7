"""Speech on another machine, over the Wyoming protocol (Home Assistant's): recognition by a
`wyoming-faster-whisper` server (MENTARI_STT_URI=tcp://host:port) and synthesis by a
`wyoming-piper` one (MENTARI_TTS_URI), through the `wyoming` client library. One speech
machine then serves the app servers of an office, or of a province's offices.

A server that is down, refuses the connection or answers later than the timeout
(MENTARI_SPEECH_TIMEOUT) is `Busy`: the citizen gets the same answer and keypad offer as when
the local pool is full.

What a stock server does not do: it is given no question's words as context (its prompt is
fixed when it starts), cannot be told to write only a question's words, and says nothing of
its certainty. The transcript's `context` is read for `guessed` and `logprob` where a server
sends them; otherwise the reading counts as neither guessed nor doubtful.
"""
import asyncio
from urllib.parse import urlparse

import numpy as np

from .errors import Busy

RATE = 16000
CHUNK_SAMPLES = 2048  # 128 ms of 16 kHz audio per AudioChunk


def check_uri(uri: str) -> str:
    """A tcp://host:port address (the only kind the app is configured with)."""
    parsed = urlparse(uri)
    if parsed.scheme != "tcp" or not parsed.hostname or not parsed.port:
        raise ValueError(f"a Wyoming server's address is tcp://host:port, not {uri!r}")
    return uri


def _pcm(samples: np.ndarray) -> bytes:
    """float32 in [-1, 1] (what Whisper is given) → 16-bit little-endian PCM."""
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    return samples.astype("<i2").tobytes()


def _run(work, timeout: float, what: str):
    try:
        return asyncio.run(asyncio.wait_for(work, timeout))
    except (OSError, EOFError, asyncio.TimeoutError, ConnectionError) as failure:
        raise Busy(f"the speech server did not {what} in time: {failure!r}") from failure


async def _transcribe(uri: str, pcm: bytes, language: str, context: dict | None):
    from wyoming.asr import Transcribe, Transcript
    from wyoming.audio import AudioChunk, AudioStart, AudioStop
    from wyoming.client import AsyncClient
    async with AsyncClient.from_uri(uri) as client:
        await client.write_event(Transcribe(language=language, context=context).event())
        await client.write_event(AudioStart(rate=RATE, width=2, channels=1).event())
        step = CHUNK_SAMPLES * 2
        for start in range(0, len(pcm), step):
            await client.write_event(AudioChunk(rate=RATE, width=2, channels=1,
                                                audio=pcm[start:start + step]).event())
        await client.write_event(AudioStop().event())
        while True:
            event = await client.read_event()
            if event is None:
                raise ConnectionError("the speech server closed the connection")
            if Transcript.is_type(event.type):
                return Transcript.from_event(event)


def transcribe(uri: str, samples: np.ndarray, language: str = "id",
               context: dict | None = None, timeout: float = 10.0) -> tuple[str, dict]:
    """(text, the transcript's context) of 16 kHz mono `samples`. Raises Busy."""
    found = _run(_transcribe(uri, _pcm(samples), language, context), timeout, "recognise")
    return found.text or "", dict(found.context or {})


async def _synthesise(uri: str, text: str, voice: str | None, language: str | None):
    from wyoming.audio import AudioChunk, AudioStart, AudioStop
    from wyoming.client import AsyncClient
    from wyoming.tts import Synthesize, SynthesizeVoice
    chunks, rate = [], None
    async with AsyncClient.from_uri(uri) as client:
        await client.write_event(Synthesize(
            text=text, voice=SynthesizeVoice(name=voice, language=language)).event())
        while True:
            event = await client.read_event()
            if event is None:
                raise ConnectionError("the speech server closed the connection")
            if AudioStart.is_type(event.type):
                start = AudioStart.from_event(event)
                rate, width, channels = start.rate, start.width, start.channels
            elif AudioChunk.is_type(event.type):
                chunk = AudioChunk.from_event(event)
                rate, width, channels = chunk.rate, chunk.width, chunk.channels
                chunks.append(chunk.audio)
            elif AudioStop.is_type(event.type):
                break
    if width != 2:
        raise ConnectionError(f"the speech server sent {width * 8}-bit audio, not 16-bit")
    samples = np.frombuffer(b"".join(chunks), dtype="<i2")
    if channels > 1:
        samples = samples.reshape(-1, channels)[:, 0]
    return samples.astype(np.int16), rate


def synthesise(uri: str, text: str, voice: str | None = None, language: str | None = None,
               timeout: float = 10.0) -> tuple[np.ndarray, int]:
    """(int16 samples, rate) of `text` spoken by the server's voice. Raises Busy."""
    return _run(_synthesise(uri, text, voice, language), timeout, "speak")
