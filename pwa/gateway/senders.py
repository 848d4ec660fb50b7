"""Pluggable senders of notifications to citizens' phones. No Flask, no store.

Every sender has one method, `send(to, text)`, raising on failure (the worker retries,
services/pengiriman.py). `file` (development default) appends to a file, `console` prints:
both stay on this machine, so production refuses them (config.check_production). `http` posts
to a generic SMS gateway; `whatsapp` sends through the WhatsApp Business Cloud API. Phone
numbers are masked in anything written locally: these files and consoles end up in logs.
"""
import json
import urllib.request
from pathlib import Path
from typing import Protocol

from ..domain.telepon import international, masked as mask_phone


class Sender(Protocol):
    def send(self, to: str, text: str) -> None:
        """Deliver `text` to the phone `to` (as stored: 081234567890), or raise."""


class FileSender:
    def __init__(self, path: str):
        self.path = Path(path)

    def send(self, to: str, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"to": mask_phone(to), "text": text}, ensure_ascii=False) + "\n")


class ConsoleSender:
    def send(self, to: str, text: str) -> None:
        print(f"[MENTARI → {mask_phone(to)}] {text}", flush=True)


def _post_json(url: str, payload: dict, token: str, timeout: float) -> dict:
    body = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    # The URL is the office's configured gateway (http or https, checked at start-up).
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # nosec B310
        if not 200 <= resp.status < 300:
            raise RuntimeError(f"gateway answered {resp.status}")
        raw = resp.read()
    try:
        return json.loads(raw or b"{}")
    except ValueError:
        return {}


class HttpSender:
    """Posts {"to", "text"} as JSON with a bearer token; any 2xx counts as sent."""

    def __init__(self, url: str, token: str = "", timeout: float = 5.0):
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, to: str, text: str) -> None:
        _post_json(self.url, {"to": to, "text": text}, self.token, self.timeout)


class WhatsAppSender:
    """The WhatsApp Business Cloud API: POST {api}/{phone number id}/messages.

    WhatsApp lets a business start a conversation only with an approved message template; a
    free-text message reaches only someone who wrote to the office in the last 24 hours. So with
    `template` set (an approved template whose body is one parameter, {{1}}), the message goes
    as that template's parameter; without it, as text. A 2xx answer without a message id
    counts as a failure."""

    def __init__(self, phone_id: str, token: str, template: str = "", language: str = "id",
                 api_url: str = "https://graph.facebook.com/v21.0", timeout: float = 5.0):
        self.url = f"{api_url.rstrip('/')}/{phone_id}/messages"
        self.token, self.template, self.language = token, template, language
        self.timeout = timeout

    def payload(self, to: str, text: str) -> dict:
        message = {"messaging_product": "whatsapp", "recipient_type": "individual",
                   "to": international(to)}
        if self.template:
            message.update(type="template", template={
                "name": self.template, "language": {"code": self.language},
                "components": [{"type": "body",
                                "parameters": [{"type": "text", "text": text}]}]})
        else:
            message.update(type="text", text={"preview_url": False, "body": text})
        return message

    def send(self, to: str, text: str) -> None:
        answer = _post_json(self.url, self.payload(to, text), self.token, self.timeout)
        if not answer.get("messages"):
            raise RuntimeError("WhatsApp accepted no message")


def from_config(config: dict) -> Sender:
    kind = config.get("NOTIFY_SENDER", "file")
    if kind == "http":
        return HttpSender(config["GATEWAY_URL"], config.get("GATEWAY_TOKEN", ""))
    if kind == "whatsapp":
        return WhatsAppSender(config["WHATSAPP_PHONE_ID"], config["WHATSAPP_TOKEN"],
                              config.get("WHATSAPP_TEMPLATE", ""),
                              api_url=config.get("WHATSAPP_API_URL")
                              or "https://graph.facebook.com/v21.0")
    if kind == "console":
        return ConsoleSender()
    return FileSender(config["NOTIFY_OUTBOX_FILE"])
