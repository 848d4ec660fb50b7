"""Pluggable senders of notifications to the SMS/WhatsApp gateway. No Flask, no store.

`file` (development default) appends to a file, `console` prints, `http` posts to a gateway.
Phone numbers are masked in anything written locally: these files and consoles end up in logs.
"""
import json
import urllib.request
from pathlib import Path

from ..domain.telepon import masked as mask_phone


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


class HttpSender:
    """Posts {"to", "text"} as JSON with a bearer token; any 2xx counts as sent."""

    def __init__(self, url: str, token: str = "", timeout: float = 5.0):
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, to: str, text: str) -> None:
        body = json.dumps({"to": to, "text": text}).encode()
        req = urllib.request.Request(self.url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        # The URL is the office's configured gateway (http or https, checked at start-up).
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # nosec B310
            if not 200 <= resp.status < 300:
                raise RuntimeError(f"gateway answered {resp.status}")


def from_config(config: dict):
    kind = config.get("NOTIFY_SENDER", "file")
    if kind == "http":
        return HttpSender(config["GATEWAY_URL"], config.get("GATEWAY_TOKEN", ""))
    if kind == "console":
        return ConsoleSender()
    return FileSender(config["NOTIFY_OUTBOX_FILE"])
