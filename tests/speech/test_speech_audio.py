"""Speech with sound: synthesis, the Opus the phone gets, the cache, the limits on what is
recognised, the model's checksum, the recognition pool."""
import io

import av
import numpy as np
import pytest

from speech import audio, espeak, intents, stt, tts
from speech.errors import AudioTooLong, AudioUndecodable, Busy, EngineMissing


@pytest.fixture(autouse=True)
def cache(tmp_path):
    tts.configure(tmp_path / "cache", max_bytes=50 * 2 ** 20)
    return tmp_path / "cache"


def test_espeak_speaks_indonesian_as_small_opus(cache):
    path = tts.speak("Selamat datang di MENTARI. Silakan pilih layanan.", "id")
    data = path.read_bytes()
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus" and stream.channels == 1
        seconds = float(container.duration) / av.time_base
    assert 2 < seconds < 8
    assert len(data) / seconds <= 2.5 * 1024, f"{len(data) / seconds:.0f} bytes per second"


_SPEAK_IN_A_NEW_PROCESS = """
import hashlib, sys
from speech import espeak
print(hashlib.sha256(espeak.synthesise("nomor tujuh", voice="id+f3", seed=int(sys.argv[1]))[0]
                     .tobytes()).hexdigest())
"""


def test_the_development_sets_voices_sound_the_same_in_every_run():
    """The female voices' breath is random: the development set seeds it, so its accuracy is
    the same figure in every run of the same code (it moved by several utterances before)."""
    import subprocess
    import sys

    def heard(seed):
        return subprocess.run([sys.executable, "-c", _SPEAK_IN_A_NEW_PROCESS, str(seed)],
                              capture_output=True, text=True, check=True).stdout
    assert len({heard(7) for _ in range(4)}) == 1
    assert heard(7) != heard(8)


def test_the_cache_answers_the_second_time_and_rates_differ(cache, monkeypatch):
    first = tts.speak("Nomor registrasi Anda 2024 0000 0021.", "id")
    monkeypatch.setattr(espeak, "synthesise", lambda *a, **k: pytest.fail("synthesised twice"))
    assert tts.speak("Nomor registrasi Anda 2024 0000 0021.", "id") == first
    monkeypatch.undo()
    slower = tts.speak("Nomor registrasi Anda 2024 0000 0021.", "id", rate=0.75)
    assert slower != first and slower.stat().st_size > first.stat().st_size


def test_the_cache_keeps_to_its_size(tmp_path):
    tts.configure(tmp_path / "small", max_bytes=12_000)
    for n in range(8):
        tts.speak(f"Kalimat percobaan nomor {n} untuk menguji batas ukuran.", "id")
    kept = list((tmp_path / "small").glob("*/*.ogg"))
    assert 0 < len(kept) < 8 and sum(p.stat().st_size for p in kept) <= 12_000


def test_a_recorded_prompt_wins_over_synthesis(tmp_path):
    recording = tmp_path / "rekaman" / "ban" / "sambutan.ogg"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(tts.speak("Rahajeng rauh", "ban").read_bytes())
    tts.configure(tmp_path / "cache2", recorded_dirs=[tmp_path / "rekaman"])
    assert tts.prompt_path("sambutan", "Rahajeng rauh ring MENTARI", "ban") == recording
    assert tts.prompt_path("sambutan", "Selamat datang", "id") != recording


def test_recordings_outside_the_limits_are_refused():
    with pytest.raises(AudioUndecodable):
        audio.decode_for_whisper(b"%PDF-1.4 not a recording")
    with pytest.raises(AudioTooLong):
        audio.decode_for_whisper(b"\0" * (audio.MAX_BYTES + 1))
    # 25 s of quiet hum: small enough in bytes, too long in time.
    hum = (np.sin(np.arange(8000 * 25) / 8000 * 2 * np.pi * 220) * 3000).astype(np.int16)
    long_ogg = audio.to_ogg_opus(hum, 8000)
    assert len(long_ogg) < audio.MAX_BYTES
    with pytest.raises(AudioTooLong):
        audio.decode_for_whisper(long_ogg)


