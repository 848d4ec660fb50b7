"""Staff accounts, sessions and sign-in security (issue 17.1, 16.7, 16.13): a copied cookie is
worth nothing after signing out, a password change or deactivation; an idle session ends; the
account locks after repeated failures, counted in the database every worker shares; a first
password is replaced before anything else; passwords follow NIST SP 800-63B; a person may hold
two roles and acts in one at a time; demo accounts never exist in production."""
import re
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from pwa import create_app, demo, store
from pwa.services import akun
from pwa.store import jejak as audit_store, staf as staff_store

from tests.pages import text_of
from tests.factories import staff_id, submitted_request

SIGN_IN = "/staf/masuk"
GOOD = "kopi pahit di pagi hari"  # a passphrase the rules accept


def sign_in(client, username, password=demo.DEMO_PASSWORD):
    return client.post(SIGN_IN, data={"username": username, "password": password})


def signed_in(app, username, password=demo.DEMO_PASSWORD):
    client = app.test_client()
    r = sign_in(client, username, password)
    assert r.status_code == 302 and not r.location.startswith(SIGN_IN), text_of(r)[:400]
    return client


def stolen_cookie(client) -> str:
    """The session cookie as someone copying it off this browser would have it."""
    return client.get_cookie("session").value


def replay(app, cookie: str, path: str = "/staf/admin/"):
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get(path)


def refused(response) -> bool:
    return response.status_code == 302 and response.location.startswith(SIGN_IN)


def first_password_from(response) -> str:
    return re.search(r'class="reg-number"[^>]*>\s*([^<\s]+)\s*<',
                     response.get_data(as_text=True)).group(1)


# --- sessions end for real (issue 16.7) -----------------------------------------------------

def test_a_cookie_replayed_after_signing_out_opens_nothing(app):
    admin = signed_in(app, "admin")
    other_device = signed_in(app, "admin")
    cookie = stolen_cookie(admin)
    assert replay(app, cookie).status_code == 200
    admin.post("/staf/keluar")
    assert refused(replay(app, cookie))
    # Signing out ends every session of the account, the other device's too.
    assert refused(other_device.get("/staf/admin/"))


def test_a_password_change_ends_every_other_session(app):
    here = signed_in(app, "verifikator")
    elsewhere = signed_in(app, "verifikator")
    copied = stolen_cookie(here)
    r = here.post("/staf/sandi", data={"sandi_sekarang": demo.DEMO_PASSWORD,
                                      "sandi_baru": GOOD, "sandi_ulang": GOOD})
    assert r.status_code == 302
    assert here.get("/staf/antrean").status_code == 200  # this browser stays in
    assert refused(elsewhere.get("/staf/antrean"))
    assert refused(replay(app, copied, "/staf/antrean"))
    assert sign_in(app.test_client(), "verifikator").status_code == 200  # the old one: no
    signed_in(app, "verifikator", GOOD)


def test_deactivation_signs_the_account_out_everywhere(app, db):
    petugas = signed_in(app, "petugas")
    copied = stolen_cookie(petugas)
    admin = signed_in(app, "admin")
    target = staff_id(db, "petugas")
    assert admin.post(f"/staf/admin/akun/{target}/nonaktifkan").status_code == 302
    assert refused(petugas.get("/staf/antrean"))
    assert refused(replay(app, copied, "/staf/antrean"))
    r = sign_in(app.test_client(), "petugas")
    assert r.status_code == 200 and "Nama pengguna atau kata sandi salah." in text_of(r)
    assert admin.post(f"/staf/admin/akun/{target}/aktifkan").status_code == 302
    signed_in(app, "petugas")


