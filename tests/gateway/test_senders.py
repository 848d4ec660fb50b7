"""The senders behind one interface (pwa/gateway/senders.py): the generic HTTP gateway and the
WhatsApp Business Cloud API, each posting to a stand-in server on 127.0.0.1; and production,
which refuses a sender that never reaches a phone."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from pwa import create_app
from pwa.config import ConfigError
from pwa.gateway import senders

SECRET = "s" * 40
TEXT = "MENTARI 4821 7305 6294: permohonan diterima."


class Recorder(BaseHTTPRequestHandler):
    """Keeps each POST (path, headers, JSON body) and answers as the server would."""
    answer: dict = {}
    status = 200

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append((self.path, dict(self.headers), body))
        payload = json.dumps(self.server.answer).encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in():
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    server.received, server.answer, server.status = [], {}, 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_the_http_gateway_gets_the_number_and_the_text(stand_in):
    sender = senders.from_config({"NOTIFY_SENDER": "http", "GATEWAY_URL": _url(stand_in) + "/sms",
                                  "GATEWAY_TOKEN": "rahasia"})
    sender.send("081234567890", TEXT)
    path, headers, body = stand_in.received[0]
    assert path == "/sms" and headers["Authorization"] == "Bearer rahasia"
    assert body == {"to": "081234567890", "text": TEXT}


def test_whatsapp_sends_text_to_the_international_number(stand_in):
    stand_in.answer = {"messages": [{"id": "wamid.1"}]}
    sender = senders.from_config({
        "NOTIFY_SENDER": "whatsapp", "WHATSAPP_PHONE_ID": "1098765", "WHATSAPP_TOKEN": "tok",
        "WHATSAPP_API_URL": _url(stand_in) + "/v21.0"})
    sender.send("081234567890", TEXT)
    path, headers, body = stand_in.received[0]
    assert path == "/v21.0/1098765/messages" and headers["Authorization"] == "Bearer tok"
    assert body == {"messaging_product": "whatsapp", "recipient_type": "individual",
                    "to": "6281234567890", "type": "text",
                    "text": {"preview_url": False, "body": TEXT}}


def test_whatsapp_starts_a_conversation_with_the_approved_template(stand_in):
    stand_in.answer = {"messages": [{"id": "wamid.2"}]}
    sender = senders.WhatsAppSender("1098765", "tok", template="kabar_mentari",
                                    api_url=_url(stand_in))
    sender.send("081234567890", TEXT)
    body = stand_in.received[0][2]
    assert body["type"] == "template"
    assert body["template"] == {"name": "kabar_mentari", "language": {"code": "id"},
                                "components": [{"type": "body", "parameters": [
                                    {"type": "text", "text": TEXT}]}]}


@pytest.mark.parametrize("status, answer", [(200, {}), (400, {"error": {"code": 131030}})])
def test_whatsapp_without_a_message_id_is_a_failure_the_worker_retries(stand_in, status,
                                                                        answer):
    stand_in.status, stand_in.answer = status, answer
    sender = senders.WhatsAppSender("1098765", "tok", api_url=_url(stand_in))
    with pytest.raises(Exception):
        sender.send("081234567890", TEXT)


def _production(monkeypatch, **env):
    settings = {"MENTARI_ENV": "production", "MENTARI_SECRET_KEY": SECRET,
                "MENTARI_PUBLIC_URL": "https://mentari.kemenag-karangasem.go.id",
                "MENTARI_KANTOR_TELEPON": "(0363) 21011", "MENTARI_NOTIFY_SENDER": "http",
                "MENTARI_GATEWAY_URL": "https://sms.example.go.id/kirim"}
    settings.update(env)
    for name, value in settings.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)


@pytest.mark.parametrize("sender", [None, "file", "console"])
def test_production_refuses_a_sender_that_never_reaches_a_phone(sender, monkeypatch, tmp_path):
    _production(monkeypatch, MENTARI_NOTIFY_SENDER=sender)
    with pytest.raises(ConfigError, match="MENTARI_NOTIFY_SENDER"):
        create_app({"DATABASE": str(tmp_path / "x.db")})


def test_production_whatsapp_needs_its_phone_id_and_token(monkeypatch, tmp_path):
    _production(monkeypatch, MENTARI_NOTIFY_SENDER="whatsapp")
    with pytest.raises(ConfigError, match="MENTARI_WHATSAPP_PHONE_ID"):
        create_app({"DATABASE": str(tmp_path / "x.db")})
    _production(monkeypatch, MENTARI_NOTIFY_SENDER="whatsapp", MENTARI_WHATSAPP_PHONE_ID="1",
                MENTARI_WHATSAPP_TOKEN="t")
    assert create_app({"DATABASE": str(tmp_path / "x.db")}).config["NOTIFY_SENDER"] == "whatsapp"


@pytest.mark.parametrize("env, named", [
    ({"MENTARI_KANTOR_TELEPON": None}, "MENTARI_KANTOR_TELEPON"),
    ({"MENTARI_KANTOR_TELEPON": "0363 21011 atau 0812 3456 7890"}, "MENTARI_KANTOR_TELEPON"),
    ({"MENTARI_PUBLIC_URL": "https://mentari.kantor-kementerian-agama-karangasem.go.id"},
     "MENTARI_PUBLIC_URL"),
])
def test_production_needs_the_office_phone_and_room_in_one_sms(env, named, monkeypatch,
                                                               tmp_path):
    _production(monkeypatch, **env)
    with pytest.raises(ConfigError, match=named):
        create_app({"DATABASE": str(tmp_path / "x.db")})


def test_a_complete_production_setting_starts(monkeypatch, tmp_path):
    _production(monkeypatch)
    app = create_app({"DATABASE": str(tmp_path / "x.db")})
    assert isinstance(senders.from_config(app.config), senders.HttpSender)
