"""Issue 20: no action on a mishearing. Given the menu's commands as context, Whisper writes
"Kembali." for an "empat" it did not catch; a sure command that is one of the prompt's own
words, written with little certainty, is heard again without the prompt before it acts."""
import pytest

from speech import audio, espeak, intents, stt
from tests.voice import devset


def _whisper(monkeypatch, prompted, unprompted, calls):
    def transcribe(samples, context=None, words_only=False, lang="id", prompted=True):
        calls.append(prompted)
        return said_with if prompted else said_without
    said_with, said_without = prompted, unprompted
    monkeypatch.setattr(stt, "transcribe", transcribe)


@pytest.fixture
def upload():
    samples, rate = espeak.synthesise("empat")
    return audio.wav_bytes(samples, rate)


def test_an_echo_of_the_prompt_is_heard_again_and_the_other_meaning_asked_about(
        monkeypatch, upload):
    calls = []
    _whisper(monkeypatch, stt.Transcript("Kembali.", False, -0.36),
             stt.Transcript("Empat", False, -0.82), calls)
    result = stt.recognise(upload, "id", "menu")
    assert calls == [True, False] and result.verified
    # Not sent back a page: asked "nomor empat?" instead.
    assert (result.intent, result.slots) == ("pilih_menu", {"nomor": 4})
    assert intents.UNSURE <= result.confidence < intents.SURE


def test_an_echo_heard_as_nothing_like_the_command_is_asked_about(monkeypatch, upload):
    _whisper(monkeypatch, stt.Transcript("Jemput bola.", False, -0.64),
             stt.Transcript("diang nabi", False, -1.02), [])
    result = stt.recognise(upload, "id", "cara")
    assert result.verified and not (result.intent is not None
                                     and result.confidence >= intents.SURE)


def test_a_command_that_sounds_the_same_without_the_prompt_acts(monkeypatch, upload):
    _whisper(monkeypatch, stt.Transcript("Kembali.", False, -0.4),
             stt.Transcript("Kambali", False, -0.85), [])
    result = stt.recognise(upload, "id", "menu")
    assert result.verified and result.intent == "kembali"
    assert result.confidence >= intents.SURE


def test_a_loop_of_the_prompt_half_like_a_guess_without_it_is_asked_about(monkeypatch, upload):
    """The held-out part's "eh, halo, halo, tes" on the menu: "Kembali. Kembalis." with the
    prompt; without it, a reading Whisper only guessed that happens to sound half like the
    command. Acted on before (a page went back); asked about now."""
    _whisper(monkeypatch, stt.Transcript("Kembali. Kembalis.", False, -0.59),
             stt.Transcript("ke palo palo ke", True, -1.49), [])
    result = stt.recognise(upload, "id", "menu")
    assert result.verified and result.intent == "kembali"
    assert intents.UNSURE <= result.confidence < intents.SURE


def test_a_clear_command_is_not_heard_twice(monkeypatch, upload):
    calls = []
    _whisper(monkeypatch, stt.Transcript("Kembali.", False, -0.03), None, calls)
    result = stt.recognise(upload, "id", "menu")
    assert calls == [True] and not result.verified
    assert result.intent == "kembali" and result.confidence >= intents.SURE


def test_a_word_outside_the_prompt_is_not_heard_twice(monkeypatch, upload):
    calls = []
    _whisper(monkeypatch, stt.Transcript("Nomor empat.", False, -0.6), None, calls)
    result = stt.recognise(upload, "id", "menu")
    assert calls == [True] and result.slots == {"nomor": 4}


def test_the_prompt_going_round_is_heard_again_however_sure(monkeypatch, upload):
    """Seen in a full test run: "tolong tutup pintunya", asked yes or no, written "Tidak, Tid,
    T" (the prompt's "tidak" in a loop) and taken as no. Without the prompt it is chatter."""
    calls = []
    _whisper(monkeypatch, stt.Transcript("Tidak, Tid, T", False, -0.1),
             stt.Transcript("Tolong tutup pintunya.", False, -0.4), calls)
    result = stt.recognise(upload, "id", "yatidak")
    assert calls == [True, False] and result.verified   # and no listen for its words only
    assert not (result.intent == "tidak" and result.confidence >= intents.SURE)


def test_a_clear_yes_said_twice_still_acts(monkeypatch, upload):
    _whisper(monkeypatch, stt.Transcript("Ya, ya.", False, -0.05),
             stt.Transcript("Ya, ya.", False, -0.1), [])
    result = stt.recognise(upload, "id", "yatidak")
    assert result.verified and result.intent == "ya" and result.confidence >= intents.SURE


def test_a_real_empat_is_never_taken_for_kembali(tmp_path_factory):
    """espeak-ng's "empat" in a voice Whisper base hears as "Kembali." with the menu's prompt
    (probed while building the guard), made as the first sound of its own process: later in
    a run espeak says it a little differently (devset.fresh)."""
    import ctranslate2
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    ctranslate2.set_random_seed(3)
    result = stt.recognise(devset.fresh("recording", 3, "empat"), "id", "menu")
    assert not (result.intent == "kembali" and result.confidence >= intents.SURE), result


def test_a_words_only_listen_that_fades_out_is_not_taken(monkeypatch, upload):
    """Seen on the tuning part: "tolong tutup pintunya", asked yes or no, heard first as
    "Tungung tutup pintunya." (nothing), then by the listen that may write only the
    question's words as "Tidak, Tid, T." — taken as no. A word fading out is no answer."""
    def transcribe(samples, context=None, words_only=False, lang="id", prompted=True):
        return (stt.Transcript("Tidak, Tid, T.", False, -0.2) if words_only
                else stt.Transcript("Tungung tutup pintunya.", False, -0.9))
    monkeypatch.setattr(stt, "transcribe", transcribe)
    result = stt.recognise(upload, "id", "yatidak")
    assert not (result.intent == "tidak" and result.confidence >= intents.SURE), result


def test_a_words_only_listen_that_hears_the_answer_is_taken(monkeypatch, upload):
    def transcribe(samples, context=None, words_only=False, lang="id", prompted=True):
        return (stt.Transcript("Tidak.", False, -0.2) if words_only
                else stt.Transcript("Di bak.", False, -0.9))
    monkeypatch.setattr(stt, "transcribe", transcribe)
    result = stt.recognise(upload, "id", "yatidak")
    assert result.intent == "tidak" and result.confidence >= intents.SURE, result
