"""The admin pages for the office's prompt recordings: a staff member uploads what a phone's
recorder app made, and citizens in voice mode hear it instead of the computer voice."""
import io
import re

import numpy as np
import pytest

from pwa import suara
from pwa.suara import teks as suara_teks
from speech import audio, espeak, tts

from tests.pages import text_of


@pytest.fixture
def recordings(app, tmp_path):
    folder = suara.recordings_folder(app)
    tts.configure(tmp_path / "cache", recorded_dirs=[folder])
    return folder


def phone_wav() -> bytes:
    samples, rate = espeak.synthesise("Rahajeng rauh ring MENTARI", voice="id")
    return audio.wav_bytes(np.concatenate([np.zeros(rate, np.int16), samples]), rate)


def _ban(app, key: str) -> str:
    with app.test_request_context():
        return suara_teks.prompt_text(key, "ban")


def test_admin_sees_every_prompt_and_what_is_recorded(app, client, login, recordings):
    login("admin")
    page = text_of(client.get("/staf/admin/suara"))
    with app.test_request_context():
        total = len(suara_teks.prompts_in("ban"))
    assert f"0 dari {total} kalimat sudah direkam." in page
    assert _ban(app, "bantuan") in page and "Suara komputer" in page
    html = client.get("/staf/admin/suara?bahasa=id").get_data(as_text=True)
    assert 'href="/staf/admin/suara?bahasa=id" aria-current="page"' in html
    assert "/staf/admin/suara/id/bantuan" in html


def test_an_uploaded_recording_is_what_citizens_hear(app, client, login, recordings):
    login("admin")
    form = client.get("/staf/admin/suara/ban/bantuan").get_data(as_text=True)
    before = re.search(r'<audio controls preload="none" src="([^"]+)"', form).group(1)
    r = client.post("/staf/admin/suara/ban/bantuan", data={
        "rekaman": (io.BytesIO(phone_wav()), "Rekaman 12.m4a")},
        content_type="multipart/form-data")
    assert r.status_code == 302 and r.location.endswith("/staf/admin/suara?bahasa=ban")
    listing = text_of(client.get(r.location))
    assert f"Rekaman untuk “{_ban(app, 'bantuan')}” sudah dipakai." in listing
    assert "1 dari" in listing
    form = client.get("/staf/admin/suara/ban/bantuan").get_data(as_text=True)
    after = re.search(r'<audio controls preload="none" src="([^"]+)"', form).group(1)
    assert after != before
    kept = (recordings / "ban" / "bantuan.ogg").read_bytes()
    assert client.get(after.replace("&amp;", "&")).data == kept
    # Back to the computer voice, asked first: a deleted recording cannot be brought back.
    assert 'href="/staf/admin/suara/ban/bantuan/hapus"' in form
    asked = text_of(client.get("/staf/admin/suara/ban/bantuan/hapus"))
    assert "Hapus rekaman suara ini?" in asked and (recordings / "ban" / "bantuan.ogg").exists()
    r = client.post("/staf/admin/suara/ban/bantuan/hapus")
    assert r.status_code == 302 and not (recordings / "ban" / "bantuan.ogg").exists()
    assert "kembali diucapkan suara komputer" in text_of(client.get(r.location))
    # Nothing left to delete: no question asked.
    assert client.get("/staf/admin/suara/ban/bantuan/hapus").status_code == 404


@pytest.mark.parametrize("upload, message", [
    (None, "Pilih berkas rekaman."),
    ((b"%PDF-1.4 surat", "rekaman.wav"), "bukan rekaman suara yang bisa dibaca"),
    ((audio.wav_bytes(np.zeros(16000 * 2, np.int16), 16000), "sunyi.wav"),
     "Tidak ada suara yang terdengar"),
], ids=["nothing-chosen", "a-pdf-named-wav", "silence"])
def test_a_bad_recording_gets_a_clear_error_and_changes_nothing(client, login, recordings,
                                                                upload, message):
    login("admin")
    data = {} if upload is None else {"rekaman": (io.BytesIO(upload[0]), upload[1])}
    r = client.post("/staf/admin/suara/ban/bantuan", data=data,
                    content_type="multipart/form-data")
    assert r.status_code == 400
    page = text_of(r)
    assert page.startswith("Kesalahan:") or "Kesalahan:" in page[:200]
    assert message in page
    assert not (recordings / "ban" / "bantuan.ogg").exists()


def test_the_pages_speak_balinese_and_refuse_unknown_prompts(client, login, recordings):
    login("admin")
    assert "Rekaman swara" in text_of(client.get("/staf/admin/suara?lang=ban"))
    assert client.get("/staf/admin/suara/ban/tidak_ada").status_code == 404
    assert client.get("/staf/admin/suara/jv/bantuan").status_code == 404
    assert client.post("/staf/admin/suara/ban/tidak_ada/hapus").status_code == 404


def test_only_the_admin_manages_recordings(client, login, recordings):
    login("verifikator")
    assert client.get("/staf/admin/suara").status_code == 403
    r = client.post("/staf/admin/suara/ban/bantuan",
                    data={"rekaman": (io.BytesIO(phone_wav()), "a.wav")},
                    content_type="multipart/form-data")
    assert r.status_code == 403 and not (recordings / "ban" / "bantuan.ogg").exists()
