"""Sending the queued notifications through the configured gateway (gateway/senders.py)."""
import logging

from flask import current_app

from ..gateway import senders
from ..store import notifikasi, transaction

log = logging.getLogger("mentari.notify")


def flush(db, sender, limit: int = 50) -> tuple[int, int]:
    """Send what is queued; returns (sent, failed). Failures stay queued for a later retry."""
    sent = failed = 0
    for item in notifikasi.pending(db, limit):
        try:
            sender.send(item["tujuan"], item["isi"])
        except Exception as exc:  # a gateway outage must not break the citizen's request
            with transaction(db):
                notifikasi.mark_failed(db, item["id"], type(exc).__name__)
            log.warning("notification %s not sent: %s", item["id"], type(exc).__name__)
            failed += 1
        else:
            with transaction(db):
                notifikasi.mark_sent(db, item["id"])
            sent += 1
    return sent, failed


def send_pending(db) -> None:
    flush(db, senders.from_config(current_app.config))
