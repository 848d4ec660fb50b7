"""Voice notes in a consultation's room (issue 18.2): checked by decoding, kept as our own
Ogg/Opus, transcribed by the app's Whisper for the other side; anything else is refused with a
translated message."""
import numpy as np
import pytest

from pwa.services import konsultasi as service
from pwa.store import konsultasi as store
from speech import audio

from ..conftest import text_of
from ..factories import PNG
from ..voice import devset

OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}


def _wav(samples: np.ndarray, rate: int) -> bytes:
    return audio.wav_bytes(samples, rate)


def _post(client, pid, data: bytes, name="pesan.webm", headers=OUTBOX, kunci=None):
    from io import BytesIO
    form = {"audio": (BytesIO(data), name)}
    if kunci:
        form["kunci"] = kunci
    return client.post(f"/konsultasi/{pid}/suara", data=form, headers=headers,
                       content_type="multipart/form-data")


@pytest.fixture
def spoken():
    """A real spoken sentence (espeak-ng) as a WAV file, made as the first sound of a
    process of its own: espeak-ng keeps state between calls, and later in a full run the same
    sentence came out so that Whisper wrote "tantang" for "tentang" (devset.fresh)."""
    said = devset.fresh("spoken", "Selamat pagi, saya ingin bertanya tentang surat nikah.")
    samples = audio.decode(said, 16000)           # sent as a WAV: kept as our own Ogg/Opus
    return _wav((samples * 32767).astype(np.int16), 16000)


def test_a_voice_note_is_heard_and_read_on_the_other_side(app, citizen, officer, konsultasi,
                                                          spoken, db, tmp_path_factory):
    from speech import stt
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    pid = konsultasi["id"]
    sent = _post(citizen, pid, spoken, kunci="voice-note-key-000001")
    assert sent.status_code == 200, sent.get_data(as_text=True)
    again = _post(citizen, pid, spoken, kunci="voice-note-key-000001")
    assert again.get_json()["id"] == sent.get_json()["id"]   # the outbox's retry: one note
    service.wait_for_transcripts()
    note = store.get(db, sent.get_json()["id"])
    assert note["jenis"] == "suara" and note["transkrip"] == "selesai"
    # Whisper base writes the sentence's middle as "Syahinin Mertanya": the words it gets
    # are what the other side must be able to read.
    heard = note["isi"].lower()
    assert "selamat pagi" in heard and "tentang surat" in heard, heard
    news = officer.get(f"/konsultasi/{pid}/pesan").get_json()
    assert news["pesan"][0]["jenis"] == "suara"
    assert news["transkrip"][0]["isi"] == note["isi"]
    sound = officer.get(news["pesan"][0]["berkas"])
    assert sound.status_code == 200 and sound.mimetype == "audio/ogg"
    assert sound.data[:4] == b"OggS"                      # our encoding, not the upload
    assert len(sound.data) < len(spoken) / 5
    assert "no-store" in sound.headers["Cache-Control"]
    assert note["isi"] in text_of(officer.get(f"/konsultasi/{pid}"))
    assert note["isi"] in text_of(officer.get(f"/staf/permohonan/{pid}"))


@pytest.mark.parametrize("data, name", [
    (PNG, "pesan.webm"),                                   # a picture dressed as a recording
    (b"<html><script>alert(1)</script></html>", "pesan.ogg"),
    (b"", "pesan.webm"),
])
def test_what_is_not_a_recording_is_refused(citizen, konsultasi, db, data, name):
    refused = _post(citizen, konsultasi["id"], data, name)
    assert refused.status_code == 415
    assert "bukan rekaman suara" in refused.get_json()["kesalahan"]
    assert store.messages(db, konsultasi["id"]) == []


def test_a_note_over_two_minutes_is_refused(citizen, konsultasi, db):
    long = _wav(np.zeros(8000 * 130, dtype=np.int16), 8000)
    refused = _post(citizen, konsultasi["id"], long, "pesan.wav")
    assert refused.status_code == 413
    assert "paling lama 2 menit" in refused.get_json()["kesalahan"]
    assert store.messages(db, konsultasi["id"]) == []


def test_without_javascript_a_refused_file_keeps_the_page(citizen, konsultasi):
    page = _post(citizen, konsultasi["id"], PNG, "foto.png", headers={})
    assert page.status_code == 415
    assert "bukan rekaman suara" in text_of(page) and "Kesalahan:" in text_of(page)


def test_strangers_cannot_fetch_a_note(app, citizen, konsultasi, client, spoken, db):
    pid = konsultasi["id"]
    note = _post(citizen, pid, spoken).get_json()["id"]
    service.wait_for_transcripts()
    assert client.get(f"/konsultasi/{pid}/berkas/{note}").status_code == 404
    assert citizen.get(f"/konsultasi/{pid}/berkas/{note + 1}").status_code == 404
