"""The office's own recordings of the fixed prompts (speech/rekaman.py): what a staff member
records on a phone becomes the prompt every citizen hears, at every speech rate."""
import io

import av
import numpy as np
import pytest

from speech import audio, espeak, rekaman, tts


@pytest.fixture
def folder(tmp_path):
    tts.configure(tmp_path / "cache", recorded_dirs=[tmp_path / "rekaman"])
    return tmp_path / "rekaman"


def seconds_of(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        assert container.streams.audio[0].codec_context.name == "opus"
        return float(container.duration) / av.time_base


def phone_recording(lead_s: float = 1.5, tail_s: float = 2.0, level: float = 0.05):
    """Speech recorded far from the microphone, with the pauses before and after that a
    person leaves when pressing record and stop: (WAV bytes, seconds of speech)."""
    samples, rate = espeak.synthesise("Rahajeng rauh ring MENTARI", voice="id")
    quiet = (samples.astype(np.float32) * level).astype(np.int16)
    pcm = np.concatenate([np.zeros(int(rate * lead_s), np.int16), quiet,
                          np.zeros(int(rate * tail_s), np.int16)])
    return audio.wav_bytes(pcm, rate), samples.size / rate


def loudness_db(data: bytes) -> float:
    samples = audio.decode(data, rekaman.RATE)
    return 20 * np.log10(np.sqrt(np.mean(samples ** 2)))


def test_a_phone_recording_is_trimmed_levelled_and_kept_as_opus(folder):
    wav, speech_s = phone_recording()
    kept = rekaman.install(folder, "ban", "sambutan", wav)
    assert kept == folder / "ban" / "sambutan.ogg"
    data = kept.read_bytes()
    # The 3.5 s of silence around the words are gone, the words are all there.
    assert speech_s <= seconds_of(data) <= speech_s + 0.5
    # Recorded at about −45 dBFS, played at the level of every other prompt.
    assert loudness_db(wav) < -35
    assert -23 <= loudness_db(data) <= -17
    assert tts.prompt_path("sambutan", "Rahajeng rauh ring MENTARI", "ban") == kept


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n" + bytes(2000), "bukan_audio"),
    (audio.wav_bytes(np.zeros(16000 * 3, np.int16), 16000), "sunyi"),
    (audio.wav_bytes((np.sin(np.arange(8000 * 35) / 3) * 8000).astype(np.int16), 8000),
     "terlalu_panjang"),
], ids=["an-image-named-wav", "silence", "35-seconds"])
def test_anything_but_a_short_spoken_prompt_is_refused_and_nothing_kept(folder, data, reason):
    with pytest.raises(rekaman.RecordingRefused) as refused:
        rekaman.install(folder, "ban", "sambutan", data)
    assert refused.value.reason == reason
    assert tts.recorded("sambutan", "ban") is None


def test_a_recording_follows_the_listeners_speech_rate(folder):
    kept = rekaman.install(folder, "ban", "bantuan", phone_recording()[0])
    whole = seconds_of(kept.read_bytes())
    slower = tts.prompt_path("bantuan", "…", "ban", 0.75)
    faster = tts.prompt_path("bantuan", "…", "ban", 1.25)
    assert tts.prompt_path("bantuan", "…", "ban", 1.0) == kept
    assert seconds_of(slower.read_bytes()) == pytest.approx(whole / 0.75, rel=0.08)
    assert seconds_of(faster.read_bytes()) == pytest.approx(whole / 1.25, rel=0.08)


def test_a_new_recording_gets_a_new_prompt_url_and_removing_it_restores_synthesis(folder):
    text = "Anda bisa mengatakan: ulangi, kembali."
    synthesised = tts.prompt_version("bantuan", text, "ban")
    rekaman.install(folder, "ban", "bantuan", phone_recording()[0])
    first = tts.prompt_version("bantuan", text, "ban")
    rekaman.install(folder, "ban", "bantuan", phone_recording(level=0.2)[0])
    second = tts.prompt_version("bantuan", text, "ban")
    assert len({synthesised, first, second}) == 3
    # The Indonesian prompt of the same key is untouched.
    assert tts.prompt_version("bantuan", text, "id") == synthesised
    assert rekaman.remove(folder, "ban", "bantuan") is True
    assert tts.prompt_version("bantuan", text, "ban") == synthesised
    assert rekaman.remove(folder, "ban", "bantuan") is False


def test_a_key_cannot_reach_outside_the_recordings_folder(folder):
    with pytest.raises(ValueError):
        rekaman.install(folder, "ban", "../../pwa/x", phone_recording()[0])
