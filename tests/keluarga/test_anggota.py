"""A family on one phone (issue 19): each member sees only their own requests, a PIN is
checked on the server and wrong PINs are limited, a member files for another, and nothing
drops out of reach."""
import re
from datetime import datetime, timedelta, timezone

import pytest

from ..conftest import text_of
from ..factories import submitted_request
from ..flows import answers, service_id, submit_request


def prove(client, p):
    """'Cek status' with the number and the phone's last four digits: the phone holds it."""
    r = client.post("/status", data={"nomor": p["nomor"], "telepon4": p["telepon"][-4:]})
    assert r.status_code == 302, text_of(r)


def new_member(client, nama, pin="", **extra):
    return client.post("/anggota/baru", data={"nama": nama, "pin": pin, **extra})


def kode_of(db, nama):
    return db.execute("SELECT kode FROM anggota WHERE nama = ?", (nama,)).fetchone()[0]


def choose(client, kode):
    return client.post("/anggota/pilih", data={"kode": kode})


def unlock(client, kode, pin):
    return client.post(f"/anggota/{kode}/buka", data={"pin": pin})


@pytest.fixture
def family(app, client, db):
    """Nenek (PIN 2580) with one request, Made (no PIN) with another, Putu (PIN 1357)."""
    folder = app.config["UPLOAD_FOLDER"]
    assert new_member(client, "Nenek", "2580").status_code == 302
    nenek_req = submitted_request(db, folder, telepon="081200001111")
    prove(client, nenek_req)
    assert new_member(client, "Made").status_code == 302
    made_req = submitted_request(db, folder, telepon="081200002222")
    prove(client, made_req)
    assert new_member(client, "Putu", "1357").status_code == 302
    return {"nenek": (kode_of(db, "Nenek"), nenek_req), "made": (kode_of(db, "Made"), made_req),
            "putu": (kode_of(db, "Putu"), None)}


def test_each_member_sees_only_their_own_requests(client, db, family):
    nenek, nenek_req = family["nenek"]
    made, made_req = family["made"]
    assert choose(client, made).status_code == 302
    listed = text_of(client.get("/status"))
    assert made_req["nomor"][-4:] in listed.replace(" ", "")
    assert nenek_req["nomor"][-4:] not in listed.replace(" ", "")
    assert client.get(f"/permohonan/{made_req['id']}").status_code == 200
    # Nenek's page, documents and actions: asked for her PIN, never shown.
    dok = db.execute("SELECT id FROM dokumen WHERE permohonan_id = ? LIMIT 1",
                     (nenek_req["id"],)).fetchone()[0]
    for url in (f"/permohonan/{nenek_req['id']}", f"/permohonan/{nenek_req['id']}/dokumen/{dok}",
                f"/ajukan/selesai/{nenek_req['id']}"):
        r = client.get(url)
        assert r.status_code == 303 and f"/anggota/{nenek}/buka" in r.location, url
    r = client.post(f"/permohonan/{nenek_req['id']}/keberatan", data={"alasan": "bukan saya"})
    assert r.status_code == 303 and "/buka" in r.location
    assert "Ni Wayan Sari" not in text_of(client.get(f"/permohonan/{nenek_req['id']}",
                                                      follow_redirects=True))


def test_pin_is_checked_by_the_server_and_unlocks_her_requests(client, family):
    nenek, nenek_req = family["nenek"]
    choose(client, family["made"][0])
    # Choosing her asks for the PIN; she is not chosen until it is typed.
    r = choose(client, nenek)
    assert r.status_code == 302 and f"/anggota/{nenek}/buka" in r.location
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 303
    r = unlock(client, nenek, "0000")
    assert r.status_code == 422 and "PIN tidak cocok" in text_of(r)
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 303
    r = unlock(client, nenek, "2580")
    assert r.status_code == 302
    page = client.get(f"/permohonan/{nenek_req['id']}")
    assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
    # Someone else takes the phone: she is locked again.
    choose(client, family["made"][0])
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 303


