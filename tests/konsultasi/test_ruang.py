"""The consultation room over HTTP (issue 18): who may enter, when it is open, what a message
may be, that a message sent twice from the outbox is stored once, and the rate limit."""
from datetime import timedelta

from pwa.store import konsultasi as store

from ..conftest import text_of
from ..factories import staff_id
from .conftest import approve, as_citizen

KEY = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _send(client, pid, isi, kunci=None, outbox=False):
    headers = {"X-Mentari-Luring": "1", "Accept": "application/json"} if outbox else {}
    data = {"teks": isi}
    if kunci:
        data["kunci"] = kunci
    return client.post(f"/konsultasi/{pid}/kirim", data=data, headers=headers)


def test_citizen_and_officer_talk_in_the_room(citizen, officer, konsultasi, db):
    pid = konsultasi["id"]
    page = citizen.get(f"/konsultasi/{pid}")
    assert page.status_code == 200
    assert "Ruang terbuka" in text_of(page)
    assert "no-store" in page.headers["Cache-Control"]
    # The room records voice notes and sign-language videos: microphone and camera.
    assert "microphone=(self)" in page.headers["Permissions-Policy"]
    assert "camera=(self)" in page.headers["Permissions-Policy"]
    sent = _send(citizen, pid, "Apakah saya perlu membawa buku nikah?")
    assert sent.status_code == 303
    answer = _send(officer, pid, "Ya, bawa buku nikah asli.")
    assert answer.status_code == 303
    seen = text_of(officer.get(f"/konsultasi/{pid}"))
    assert "Apakah saya perlu membawa buku nikah?" in seen and "Pemohon" in seen
    news = citizen.get(f"/konsultasi/{pid}/pesan?since=0").get_json()
    assert [m["isi"] for m in news["pesan"]] == ["Apakah saya perlu membawa buku nikah?",
                                                  "Ya, bawa buku nikah asli."]
    assert news["pesan"][0]["pengirim"] == "Anda"
    assert news["pesan"][1]["pengirim"].startswith("Petugas")
    later = citizen.get(f"/konsultasi/{pid}/pesan?since={news['pesan'][0]['id']}").get_json()
    assert [m["isi"] for m in later["pesan"]] == ["Ya, bawa buku nikah asli."]


def test_strangers_get_404(app, konsultasi, login, client):
    pid = konsultasi["id"]
    assert client.get(f"/konsultasi/{pid}").status_code == 404          # nobody
    assert _send(client, pid, "halo").status_code == 404
    as_citizen(client, pid + 1000)                                      # another request's phone
    assert client.get(f"/konsultasi/{pid}/pesan").status_code == 404
    login("verifikator")                                                # staff, not in the room
    assert client.get(f"/konsultasi/{pid}").status_code == 404
    assert client.get("/konsultasi/999999").status_code == 404


def test_a_room_link_on_another_phone_says_how_to_get_in(app, konsultasi, client):
    """The room's SMS opened in another browser: a 404 that shows the way in (prove the
    request on /status), word for word the same as for a number with no room."""
    page = client.get(f"/konsultasi/{konsultasi['id']}")
    nowhere = client.get("/konsultasi/999999")
    assert page.status_code == nowhere.status_code == 404
    text = page.get_data(as_text=True)
    assert "Ruang konsultasi terbuka di HP yang dipakai untuk mengajukan permohonan" in text
    assert 'href="/status"' in text
    def main(html):
        return html[html.index("<main"):html.index("</main>")]
    assert main(text) == main(nowhere.get_data(as_text=True))


def test_another_officer_gets_404(app, db, konsultasi, client):
    other = approve(db, app)
    db.execute("UPDATE permohonan SET petugas_id = ? WHERE id = ?",
               (staff_id(db, "kepala"), other["id"]))
    db.conn.commit()
    client.post("/staf/masuk", data={"username": "petugas", "password": "mentari-demo"})
    assert client.get(f"/konsultasi/{other['id']}").status_code == 404


def test_kepala_reads_but_cannot_write(konsultasi, citizen, login, client, db):
    pid = konsultasi["id"]
    _send(citizen, pid, "Selamat pagi")
    login("kepala_kantor")
    page = client.get(f"/konsultasi/{pid}")
    assert page.status_code == 200 and "Selamat pagi" in text_of(page)
    assert 'id="teks"' not in page.get_data(as_text=True)
    refused = _send(client, pid, "Saya kepala kantor")
    assert refused.status_code == 409
    assert "hanya dapat membaca" in text_of(refused)
    assert len(store.messages(db, pid)) == 1