def _age_sessions(db, staf: str, hours: float):
    moment = (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat(timespec="seconds")
    with store.transaction(db):
        db.execute("UPDATE staf_session SET terakhir_at = ? WHERE staf_id = ?",
                   (moment, staff_id(db, staf)))


def test_a_session_left_idle_for_a_working_day_ends(app, db):
    assert app.config["STAF_IDLE_HOURS"] == 8
    kept, left = signed_in(app, "kepala"), signed_in(app, "kasubag")
    _age_sessions(db, "kepala", 7.5)   # used this morning: still good, and renewed
    _age_sessions(db, "kasubag", 8.5)  # left since yesterday
    assert kept.get("/staf/antrean").status_code == 200
    assert refused(left.get("/staf/antrean"))
    assert staff_store.session_count(db, staff_id(db, "kasubag")) == 0
    last = db.execute("SELECT terakhir_at FROM staf_session WHERE staf_id = ?",
                      (staff_id(db, "kepala"),)).fetchone()[0]
    assert datetime.fromisoformat(last) > datetime.now(timezone.utc) - timedelta(minutes=5)


def test_the_cookie_holds_no_account_id_only_a_token(app, db):
    client = signed_in(app, "admin")
    value = app.session_interface.get_signing_serializer(app).loads(stolen_cookie(client))
    assert "staf_id" not in value and len(value["staf_session"]) >= 40
    # The database keeps only the token's digest: a copy of it opens no session.
    stored = db.execute("SELECT token_hash FROM staf_session").fetchone()[0]
    assert value["staf_session"] not in stored


# --- lockout, shared by every worker process (issue 16.13) ---------------------------------

@pytest.fixture
def second_app(app):
    """Another worker process: its own app object and memory, the same database."""
    return create_app(dict(app.config))


def test_failures_on_two_workers_lock_the_account_for_both(app, second_app, db):
    assert app.config["LOGIN_LOCK_AFTER"] == 5
    workers = [app.test_client(), second_app.test_client()]
    for attempt in range(4):
        r = sign_in(workers[attempt % 2], "kepala", "bukan-sandinya")
        assert "Nama pengguna atau kata sandi salah." in text_of(r)
    r = sign_in(workers[0], "kepala", "bukan-sandinya")  # the 5th, on the first worker
    assert "dikunci sementara" in text_of(r)
    for worker in workers:  # even the right password, on either worker
        r = sign_in(worker, "kepala")
        assert r.status_code == 200 and "dikunci sementara" in text_of(r)
    events = [e["peristiwa"] for e in audit_store.search(db, {"staf_id": staff_id(db, "kepala")})]
    assert events.count("masuk_gagal") == 5 and events.count("akun_dikunci") == 1
    assert events.count("masuk_terkunci") == 2


def test_the_admin_is_told_and_can_open_a_locked_account(app, db):
    for _ in range(5):
        sign_in(app.test_client(), "satpam", "salah-lagi-salah")
    admin = signed_in(app, "admin")
    page = text_of(admin.get("/staf/admin/"))
    assert "Akun terkunci" in page and "I Nyoman Budi (satpam)" in page
    assert "Terkunci" in text_of(admin.get("/staf/admin/akun"))
    target = staff_id(db, "satpam")
    assert admin.post(f"/staf/admin/akun/{target}/buka-kunci").status_code == 302
    assert "Akun terkunci" not in text_of(admin.get("/staf/admin/"))
    signed_in(app, "satpam")


def test_a_temporary_lock_ends_and_twenty_in_a_row_wait_for_the_admin(app, db):
    target = staff_id(db, "petugas2")

    def fail(times):
        for _ in range(times):
            sign_in(app.test_client(), "petugas2", "tebakan-yang-salah")

    def unlock_by_time():
        with store.transaction(db):
            db.execute("UPDATE staf SET dikunci_sampai = '2000-01-01T00:00:00+00:00' "
                       "WHERE id = ?", (target,))

    for _ in range(3):  # 15 failures: three 15-minute locks, each waited out
        fail(5)
        unlock_by_time()
    fail(4)
    unlock_by_time()
    r = sign_in(app.test_client(), "petugas2", "tebakan-yang-salah")  # the 20th
    assert "Minta admin kantor untuk membukanya." in text_of(r)
    unlock_by_time()
    assert "Minta admin kantor" in text_of(sign_in(app.test_client(), "petugas2"))
    signed_in(app, "admin").post(f"/staf/admin/akun/{target}/buka-kunci")
    signed_in(app, "petugas2")


def test_a_success_starts_the_count_again(app):
    for _ in range(4):
        sign_in(app.test_client(), "kasubag", "bukan-ini")
    signed_in(app, "kasubag")
    for _ in range(4):
        sign_in(app.test_client(), "kasubag", "bukan-ini")
    signed_in(app, "kasubag")


# --- first passwords and the rules for new ones (issue 17.1) --------------------------------

def _add_account(admin, username="wayan.baru", nama="I Wayan Baru", roles=("petugas",)):
    r = admin.post("/staf/admin/akun/baru", data={"username": username, "nama": nama,
                                                   "peran": list(roles)})
    assert r.status_code == 200 and "no-store" in r.headers["Cache-Control"], text_of(r)[:300]
    return first_password_from(r)


def test_the_first_password_must_be_changed_before_anything_else(app, db):
    admin = signed_in(app, "admin")
    first = _add_account(admin)
    assert db.execute("SELECT password_hash FROM staf WHERE username = 'wayan.baru'"
                      ).fetchone()[0].startswith("$argon2id$")
    newcomer = app.test_client()
    r = sign_in(newcomer, "wayan.baru", first)
    assert r.location == "/staf/sandi-pertama"
    for path in ("/staf/antrean", "/staf/sandi", "/staf/loket", "/staf/"):
        r = newcomer.get(path)
        assert r.status_code == 302 and r.location == "/staf/sandi-pertama", path
    assert newcomer.post("/staf/loket/panggil").location == "/staf/sandi-pertama"
    page = newcomer.get("/staf/sandi-pertama")
    assert "Antrean permohonan" not in text_of(page)  # no menu until it is done
    r = newcomer.post("/staf/sandi-pertama", data={"sandi_baru": first, "sandi_ulang": first})
    assert "harus berbeda" in text_of(r)
    r = newcomer.post("/staf/sandi-pertama", data={"sandi_baru": GOOD, "sandi_ulang": GOOD})
    assert r.status_code == 302 and r.location == "/staf/antrean"
    assert newcomer.get("/staf/antrean").status_code == 200
    assert newcomer.get("/staf/sandi-pertama").location == "/staf/antrean"
    assert sign_in(app.test_client(), "wayan.baru", first).status_code == 200  # refused
    signed_in(app, "wayan.baru", GOOD)


@pytest.mark.parametrize("lang, short, common", [
    ("id", "Kata sandi paling sedikit 8 karakter.",
     "Kata sandi ini terlalu umum dan mudah ditebak"),
    ("ban", "Kruna sandi paling kidik 8 aksara.",
     "Kruna sandi puniki kalintang lumrah tur gampang kapitenget"),
])
def test_a_short_or_common_password_is_refused_in_the_reader_s_language(app, lang, short,
                                                                       common):
    client = signed_in(app, "verifikator")
    client.set_cookie("bahasa", lang)
    for new, message in (("pendek", short), ("password123", common), ("Sunshine2024!", common),
                         ("bismillah", common)):
        r = client.post("/staf/sandi", data={"sandi_sekarang": demo.DEMO_PASSWORD,
                                             "sandi_baru": new, "sandi_ulang": new})
        assert r.status_code == 200 and message in text_of(r), new
        assert text_of(r).startswith("Kesalahan:" if lang == "id" else "Iwang:")
    # Nothing changed: the old password still signs in.
    signed_in(app, "verifikator")


@pytest.mark.parametrize("new, accepted", [
    ("Wirawan2024", False),            # the person's own name (I Made Wirawan)
    ("verifikator!!", False),          # the username
    ("mentari-karangasem", False),     # the office's words
    ("abcdefghij", False),             # a run
    ("a" * 129, False),                # over the maximum
    ("x9 kebo ngigel di carik", True),  # no composition rules: no capital needed
    ("é" * 3 + " sepeda motor tua", True),
    ("b" * 2 + "3kY" + "z" * 59 + "q", True),  # 64 characters
])
def test_password_rules(app, new, accepted):
    client = signed_in(app, "verifikator")
    r = client.post("/staf/sandi", data={"sandi_sekarang": demo.DEMO_PASSWORD,
                                         "sandi_baru": new, "sandi_ulang": new})
    assert (r.status_code == 302) is accepted, text_of(r)[:600]


def test_the_current_password_is_asked_and_the_new_one_typed_twice(app):
    client = signed_in(app, "verifikator")
    r = client.post("/staf/sandi", data={"sandi_sekarang": "bukan-sandinya",
                                         "sandi_baru": GOOD, "sandi_ulang": GOOD})
    assert "Kata sandi sekarang salah." in text_of(r)
    r = client.post("/staf/sandi", data={"sandi_sekarang": demo.DEMO_PASSWORD,
                                         "sandi_baru": GOOD, "sandi_ulang": GOOD + "x"})
    assert "Kedua kata sandi baru tidak sama." in text_of(r)


def test_a_hash_from_before_argon2_still_signs_in_and_is_replaced(app, db):
    from werkzeug.security import generate_password_hash
    target = staff_id(db, "satpam")
    with store.transaction(db):
        staff_store.update(db, target, password_hash=generate_password_hash(
            "lama tapi masih berlaku", method="pbkdf2:sha256:1000"))
    signed_in(app, "satpam", "lama tapi masih berlaku")
    assert staff_store.password_hash(db, target).startswith("$argon2id$")
    signed_in(app, "satpam", "lama tapi masih berlaku")


# --- the admin's account pages ----------------------------------------------------------------

def test_the_admin_adds_edits_and_resets_accounts(app, db):
    admin = signed_in(app, "admin")
    _add_account(admin, "ketut.tu", "Ni Ketut Rai", ("kasubag_tu",))
    r = admin.post("/staf/admin/akun/baru", data={"username": "ketut.tu", "nama": "Lain",
                                                   "peran": ["satpam"]})
    assert "Nama pengguna ini sudah dipakai." in text_of(r)
    r = admin.post("/staf/admin/akun/baru", data={"username": "Bad Name!", "nama": "",
                                                   "peran": ["raja"]})
    page = text_of(r)
    assert "Nama pengguna 3 sampai 32 karakter" in page
    assert "Masukkan nama lengkap petugas." in page and "Pilih peran dari daftar." in page
    assert 'value="bad name!"' in r.get_data(as_text=True)  # what was typed is kept
    target = staff_id(db, "ketut.tu")
    r = admin.post(f"/staf/admin/akun/{target}", data={"nama": "Ni Ketut Rai, S.Ag.",
                                                         "peran": ["kasubag_tu", "verifikator"]})
    assert r.status_code == 302
    assert staff_store.get_staff(db, target)["peran_semua"] == ["kasubag_tu", "verifikator"]
    # The first password is replaced by a new one; the person must change it again.
    r = admin.post(f"/staf/admin/akun/{target}/reset-sandi")
    again = first_password_from(r)
    assert sign_in(app.test_client(), "ketut.tu", again).location == "/staf/sandi-pertama"


def test_an_admin_cannot_lock_themselves_out(app, db):
    admin = signed_in(app, "admin")
    me = staff_id(db, "admin")
    r = admin.post(f"/staf/admin/akun/{me}/nonaktifkan")
    assert r.status_code == 200 and "akun Anda sendiri" in text_of(r)
    r = admin.post(f"/staf/admin/akun/{me}", data={"nama": "Ni Luh Putu Sari",
                                                     "peran": ["verifikator"]})
    assert "akun Anda sendiri" in text_of(r)
    assert staff_store.get_staff(db, me)["aktif"] and admin.get("/staf/admin/").status_code == 200


# --- two roles, one at a time (issue 17.1) -------------------------------------------------------

def test_a_person_with_two_roles_acts_in_one_at_a_time(app, db):
    p = submitted_request(db, app.config["UPLOAD_FOLDER"])
    pid = p["id"]
    tu = signed_in(app, "tu")  # the demo's Kasubag TU who also verifies
    assert "Peran: Verifikator" in text_of(tu.get("/staf/antrean"))
    checks = {f"periksa-m_{r[0]}": "ya" for r in db.execute(
        "SELECT id FROM persyaratan WHERE layanan_id = ? AND aktif = 1", (p["layanan_id"],))}
    r = tu.post(f"/staf/permohonan/{pid}/periksa", data={"tombol": "teruskan", **checks})
    assert r.status_code == 302, text_of(r)[:600]
    # Acting as verifikator, the Kasubag's step is refused like anybody else's...
    r = tu.post(f"/staf/permohonan/{pid}/aksi/paraf", data={"paraf-catatan": ""})
    assert r.status_code == 409 and "Peran Anda tidak boleh" in text_of(r)
    # ...and a Kasubag-only page asks to switch first.
    r = tu.get("/staf/admin/laporan")
    assert r.status_code == 302 and r.location.startswith("/staf/peran?ke=kasubag_tu")
    page = tu.get(r.location)
    assert "Halaman yang Anda buka adalah untuk Kasubag TU" in text_of(page)
    r = tu.post("/staf/peran", data={"peran": "kasubag_tu", "next": "/staf/admin/laporan"})
    assert r.location == "/staf/admin/laporan"
    assert tu.get("/staf/admin/laporan").status_code == 200
    r = tu.post(f"/staf/permohonan/{pid}/aksi/paraf", data={"paraf-catatan": ""})
    assert r.status_code == 302
    steps = {e["peristiwa"]: e["peran"] for e in audit_store.search(
        db, {"staf_id": staff_id(db, "tu")})}
    assert steps["paraf"] == "kasubag_tu" and steps["peran_diganti"] == "kasubag_tu"
    # A role one does not hold cannot be chosen.
    r = tu.post("/staf/peran", data={"peran": "admin"})
    assert r.status_code == 200 and "Pilih peran Anda sekarang." in text_of(r)
    assert tu.get("/staf/admin/").status_code == 403


# --- production -----------------------------------------------------------------------------

def test_production_has_no_demo_accounts_and_the_cli_makes_the_first_admin(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setenv("MENTARI_ENV", "production")
    monkeypatch.setenv("MENTARI_SECRET_KEY", "p" * 40)
    monkeypatch.setenv("MENTARI_DATABASE", str(tmp_path / "prod.db"))
    # What production insists on besides the key: its public address (the test client asks as
    # localhost), a real gateway and the office's phone.
    monkeypatch.setenv("MENTARI_PUBLIC_URL", "https://mentari.example.go.id")
    monkeypatch.setenv("MENTARI_TRUSTED_HOSTS", "localhost")
    monkeypatch.setenv("MENTARI_NOTIFY_SENDER", "http")
    monkeypatch.setenv("MENTARI_GATEWAY_URL", "https://gateway.example/sms")
    monkeypatch.setenv("MENTARI_KANTOR_TELEPON", "(0363) 21011")
    app = create_app({"TESTING": True, "UPLOAD_FOLDER": str(tmp_path / "u"),
                      "NOTIFY_OUTBOX_FILE": str(tmp_path / "o.log"), "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False,
                      # The test client speaks plain HTTP; production's cookie is HTTPS-only.
                      "SESSION_COOKIE_SECURE": False})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["init-db", "--demo"])
    assert result.exit_code != 0 and "mentari staf tambah" in result.output
    db = store.connect(app.config["DATABASE"])
    store.migrate(db)
    with pytest.raises(demo.DemoDiProduksi):
        demo.load(db, app.config)
    assert staff_store.count(db) == 0
    assert sign_in(app.test_client(), "admin").status_code == 200  # no such account

    result = runner.invoke(args=["staf", "tambah", "sari", "--nama", "Ni Luh Putu Sari",
                                 "--peran", "admin"])
    assert result.exit_code == 0, result.output
    first = re.search(r"Kata sandi pertama:\s+(\S+)", result.output).group(1)
    client = app.test_client()
    assert sign_in(client, "sari", first).location == "/staf/sandi-pertama"
    assert audit_store.search(db, {"jenis": "admin"})[0]["asal"] == "cli"
    for args in (["staf", "reset-sandi", "sari"], ["staf", "ubah", "sari", "--peran", "admin",
                                                    "--peran", "verifikator"],
                 ["staf", "daftar"]):
        assert runner.invoke(args=args).exit_code == 0
    assert refused(client.get("/staf/admin/"))  # the reset signed her out
    # The last admin cannot be deactivated from the command line either.
    result = runner.invoke(args=["staf", "nonaktifkan", "sari"])
    assert result.exit_code != 0 and "satu-satunya admin" in result.output
    db.conn.close()


def test_make_run_keeps_the_demo_accounts(tmp_path, monkeypatch):
    monkeypatch.delenv("MENTARI_ENV", raising=False)
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE": str(tmp_path / "d.db")})
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        store.migrate(db)
        assert demo.load(db, app.config)
        assert staff_store.get_staff(db, staff_id(db, "tu"))["peran_semua"] == [
            "kasubag_tu", "verifikator"]
    assert not staff_store.by_username(db, "admin")["harus_ganti_sandi"]


def test_the_first_password_generator_makes_acceptable_passwords():
    from pwa.domain import sandi
    seen = {akun.first_password() for _ in range(50)}
    assert len(seen) == 50 and all(sandi.check(p) == p for p in seen)


def test_accounts_made_before_several_roles_keep_their_role(tmp_path):
    import sqlite3
    from pwa.store import migrations
    path = str(tmp_path / "lama.db")
    conn = sqlite3.connect(path)
    conn.executescript(migrations.M001_SCHEMA + migrations.M002_SKM_KUNCI)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO staf (username, nama, peran, password_hash) VALUES "
                 "('sari', 'Ni Luh Putu Sari', 'admin', 'x'), ('budi', 'I Nyoman Budi', "
                 "'satpam', 'y')")
    conn.commit()
    conn.close()
    db = store.connect(path)
    store.migrate(db)
    assert [(a["username"], a["peran_semua"]) for a in staff_store.all_staff(db)] == [
        ("budi", ["satpam"]), ("sari", ["admin"])]
    db.conn.close()
