"""Issue 16 points 1, 2 and 9: links to citizens come from the configured public URL, unknown
Host headers are refused, redirects stay on this site, and a mistyped MENTARI_ENV stops
start-up."""
import json

import pytest

from pwa import create_app
from pwa.config import ConfigError, from_environment

from tests.flows import deliver_notifications, submit_request

SECRET = "x" * 40


def _sms(app) -> list[str]:
    deliver_notifications(app)
    with open(app.config["NOTIFY_OUTBOX_FILE"], encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


def test_sms_links_use_the_public_url_whatever_host_the_request_named(app, db):
    app.config["PUBLIC_URL"] = "https://mentari.example.go.id"
    app.config["TRUSTED_HOSTS"] = ["mentari.example.go.id", "localhost", "evil.example"]
    client = app.test_client()
    # An attacker who gets their own host name through (a trusted proxy name, say) still
    # cannot put it into the office's SMS.
    client.environ_base["HTTP_HOST"] = "evil.example"
    submit_request(client, db, "konsultasi", "konsultasi")
    sent = _sms(app)
    assert sent and all("https://mentari.example.go.id/status" in text for text in sent)
    assert not any("evil.example" in text for text in sent)


def test_an_unknown_host_header_is_refused(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost"}).status_code == 200


@pytest.mark.parametrize("target", [
    "/%09/evil.example/x", "/%0a/x", "/%0d%0a/x", "//evil.example", "/\\evil.example",
    "https://evil.example/", "/%5Cevil.example", "%2F%2Fevil.example",
])
def test_sign_in_never_redirects_off_site(client, target):
    r = client.post(f"/staf/masuk?next={target}",
                    data={"username": "admin", "password": "mentari-demo"})
    assert r.status_code == 302
    assert r.location in ("/staf/admin/", "http://localhost/staf/admin/")


@pytest.mark.parametrize("target", ["/%09/evil.example/x", "/%0a/x", "//evil.example"])
def test_display_settings_never_redirect_off_site(client, target):
    r = client.post(f"/tampilan?kembali={target}", data={"kontras": "tinggi",
                                                         "kembali": target.replace("%09", "\t")
                                                         .replace("%0a", "\n")})
    assert r.status_code == 302 and r.location in ("/", "http://localhost/")
    assert client.get(f"/tampilan?kembali={target}").status_code == 200


def test_a_local_next_page_is_still_followed(client):
    r = client.post("/staf/masuk?next=/staf/admin/laporan",
                    data={"username": "admin", "password": "mentari-demo"})
    assert r.location.endswith("/staf/admin/laporan")


@pytest.mark.parametrize("mode", ["Production", "prod", "PRODUCTION", "staging", ""])
def test_an_unknown_env_mode_stops_start_up(mode, monkeypatch, tmp_path):
    monkeypatch.setenv("MENTARI_ENV", mode)
    with pytest.raises(ConfigError, match="MENTARI_ENV"):
        create_app({"DATABASE": str(tmp_path / "x.db")})


def test_production_needs_an_https_public_url(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTARI_ENV", "production")
    monkeypatch.setenv("MENTARI_SECRET_KEY", SECRET)
    monkeypatch.delenv("MENTARI_PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="MENTARI_PUBLIC_URL"):
        create_app({"DATABASE": str(tmp_path / "x.db")})
    monkeypatch.setenv("MENTARI_PUBLIC_URL", "http://mentari.example.go.id")
    with pytest.raises(ConfigError, match="MENTARI_PUBLIC_URL"):
        create_app({"DATABASE": str(tmp_path / "x.db")})


def test_production_trusts_only_its_own_host(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTARI_ENV", "production")
    monkeypatch.setenv("MENTARI_PUBLIC_URL", "https://mentari.example.go.id/")
    config = from_environment(str(tmp_path))
    assert config["TRUSTED_HOSTS"] == ["mentari.example.go.id"]
    assert config["PUBLIC_URL"] == "https://mentari.example.go.id"
    assert config["GALLERY"] is False and config["SESSION_COOKIE_SECURE"] is True