def test_a_model_with_the_wrong_checksum_is_not_installed(tmp_path, monkeypatch):
    monkeypatch.setattr(stt, "MODEL_SHA256", "0" * 64)
    with pytest.raises(EngineMissing, match="sha256"):
        stt.install_model(tmp_path / "whisper-base")
    assert not (tmp_path / "whisper-base").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".whisper-")]


def test_a_full_pool_answers_busy_without_waiting(tmp_path):
    stt.configure(tmp_path / "whisper-base", workers=1)
    samples, rate = espeak.synthesise("Ya")
    held = stt._pool.acquire(blocking=False)
    try:
        with pytest.raises(Busy):
            stt.recognise(audio.wav_bytes(samples, rate), "id", "yatidak")
    finally:
        if held:
            stt._pool.release()


@pytest.mark.parametrize("said, context, intent", [("Ya", "yatidak", "ya"),
                                                   ("Jemput bola", "cara", "pilih_cara")])
def test_a_spoken_command_is_recognised(tmp_path_factory, said, context, intent):
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    samples, rate = espeak.synthesise(said, rate=0.9)
    result = stt.recognise(audio.wav_bytes(samples, rate), "id", context)
    assert result.intent == intent, result


@pytest.mark.parametrize("said, intent, slots", [("pitulung", "bantuan", {}),
                                                 ("wurungang", "batal", {}),
                                                 ("wangsul", "kembali", {}),
                                                 ("besik", "pilih_menu", {"nomor": 1})])
def test_balinese_words_are_heard_on_a_balinese_page(tmp_path_factory, said, intent, slots):
    """Whisper knows no Balinese: without the page's words as context it wrote "Pitu un" for
    pitulung (menu 7) and "Bukul" for wurungang."""
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    samples, rate = espeak.synthesise(said, voice="id+m3", rate=0.9)
    result = stt.recognise(audio.wav_bytes(samples, rate), "ban", "menu")
    assert (result.intent, result.slots) == (intent, slots), result
    assert result.confidence >= intents.SURE, result


@pytest.mark.parametrize("guessed", [False, True])
def test_a_command_whisper_only_guessed_is_asked_about_not_acted_on(monkeypatch, guessed):
    """Whisper's sampled fallback wrote "Kembali." for "nomor delapan" in the development set:
    acted on, it would have sent the citizen back a page."""
    samples, rate = espeak.synthesise("nomor delapan")
    monkeypatch.setattr(stt, "transcribe", lambda *a, **k: stt.Transcript("Kembali.", guessed))
    result = stt.recognise(audio.wav_bytes(samples, rate), "id", "menu")
    assert result.intent == "kembali"
    if guessed:
        assert intents.UNSURE <= result.confidence < intents.SURE, result  # "apakah maksud …?"
    else:
        assert result.confidence >= intents.SURE, result


def test_a_command_drowned_in_noise_is_not_acted_on_as_another(tmp_path_factory):
    """ "ulangi" said over noise as loud as the voice: Whisper writes "Kembali.", a command it
    knows from the question's context. It flags the reading as a guess, so the page asks."""
    import ctranslate2
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    samples, rate = espeak.synthesise("ulangi", voice="id+f3", rate=0.9)
    speech = samples.astype(np.float32)
    noise = np.random.default_rng(0).normal(0, 1, speech.size) * np.sqrt(np.mean(speech ** 2))
    noisy = np.clip(speech + noise, -32768, 32767).astype(np.int16)
    # The fallback's sampling: repeatable only where nothing sampled before in this process
    # (devset.seed_sampling); the assertion holds whatever it samples.
    ctranslate2.set_random_seed(0)
    result = stt.recognise(audio.wav_bytes(noisy, rate), "id", "menu")
    acted = result.intent is not None and result.confidence >= intents.SURE
    assert not acted or result.intent == "ulangi", result