def test_she_is_locked_again_after_idle_minutes(app, client, db, family):
    nenek, nenek_req = family["nenek"]
    unlock(client, nenek, "2580")
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 200
    long_ago = (datetime.now(timezone.utc) - timedelta(
        minutes=app.config["ANGGOTA_IDLE_MINUTES"] + 1)).isoformat(timespec="seconds")
    db.execute("UPDATE perangkat SET aktif_at = ?", (long_ago,))
    db.conn.commit()
    r = client.get(f"/permohonan/{nenek_req['id']}")
    assert r.status_code == 303 and f"/anggota/{nenek}/buka" in r.location


def test_wrong_pins_are_limited_even_the_right_one_then(app, client, family):
    nenek, nenek_req = family["nenek"]
    for _ in range(app.config["ANGGOTA_PIN_LOCK_AFTER"] - 1):
        assert unlock(client, nenek, "1111").status_code == 422
    r = unlock(client, nenek, "1111")
    assert r.status_code == 429 and "terlalu sering" in text_of(r)
    # A new browser (cookies cleared) gets no fresh tries: the count is the server's.
    r = unlock(client, nenek, "2580")
    assert r.status_code == 429
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 303


def test_a_ninth_member_is_refused_with_a_translated_message(client, db):
    for i in range(8):
        assert new_member(client, f"Anggota {i}").status_code == 302
    r = new_member(client, "Kesembilan")
    assert r.status_code == 422 and "8 anggota" in text_of(r)
    assert db.execute("SELECT COUNT(*) FROM anggota").fetchone()[0] == 8
    r = client.post("/anggota/baru?lang=ban", data={"nama": "Kesembilan"})
    assert r.status_code == 422 and "8 anggota" in text_of(r)
    assert "HP ini sudah punya 8 anggota" not in text_of(r)   # said in Balinese


@pytest.mark.parametrize("nama, pin, message", [
    ("", "", "Tulis nama anggota"),
    ("   ", "", "Tulis nama anggota"),
    ("N" * 31, "", "paling banyak 30 huruf"),
    ("Nenek", "12", "PIN harus tepat 4 angka"),
    ("Nenek", "12345", "PIN harus tepat 4 angka"),
    ("Nenek", "12a4", "PIN harus tepat 4 angka"),
    ("Nenek", "١٢٣٤", "PIN harus tepat 4 angka"),
])
def test_bad_names_and_pins_keep_what_was_typed(client, db, nama, pin, message):
    r = new_member(client, nama, pin)
    page = r.get_data(as_text=True)
    assert r.status_code == 422 and message.lower() in text_of(r).lower()
    assert 'class="error-summary' in page or "error-summary" in page
    if nama.strip():
        assert f'value="{nama.strip()}"' in page   # the name typed is kept
    assert db.execute("SELECT COUNT(*) FROM anggota").fetchone()[0] == 0


def test_two_members_cannot_share_a_name(client):
    new_member(client, "Nenek")
    r = new_member(client, "nenek")
    assert r.status_code == 422 and "sudah dipakai" in text_of(r)


def test_the_daughter_files_for_her_grandmother(client, db, family):
    nenek, _req = family["nenek"]
    putu, _none = family["putu"]
    unlock(client, putu, "1357")
    form = client.get("/ajukan/periksa", follow_redirects=True)
    pid, _number = submit_request(client, db, "legalisir-ijazah", "antar_jemput", untuk=nenek,
                                  telepon="081299990000")
    held = db.execute("SELECT a.nama, f.nama FROM perangkat_permohonan pp "
                      "JOIN anggota a ON a.id = pp.anggota_id "
                      "JOIN anggota f ON f.id = pp.pengisi_id WHERE pp.permohonan_id = ?",
                      (pid,)).fetchone()
    assert tuple(held) == ("Nenek", "Putu")
    # Putu, who typed it, sees it marked as Nenek's; Made does not see it at all.
    assert "untuk Nenek" in text_of(client.get("/status"))
    choose(client, family["made"][0])
    assert client.get(f"/permohonan/{pid}").status_code == 303
    # Nenek, unlocked, finds it in her list with who filled it in.
    unlock(client, nenek, "2580")
    assert "diisi oleh Putu" in text_of(client.get("/status"))
    assert form.status_code == 200


