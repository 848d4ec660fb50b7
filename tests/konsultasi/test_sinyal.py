"""A live call's signalling through the app (issue 18.4): only the two people talking, in an
open room, with signals the page sends; the other side reads them with its next poll."""
import json

from pwa.store import konsultasi as store

OFFER = json.dumps({"type": "offer", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"})


def _signal(client, pid, jenis, data=""):
    return client.post(f"/konsultasi/{pid}/sinyal", json={"jenis": jenis, "data": data})


def test_an_offer_reaches_the_other_side_only(citizen, officer, konsultasi):
    pid = konsultasi["id"]
    assert _signal(citizen, pid, "tawar", OFFER).status_code == 200
    seen = officer.get(f"/konsultasi/{pid}/pesan?sinyal=0").get_json()["sinyal"]
    assert [(s["dari"], s["jenis"], s["data"]) for s in seen] == [("pemohon", "tawar", OFFER)]
    assert citizen.get(f"/konsultasi/{pid}/pesan?sinyal=0").get_json()["sinyal"] == []
    assert _signal(officer, pid, "jawab", OFFER).status_code == 200
    answer = citizen.get(f"/konsultasi/{pid}/pesan?sinyal=0").get_json()["sinyal"]
    assert [s["jenis"] for s in answer] == ["jawab"]
    later = citizen.get(f"/konsultasi/{pid}/pesan?sinyal={answer[0]['id']}").get_json()
    assert later["sinyal"] == []
    # Without asking for signals, the poll carries none.
    assert officer.get(f"/konsultasi/{pid}/pesan").get_json()["sinyal"] == []


def test_bad_signals_are_refused(citizen, konsultasi, db):
    pid = konsultasi["id"]
    assert _signal(citizen, pid, "eval", OFFER).status_code == 400
    assert _signal(citizen, pid, "tawar", "x" * 20001).status_code == 400
    assert _signal(citizen, pid, "tawar", "a\x00b").status_code == 400
    bad = citizen.post(f"/konsultasi/{pid}/sinyal", data="not json",
                       content_type="application/json")
    assert bad.status_code == 400 and "tidak dapat disambungkan" in bad.get_json()["kesalahan"]
    assert store.last_signal_id(db, pid) == 0


def test_strangers_and_the_kepala_cannot_call(konsultasi, client, login):
    pid = konsultasi["id"]
    assert _signal(client, pid, "tawar", OFFER).status_code == 404
    login("kepala_kantor")
    assert _signal(client, pid, "tawar", OFFER).status_code == 409


def test_no_call_before_the_room_opens_or_after_it_ends(app, db, officer, konsultasi):
    from datetime import timedelta
    from .conftest import approve, as_citizen
    later = approve(db, app, starts_in=timedelta(hours=2))
    c = app.test_client()
    as_citizen(c, later["id"])
    assert _signal(c, later["id"], "tawar", OFFER).status_code == 409
    officer.post(f"/konsultasi/{konsultasi['id']}/selesai")
    assert _signal(officer, konsultasi["id"], "tawar", OFFER).status_code == 409


def test_signalling_needs_the_csrf_token(app, konsultasi):
    from .conftest import as_citizen
    app.config["WTF_CSRF_ENABLED"] = True
    c = app.test_client()
    as_citizen(c, konsultasi["id"])
    assert _signal(c, konsultasi["id"], "tawar", OFFER).status_code == 400
    page = c.get(f"/konsultasi/{konsultasi['id']}").get_data(as_text=True)
    import re
    token = re.search(r'data-csrf="([^"]+)"', page).group(1)
    ok = c.post(f"/konsultasi/{konsultasi['id']}/sinyal", json={"jenis": "tutup", "data": ""},
                headers={"X-CSRFToken": token})
    assert ok.status_code == 200


def test_ice_servers_come_from_the_configuration(app, citizen, konsultasi):
    app.config["ICE_SERVERS"] = json.dumps([{"urls": "turn:turn.example.org:3478",
                                             "username": "u", "credential": "p"}])
    page = citizen.get(f"/konsultasi/{konsultasi['id']}").get_data(as_text=True)
    assert "turn:turn.example.org:3478" in page
    app.config["ICE_SERVERS"] = "not json"
    assert 'data-ice="[]"' in citizen.get(f"/konsultasi/{konsultasi['id']}").get_data(
        as_text=True)


def test_the_call_knows_the_video_threshold_and_who_signs(app, db, citizen, konsultasi):
    """The page's call adds video above MENTARI_KONSULTASI_VIDEO_MIN_KBPS, and at once in the
    room of a citizen who asked for an interpreter (the test request did); a citizen who
    asked for none starts with sound only."""
    from .conftest import approve, as_citizen
    app.config["KONSULTASI_VIDEO_MIN_KBPS"] = 400
    try:
        page = citizen.get(f"/konsultasi/{konsultasi['id']}").get_data(as_text=True)
    finally:
        app.config["KONSULTASI_VIDEO_MIN_KBPS"] = 250
    assert 'data-video-min-kbps="400"' in page and 'data-video-dulu="ya"' in page
    assert "Sambungan lemah: panggilan lanjut dengan suara saja." in page
    assert 'aria-pressed="false"' in page and "Video langsung dari petugas" in page
    plain = approve(db, app, kategori=[], disabilitas=[], bantuan=[])
    c = app.test_client()
    as_citizen(c, plain["id"])
    assert 'data-video-dulu=""' in c.get(f"/konsultasi/{plain['id']}").get_data(as_text=True)
