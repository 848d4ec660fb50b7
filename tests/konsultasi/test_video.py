"""Sign-language video messages (issue 18.3): turned into the isyarat clips' 2G rendition and
poster, served only to those in the room; what is not a video is refused; a citizen who asked
for an interpreter is offered video first."""
from io import BytesIO

import pytest

from pwa.isyarat import contoh
from pwa.store import konsultasi as store

from ..conftest import text_of
from ..factories import PNG

OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("video") / "isyarat.mp4"
    contoh.buat_video(path, "halo", seconds=1.5, width=320, height=240)
    return path.read_bytes()


def _post(client, pid, data: bytes, name="rekaman.webm", headers=OUTBOX):
    return client.post(f"/konsultasi/{pid}/video", data={"video": (BytesIO(data), name)},
                       headers=headers, content_type="multipart/form-data")


def test_a_video_message_reaches_the_officer_in_its_2g_rendition(citizen, officer, konsultasi,
                                                                   clip, db, client):
    pid = konsultasi["id"]
    sent = _post(citizen, pid, clip)
    assert sent.status_code == 200, sent.get_data(as_text=True)
    news = officer.get(f"/konsultasi/{pid}/pesan").get_json()["pesan"]
    assert news[0]["jenis"] == "video" and news[0]["detik"] >= 1
    low = officer.get(news[0]["berkas"])
    assert low.status_code == 200 and low.mimetype == "video/mp4"
    assert b"ftyp" in low.data[:16] and len(low.data) < len(clip)
    poster = officer.get(news[0]["poster"])
    assert poster.mimetype == "image/jpeg" and poster.data[:2] == b"\xff\xd8"
    assert officer.get(news[0]["standar"]).status_code == 200
    assert "Video bahasa isyarat" in text_of(officer.get(f"/konsultasi/{pid}"))
    assert client.get(news[0]["poster"]).status_code == 404          # strangers
    assert officer.get(news[0]["berkas"] + "?versi=../../etc").status_code == 404


@pytest.mark.parametrize("data, name", [(PNG, "video.mp4"), (b"bukan video", "video.webm"),
                                        (b"", "video.mp4")])
def test_what_is_not_a_video_is_refused(citizen, konsultasi, db, data, name):
    refused = _post(citizen, konsultasi["id"], data, name)
    assert refused.status_code == 415
    assert "bukan video" in refused.get_json()["kesalahan"]
    assert store.messages(db, konsultasi["id"]) == []


def test_sound_without_pictures_is_refused(citizen, konsultasi, db):
    import numpy as np
    from speech import audio
    wav = audio.wav_bytes(np.zeros(16000, dtype=np.int16), 16000)
    refused = _post(citizen, konsultasi["id"], wav, "video.mp4", headers={})
    assert refused.status_code == 415 and "bukan video" in text_of(refused)
    assert store.messages(db, konsultasi["id"]) == []


def test_an_interpreter_request_puts_video_first(citizen, konsultasi, app, db):
    from .conftest import approve, as_citizen
    html = citizen.get(f"/konsultasi/{konsultasi['id']}").get_data(as_text=True)
    # The factory's citizen asked for a sign-language interpreter.
    assert "<details class=\"konsultasi__berkas\" data-konsultasi-video open>" in html
    assert html.index("data-konsultasi-video") < html.index("data-konsultasi-form")
    other = approve(db, app, bantuan=[])
    c = app.test_client()
    as_citizen(c, other["id"])
    plain = c.get(f"/konsultasi/{other['id']}").get_data(as_text=True)
    assert "data-konsultasi-video open" not in plain
    assert plain.index("data-konsultasi-form") < plain.index("data-konsultasi-video")