def test_untuk_siapa_is_asked_only_when_the_phone_has_members(client, db):
    page = client.get("/ajukan/satu-halaman").get_data(as_text=True)
    assert 'name="untuk"' not in page
    new_member(client, "Nenek")
    new_member(client, "Putu")
    page = client.get("/ajukan/satu-halaman").get_data(as_text=True)
    assert "Untuk siapa permohonan ini?" in page
    # The one using the phone (Putu, just made) is offered first and checked.
    assert re.search(r'value="[0-9a-f]+" checked>\s*<label[^>]*>Putu<', page)


def test_no_cap_an_eleventh_request_keeps_the_first_in_reach(app, client, db):
    made = [submitted_request(db, app.config["UPLOAD_FOLDER"], telepon=f"0812000{i:05d}")
            for i in range(12)]
    for p in made:
        prove(client, p)
    for p in made:
        assert client.get(f"/permohonan/{p['id']}").status_code == 200, p["id"]
    listed = text_of(client.get("/status")).replace(" ", "")
    assert all(p["nomor"] in listed for p in made)


def test_the_first_member_takes_the_phones_requests_and_is_offered_not_demanded(client, db):
    pid, number = submit_request(client, db, "legalisir-ijazah", "antar_jemput")
    done = text_of(client.get(f"/ajukan/selesai/{pid}"))
    assert "Buat profil saya" in done   # offered after the first request
    new_member(client, "Nenek", "2580")
    kode = kode_of(db, "Nenek")
    assert client.get(f"/permohonan/{pid}").status_code == 200
    choose(client, "-")   # someone without a profile takes the phone
    r = client.get(f"/permohonan/{pid}")
    assert r.status_code == 303 and f"/anggota/{kode}/buka" in r.location


def test_old_phones_session_list_moves_to_the_first_member(client, db, app):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"])
    with client.session_transaction() as s:
        s["milik"] = [p["id"]]
    assert client.get(f"/permohonan/{p['id']}").status_code == 200
    new_member(client, "Nenek", "2580")
    with client.session_transaction() as s:
        assert "milik" not in s
    choose(client, "-")
    assert client.get(f"/permohonan/{p['id']}").status_code == 303


def test_switching_member_brings_their_display_and_language(client, db):
    client.post("/tampilan", data={"teks": "200", "suara": "aktif"})
    new_member(client, "Nenek")
    nenek = kode_of(db, "Nenek")
    r = choose(client, "-")
    new_member(client, "Made")
    client.post("/tampilan", data={"isyarat": "selalu"})
    r = choose(client, nenek)
    cookies = " ".join(r.headers.getlist("Set-Cookie"))
    assert "tampilan=suara-aktif.teks-200" in cookies and f"anggota={nenek}" in cookies
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'<html[^>]*class="[^"]*teks-200', page)
    r = choose(client, kode_of(db, "Made"))
    assert "tampilan=isyarat-selalu" in " ".join(r.headers.getlist("Set-Cookie"))
    # A page made for one member says so to the service worker (its kept copy's key).
    assert client.get("/").headers["X-Mentari-Varian"].endswith("|" + kode_of(db, "Made"))


def test_a_locked_member_cannot_be_changed_or_removed_by_another(client, db, family):
    nenek, nenek_req = family["nenek"]
    choose(client, family["made"][0])
    for url in (f"/anggota/{nenek}/ubah", f"/anggota/{nenek}/hapus"):
        r = client.post(url, data={"nama": "Bukan Nenek"})
        assert r.status_code == 303 and "/buka" in r.location
    assert db.execute("SELECT COUNT(*) FROM anggota WHERE nama = 'Nenek'").fetchone()[0] == 1


