"""`mentari init-db --demo` (what `make run` does) gives a lived-in office, and the README's
"Demo data" section tells the truth about it: every number it lists opens on /status with its
phone digits and shows the state it names."""
import json
import re
from pathlib import Path

import pytest

from pwa import create_app
from pwa.bahasa import labels

from tests.pages import text_of

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def fresh_app(tmp_path):
    """An app on an empty database, with a real SMS gateway configured (that must not be used)."""
    return create_app({
        "TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "DATABASE": str(tmp_path / "demo.db"), "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "NOTIFY_OUTBOX_FILE": str(tmp_path / "outbox.log"),
        "NOTIFY_SENDER": "http", "GATEWAY_URL": "http://127.0.0.1:9/kirim",
    })


def _readme_requests() -> list[tuple[str, str, str]]:
    """(number, phone digits, state) of each demo request the README lists."""
    section = README.read_text(encoding="utf-8").split("## Try it: the demo office", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\d{4} \d{4} \d{4})` \| (\d{4}) \| (\w+) \|", section, re.M)


def init_db_demo(app) -> str:
    """`mentari init-db --demo`; the `mentari` command group gives commands an app context."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=["init-db", "--demo"]).output


def _sign_in(app, username):
    client = app.test_client()
    client.post("/staf/masuk", data={"username": username, "password": "mentari-demo"})
    return client


def test_init_db_demo_fills_every_queue_once(fresh_app):
    assert "Demo data added" in init_db_demo(fresh_app)
    assert "demo data not added" in init_db_demo(fresh_app)  # never on top of existing data

    for username, waiting in (("verifikator", "Permohonan menunggu pemeriksaan"),
                              ("kasubag", "Laporan petugas menunggu paraf"),
                              ("kepala", "Keberatan menunggu keputusan"),
                              ("petugas", "Tugas layanan saya")):
        queue = text_of(_sign_in(fresh_app, username).get("/staf/antrean"))
        assert waiting in queue
        assert len(re.findall(r"2024 0000 0\d\d\d", queue)) >= 2, (username, queue[:800])
    admin = text_of(_sign_in(fresh_app, "admin").get("/staf/antrean"))
    assert "Melewati batas waktu SOP: 3 permohonan" in admin
    assert "P-001" in text_of(fresh_app.test_client().get("/antrian"))
    assert "Jumlah responden 5" in text_of(fresh_app.test_client().get("/skm"))


def test_demo_messages_stay_in_the_local_outbox(fresh_app):
    init_db_demo(fresh_app)
    lines = Path(fresh_app.config["NOTIFY_OUTBOX_FILE"]).read_text(encoding="utf-8")
    sent = [json.loads(line) for line in lines.splitlines()]
    assert len(sent) > 13 and all(m["to"].startswith("•") for m in sent)
    assert fresh_app.config["NOTIFY_SENDER"] == "http"  # the configuration is left as it was


def test_every_request_the_readme_lists_opens_on_the_status_page(fresh_app):
    init_db_demo(fresh_app)
    listed = _readme_requests()
    assert len(listed) == 13
    for number, digits, state in listed:
        citizen = fresh_app.test_client()
        r = citizen.post("/status", data={"nomor": number, "telepon4": digits})
        assert r.status_code == 302, (number, text_of(r)[:300])
        page = text_of(citizen.get(r.location))
        with fresh_app.test_request_context():
            shown = labels.of(labels.STATUS, state)
        assert number in page and shown in page, (number, state)
