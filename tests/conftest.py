"""Fixtures after Flask's tutorial: a fresh app on a temporary SQLite file per test.

Helpers to import live in tests/pages.py, tests/flows.py and tests/factories.py, never here."""
import pytest

from pwa import create_app, demo, store

from tests.pages import USER_FOR_ROLE, text_of  # noqa: F401 (older imports of conftest)


@pytest.fixture(scope="session")
def speech_folder(tmp_path_factory):
    """Voice mode's files (synthesis cache, models) for this process: shared by its tests as
    instance/suara/ would be, but never with another pytest-xdist worker or a running app."""
    return tmp_path_factory.mktemp("suara", numbered=False)


@pytest.fixture
def app(tmp_path, speech_folder):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "DATABASE": str(tmp_path / "test.db"),
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "ISYARAT_FOLDER": str(tmp_path / "isyarat"),
        "NOTIFY_OUTBOX_FILE": str(tmp_path / "outbox.log"),
        "SPEECH_FOLDER": str(speech_folder),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    })
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        demo.load(db, app.config)
        db.conn.close()
    yield app


# Mid-minute, mid-hour and mid-day: the rate limits count in fixed windows (store/batas.py), so
# a test's few requests that straddled a minute's end were counted in two windows and the
# limit never came (a full run, under load: 200 where 429 was due).
RATE_LIMIT_CLOCK = 20_000 * 86_400 + 12 * 3_600 + 30 * 60 + 30.5


@pytest.fixture(autouse=True)
def _rate_limits_in_one_window(monkeypatch):
    """Every attempt a test makes falls in the same rate-limit window, however long it runs."""
    from types import SimpleNamespace

    from pwa.web import batas
    monkeypatch.setattr(batas, "time", SimpleNamespace(time=lambda: RATE_LIMIT_CLOCK))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    conn = store.connect(app.config["DATABASE"])
    yield conn
    conn.conn.close()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = demo.DEMO_PASSWORD):
        return self.client.post("/staf/masuk", data={"username": username, "password": password})

    def logout(self):
        return self.client.post("/staf/keluar")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def login(auth):
    def as_role(role: str):
        auth.logout()
        response = auth.login(USER_FOR_ROLE[role])
        assert response.status_code == 302, "demo login failed"
        return response
    return as_role


# The voice development set's figures (tests/speech/test_voice_accuracy.py records them on its
# reports, which pytest-xdist brings back from the worker that ran them).
FIGURES: dict = {}


def pytest_runtest_logreport(report):
    for name, value in getattr(report, "user_properties", ()):
        if name == "voice_figures":
            FIGURES.update(value)


def pytest_terminal_summary(terminalreporter):
    """The voice development set's figures, when it ran."""
    if FIGURES:
        terminalreporter.write_sep(
            "-", f"voice commands: {FIGURES['correct']}/{FIGURES['in_domain']} right "
                 f"({FIGURES['accuracy']:.1%}, target {FIGURES['target']:.0%}; "
                 f"{FIGURES['wrong_actions']} misses acted on the wrong thing, "
                 f"{FIGURES['read_back_wrong']} numbers heard wrong and read back); "
                 f"{FIGURES['false_accepts']} false accepts of {FIGURES['out_of_domain']} "
                 f"out-of-domain sentences ({FIGURES['out_of_domain_asked']} asked about)")