def test_hapus_anggota_removes_her_rows_and_cookies_and_tells_the_page(client, db, family):
    nenek, nenek_req = family["nenek"]
    unlock(client, nenek, "2580")
    ask = client.get(f"/anggota/{nenek}/hapus")
    assert ask.status_code == 200 and "Ya, hapus anggota" in text_of(ask)
    r = client.post(f"/anggota/{nenek}/hapus")
    assert r.status_code == 302
    cookies = " ".join(r.headers.getlist("Set-Cookie"))
    assert re.search(r"anggota=; Expires=Thu, 01 Jan 1970[^;]*; Max-Age=0", cookies)
    assert db.execute("SELECT COUNT(*) FROM anggota WHERE kode = ?", (nenek,)).fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM perangkat_permohonan WHERE permohonan_id = ?",
                      (nenek_req["id"],)).fetchone()[0] == 0
    page = client.get(r.location).get_data(as_text=True)
    assert f'data-anggota-dihapus="{nenek}"' in page and "anggota-hapus.js" in page
    assert client.get(f"/permohonan/{nenek_req['id']}").status_code == 303
    # The request goes on at the office.
    assert db.execute("SELECT COUNT(*) FROM permohonan WHERE id = ?",
                      (nenek_req["id"],)).fetchone()[0] == 1


OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}


def one_page(db, **override) -> dict:
    """The one-page form's answers for the demo's service without documents, as the service
    worker sends them from the outbox."""
    data = {"layanan": str(service_id(db, "konsultasi")), "mode": "langsung",
            "persetujuan": "y", **answers("langsung", telepon="081277778888")}
    data.update(override)
    return data


def latest_holding(db):
    return db.execute("SELECT a.nama, pp.pengisi_id FROM perangkat_permohonan pp "
                      "LEFT JOIN anggota a ON a.id = pp.anggota_id "
                      "ORDER BY pp.at DESC, pp.permohonan_id DESC LIMIT 1").fetchone()


def test_a_post_from_the_outbox_goes_to_the_member_it_was_kept_under(client, db, family):
    nenek, _req = family["nenek"]
    choose(client, family["made"][0])   # Made holds the phone when the signal returns
    r = client.post("/ajukan/satu-halaman", headers=OUTBOX,
                    data=one_page(db, kunci="kunci-nenek-0123456789", untuk=nenek))
    assert r.status_code == 200 and r.json["status"] == "terkirim", r.get_data(as_text=True)[:500]
    assert tuple(latest_holding(db)) == ("Nenek", None)


def test_a_member_removed_while_offline_leaves_the_request_with_the_phone(client, db, family):
    """Kept under Putu, who was removed before the signal returned: the request is the
    phone's own, not lost and not given to whoever holds the phone."""
    putu, _none = family["putu"]
    unlock(client, putu, "1357")
    client.post(f"/anggota/{putu}/hapus")
    choose(client, family["made"][0])
    r = client.post("/ajukan/satu-halaman", headers=OUTBOX,
                    data=one_page(db, kunci="kunci-putu-0123456789", untuk=putu))
    assert r.status_code == 200 and r.json["status"] == "terkirim"
    assert tuple(latest_holding(db)) == (None, None)
    pid = db.execute("SELECT id FROM permohonan WHERE idempotency_key = ?",
                     ("kunci-putu-0123456789",)).fetchone()[0]
    assert client.get(f"/permohonan/{pid}").status_code == 200


def test_a_half_filled_form_stays_with_whoever_was_filling_it(client, db, family):
    nenek, _req = family["nenek"]
    made, _made_req = family["made"]
    unlock(client, nenek, "2580")
    client.post("/ajukan", data={"mulai": "baru"})
    client.post("/ajukan/layanan", data={"layanan": str(service_id(db, "legalisir-ijazah"))})
    client.post("/ajukan/cara", data={"mode": "langsung"})
    client.post("/ajukan/data-diri", data={"nama": "Ni Nyoman Nenek", "telepon": "081211112222",
                                           "nik": ""})
    assert "Ni Nyoman Nenek" in client.get("/ajukan/data-diri").get_data(as_text=True)
    # Made takes the phone: her answers are not his to see.
    choose(client, made)
    assert "Ni Nyoman Nenek" not in client.get("/ajukan/data-diri",
                                               follow_redirects=True).get_data(as_text=True)
    # She takes it back (with her PIN): her form is where she left it.
    unlock(client, nenek, "2580")
    assert "Ni Nyoman Nenek" in client.get("/ajukan/data-diri").get_data(as_text=True)

