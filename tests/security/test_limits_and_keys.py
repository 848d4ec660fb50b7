"""Issue 16 points 1 (submissions limited), 10 (the offline key is not a password) and 13
(guessing phone digits is limited per registration number, in storage every worker shares)."""
import pytest

from pwa import create_app, demo, store
from pwa.domain import nomor

from tests.flows import answers, service_id, submit_request

OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}
KEY = "kunci-uji-0123456789abcdef"


def _app(tmp_path, **config):
    base = {"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.db"),
            "UPLOAD_FOLDER": str(tmp_path / "u"), "NOTIFY_OUTBOX_FILE": str(tmp_path / "o.log"),
            "WTF_CSRF_ENABLED": False, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "ISYARAT_FOLDER": str(tmp_path / "i")}
    app = create_app(dict(base, **config))
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        if not db.execute("SELECT COUNT(*) FROM staf").fetchone()[0]:
            demo.load(db, app.config)
        db.conn.close()
    return app


def _one_page(db, **override):
    a = answers("langsung")
    data = {"layanan": str(service_id(db, "konsultasi")), "mode": "langsung",
            "persetujuan": "y", "kunci": KEY, **a}
    data.update(override)
    return {k: v for k, v in data.items() if v is not None}


def test_an_offline_key_alone_gives_nothing_away(client, db, app):
    data = _one_page(db)
    sent = client.post("/ajukan/satu-halaman", data=data, headers=OUTBOX).get_json()
    assert sent["status"] == "terkirim" and sent["nomor"]
    # Someone who saw the key (but not the phone number) posts it from another phone.
    stranger = app.test_client()
    answer = stranger.post("/ajukan/satu-halaman", data=dict(data, telepon="0899 1111 2222"),
                           headers=OUTBOX).get_json()
    assert answer == {"status": "terkirim"}  # no number, no link
    plain = stranger.post("/ajukan/satu-halaman", data={"kunci": KEY})
    assert plain.status_code == 302 and plain.location.endswith("/status")
    pid = db.execute("SELECT id FROM permohonan WHERE idempotency_key = ?", (KEY,)).fetchone()[0]
    assert stranger.get(f"/permohonan/{pid}").location.endswith("/status")
    # The phone that sent it, retrying with its own answers after a lost reply, still gets it.
    retry = app.test_client().post("/ajukan/satu-halaman", data=data, headers=OUTBOX).get_json()
    assert retry["nomor"] == sent["nomor"]
    assert db.execute("SELECT COUNT(*) FROM permohonan").fetchone()[0] == 1


def test_the_saved_page_never_carries_the_key():
    from pathlib import Path
    sw = Path("pwa/templates/shell/sw.js").read_text()
    assert "?kunci=" not in sw and "TERSIMPAN + \"?" not in sw


def test_guessing_the_phone_digits_locks_the_number_for_every_worker(tmp_path):
    # Two app instances on one database: two gunicorn workers.
    first = _app(tmp_path, RATELIMIT_ENABLED=True, STATUS_RATE_LIMIT="1000 per minute",
                 STATUS_NOMOR_LIMIT="5 per hour")
    second = _app(tmp_path, RATELIMIT_ENABLED=True, STATUS_RATE_LIMIT="1000 per minute",
                  STATUS_NOMOR_LIMIT="5 per hour")
    with first.app_context():
        db = store.connect(first.config["DATABASE"])
        client = first.test_client()
        pid, number = submit_request(client, db, "konsultasi", "konsultasi")
        db.conn.close()
    right = "7890"  # tests.flows' phone number ends so
    for i, app in enumerate([first, second] * 3):  # six wrong guesses from six addresses
        guesser = app.test_client()
        r = guesser.post("/status", data={"nomor": number, "telepon4": f"{1000 + i}"},
                         environ_base={"REMOTE_ADDR": f"10.0.0.{i}"})
        assert r.status_code in (200, 429)
    locked = second.test_client().post("/status", data={"nomor": number, "telepon4": right},
                                       environ_base={"REMOTE_ADDR": "10.0.1.1"})
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan untuk nomor ini" in locked.get_data(as_text=True)
    # Another number is not locked, and neither is the same address for other numbers.
    other = second.test_client().post("/status", data={"nomor": nomor.generate(),
                                                      "telepon4": "1234"},
                                      environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert other.status_code == 200


def test_a_phone_number_gets_only_a_few_new_requests_a_day(tmp_path):
    app = _app(tmp_path, RATELIMIT_ENABLED=True, SUBMIT_PHONE_LIMIT="2 per day",
               SUBMIT_RATE_LIMIT="1000 per hour")
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        codes = []
        for i in range(3):
            client = app.test_client()
            r = client.post("/ajukan/satu-halaman",
                            data=_one_page(db, kunci=f"{KEY}{i:04d}", telepon="0812 3456 7890"),
                            environ_base={"REMOTE_ADDR": f"10.1.0.{i}"})
            codes.append(r.status_code)
        made = db.execute("SELECT COUNT(*) FROM permohonan").fetchone()[0]
        db.conn.close()
    assert codes[:2] == [302, 302] and made == 2
    assert codes[2] == 200 and "Nomor HP ini sudah dipakai" in r.get_data(as_text=True)


def test_one_client_gets_only_so_many_new_requests(tmp_path):
    app = _app(tmp_path, RATELIMIT_ENABLED=True, SUBMIT_RATE_LIMIT="2 per hour",
               SUBMIT_PHONE_LIMIT="1000 per day")
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        pages = [app.test_client().post(
            "/ajukan/satu-halaman", data=_one_page(db, kunci=f"{KEY}{i:04d}",
                                                   telepon=f"0812 3456 78{i:02d}"),
            environ_base={"REMOTE_ADDR": "10.2.0.1"}) for i in range(3)]
        db.conn.close()
    assert [p.status_code for p in pages] == [302, 302, 200]
    assert "Terlalu banyak permohonan dikirim dari perangkat ini" in pages[2].get_data(
        as_text=True)


@pytest.mark.parametrize("path", ["/suara/ucap"])
def test_speech_is_rate_limited_per_client(tmp_path, path):
    app = _app(tmp_path, RATELIMIT_ENABLED=True, SPEECH_RATE_LIMIT="2 per minute")
    client = app.test_client()
    codes = [client.post(path, data={"teks": "", "lang": "id"},
                         environ_base={"REMOTE_ADDR": "10.3.0.1"}).status_code for _ in range(3)]
    assert codes[:2] == [422, 422] and codes[2] == 429
