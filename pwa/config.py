"""Configuration from environment variables, with safe defaults for development.

Every deployment-specific value has a MENTARI_* variable (documented in the README). In
production a missing or placeholder secret stops start-up: a silent default secret would let
anyone forge staff sessions.
"""
import os
from datetime import timedelta
from pathlib import Path

DEV_SECRET_KEY = "dev-only-not-secret"
# Karangasem keeps WITA (UTC+8): "today" in every form and deadline is the office's day.
OFFICE_TIMEZONE = "Asia/Makassar"


class ConfigError(RuntimeError):
    """Raised at start-up when production settings are unsafe."""


def from_environment(instance_path: str) -> dict:
    env = os.environ
    instance = Path(instance_path)
    upload_mb = float(env.get("MENTARI_UPLOAD_MAX_MB", "5"))
    return {
        "ENV_MODE": env.get("MENTARI_ENV", "development"),
        "SECRET_KEY": env.get("MENTARI_SECRET_KEY", DEV_SECRET_KEY),
        "DATABASE": env.get("MENTARI_DATABASE", str(instance / "mentari.db")),
        "UPLOAD_FOLDER": env.get("MENTARI_UPLOAD_FOLDER", str(instance / "uploads")),
        "UPLOAD_MAX_BYTES": int(upload_mb * 1024 * 1024),
        # A request may carry several documents; each is checked against UPLOAD_MAX_BYTES by the
        # form so the user gets a message on the right field instead of a bare 413.
        "MAX_CONTENT_LENGTH": int(upload_mb * 1024 * 1024 * 6),
        "NOTIFY_SENDER": env.get("MENTARI_NOTIFY_SENDER", "file"),
        "NOTIFY_OUTBOX_FILE": env.get("MENTARI_NOTIFY_OUTBOX_FILE", str(instance / "outbox.log")),
        "GATEWAY_URL": env.get("MENTARI_GATEWAY_URL", ""),
        "GATEWAY_TOKEN": env.get("MENTARI_GATEWAY_TOKEN", ""),
        "STATUS_RATE_LIMIT": env.get("MENTARI_STATUS_RATE_LIMIT", "10 per minute"),
        "OFFICE_TIMEZONE": env.get("MENTARI_TIMEZONE", OFFICE_TIMEZONE),
        "GALLERY": env.get("MENTARI_ENV", "development") != "production",
        # The BISINDO clip library (issue 6): clips recorded by the office, and whether the
        # synthetic samples (not signing) may be shown; never in production.
        "ISYARAT_FOLDER": env.get("MENTARI_ISYARAT_FOLDER",
                                  str(Path(__file__).resolve().parent.parent / "media" / "isyarat")),
        "ISYARAT_CONTOH": env.get("MENTARI_ENV", "development") != "production",
        "ISYARAT_MAX_MB": float(env.get("MENTARI_ISYARAT_MAX_MB", "100")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env.get("MENTARI_ENV", "development") == "production",
        "SPEECH_REKAMAN_FOLDER": env.get("MENTARI_REKAMAN_FOLDER", ""),
        # How long a phone remembers the requests sent or looked up on it (pwa/ownership.py).
        "PERMANENT_SESSION_LIFETIME": timedelta(days=int(env.get("MENTARI_INGAT_HARI", "90"))),
        # Counted from when a request was last sent or looked up, not renewed by every response:
        # otherwise each answer, prompts and images included, would carry a Set-Cookie (bytes on
        # 2G, and a cookie on responses meant for shared caches).
        "SESSION_REFRESH_EACH_REQUEST": False,
        # Staff sign-in (issues 16.7, 16.13, 17.1). A staff session left unused for a working
        # day ends (the office works 07.30-16.00: a session from yesterday is always gone by
        # the morning); the cookie only names a session the database holds.
        "STAF_IDLE_HOURS": float(env.get("MENTARI_STAF_IDLE_JAM", "8")),
        # Every LOCK_AFTER failed sign-ins in a row lock the account for LOCK_MINUTES; after
        # LOCK_ADMIN_AFTER in a row it stays locked until an admin opens it (NIST SP 800-63B
        # allows at most 100 consecutive failures). Counted in the database, shared by every
        # worker process.
        "LOGIN_LOCK_AFTER": int(env.get("MENTARI_MASUK_KUNCI_SETELAH", "5")),
        "LOGIN_LOCK_MINUTES": int(env.get("MENTARI_MASUK_KUNCI_MENIT", "15")),
        "LOGIN_LOCK_ADMIN_AFTER": int(env.get("MENTARI_MASUK_KUNCI_ADMIN_SETELAH", "20")),
    }


def check_production(config: dict) -> None:
    if config.get("ENV_MODE") != "production":
        return
    key = config.get("SECRET_KEY") or ""
    if key == DEV_SECRET_KEY or len(key) < 32:
        raise ConfigError(
            "MENTARI_SECRET_KEY must be set to a random value of at least 32 characters in "
            "production (for example: python -c 'import secrets; print(secrets.token_hex(32))')."
        )
    if config.get("NOTIFY_SENDER") == "http" and not config.get("GATEWAY_URL"):
        raise ConfigError("MENTARI_NOTIFY_SENDER=http needs MENTARI_GATEWAY_URL.")