def test_not_yet_open_keeps_what_was_typed(app, db):
    p = approve(db, app, starts_in=timedelta(hours=3))
    c = app.test_client()
    as_citizen(c, p["id"])
    page = c.get(f"/konsultasi/{p['id']}")
    assert "Ruang belum dibuka" in text_of(page)
    refused = _send(c, p["id"], "Saya datang lebih awal")
    assert refused.status_code == 409
    assert "belum dibuka" in text_of(refused)
    assert "Saya datang lebih awal" in refused.get_data(as_text=True)
    assert store.messages(db, p["id"]) == []


def test_bad_messages_are_refused_with_the_text_kept(citizen, konsultasi, db):
    pid = konsultasi["id"]
    empty = _send(citizen, pid, "   ")
    assert empty.status_code == 400 and "Tulis pesan Anda dulu" in text_of(empty)
    assert "Kesalahan:" in text_of(empty)  # the error summary's title prefix
    long = "a" * 1001
    too_long = _send(citizen, pid, long)
    assert too_long.status_code == 400 and "paling banyak 1000 huruf" in text_of(too_long)
    assert long in too_long.get_data(as_text=True)
    as_json = _send(citizen, pid, long, kunci=KEY, outbox=True)
    assert as_json.status_code == 400 and "1000" in as_json.get_json()["kesalahan"]
    assert store.messages(db, pid) == []


def test_control_characters_never_reach_the_other_side(citizen, officer, konsultasi):
    pid = konsultasi["id"]
    assert _send(citizen, pid, "Halo\x07\x1b[31m petugas\u202e").status_code == 303
    news = officer.get(f"/konsultasi/{pid}/pesan").get_json()["pesan"]
    assert news[0]["isi"] == "Halo[31m petugas"


def test_outbox_retry_is_stored_once(citizen, konsultasi, db):
    pid = konsultasi["id"]
    first = _send(citizen, pid, "Terkirim dari kotak keluar", kunci=KEY, outbox=True)
    again = _send(citizen, pid, "Terkirim dari kotak keluar", kunci=KEY, outbox=True)
    assert first.status_code == again.status_code == 200
    assert first.get_json()["id"] == again.get_json()["id"]
    assert [m["isi"] for m in store.messages(db, pid)] == ["Terkirim dari kotak keluar"]


def test_plain_form_posted_twice_is_stored_once(citizen, konsultasi, db):
    """The page's form carries a key of its own: a double tap or a resent post is one message."""
    pid = konsultasi["id"]
    html = citizen.get(f"/konsultasi/{pid}").get_data(as_text=True)
    import re
    kunci = re.search(r'name="kunci" type="hidden" value="([^"]+)"', html).group(1)
    _send(citizen, pid, "Dua kali ketuk", kunci=kunci)
    _send(citizen, pid, "Dua kali ketuk", kunci=kunci)
    assert len(store.messages(db, pid)) == 1


def test_officer_ends_the_room(citizen, officer, konsultasi, db):
    pid = konsultasi["id"]
    assert citizen.post(f"/konsultasi/{pid}/selesai").status_code == 409  # not the citizen's
    ended = officer.post(f"/konsultasi/{pid}/selesai")
    assert ended.status_code == 303
    assert "Konsultasi sudah selesai" in text_of(citizen.get(f"/konsultasi/{pid}"))
    late = _send(citizen, pid, "Satu pertanyaan lagi")
    assert late.status_code == 409 and "sudah diakhiri" in text_of(late)
    assert "Satu pertanyaan lagi" in late.get_data(as_text=True)
    assert citizen.get(f"/konsultasi/{pid}/pesan").get_json()["keadaan"] == "selesai"


def test_flooding_is_limited_per_person(app, citizen, konsultasi, db):
    app.config.update(RATELIMIT_ENABLED=True, KONSULTASI_RATE_LIMIT="3 per minute")
    pid = konsultasi["id"]
    answers = [_send(citizen, pid, f"pesan {n}").status_code for n in range(4)]
    assert answers == [303, 303, 303, 429]
    refused = _send(citizen, pid, "masih di sini")
    assert "Tunggu sebentar" in text_of(refused) or "Tunggu" in text_of(refused)
    assert "masih di sini" in refused.get_data(as_text=True)
    assert len(store.messages(db, pid)) == 3
