"""Configuration from environment variables, with safe defaults for development.

Every deployment-specific value has a MENTARI_* variable (documented in docs/operations.md). In
production a missing or placeholder secret stops start-up: a silent default secret would let
anyone forge staff sessions.
"""
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

DEV_SECRET_KEY = "dev-only-not-secret"
DEVELOPMENT, PRODUCTION = "development", "production"
# Anything else is a typo that must not quietly run an office with the public development key
# and the component gallery on ("Production", "prod"): an error at start-up.
ENV_MODES = (DEVELOPMENT, PRODUCTION)
# Karangasem keeps WITA (UTC+8): "today" in every form and deadline is the office's day.
OFFICE_TIMEZONE = "Asia/Makassar"
# Messages to citizens (issue 17 §5): the senders a production office may use, the Cloud API's
# address, and room in one SMS for the link and the office's phone (domain/pesan.py: the rest
# of a 160-character message is the number, the step, the date and the officer).
DELIVERING_SENDERS = ("http", "whatsapp")
WHATSAPP_API_URL = "https://graph.facebook.com/v21.0"
DEV_KANTOR_TELEPON = "0363 000000"
STATUS_PATH = "/status"
MOST_LINK_CHARS = 50
MOST_PHONE_CHARS = 16


class ConfigError(RuntimeError):
    """Raised at start-up when production settings are unsafe."""


def from_environment(instance_path: str) -> dict:
    env = os.environ
    instance = Path(instance_path)
    upload_mb = float(env.get("MENTARI_UPLOAD_MAX_MB", "5"))
    mode = env.get("MENTARI_ENV", DEVELOPMENT)
    production = mode == PRODUCTION
    # Where citizens reach the app: every link in an SMS is built from it, never from the Host
    # header of whoever made the request (anyone could otherwise have the office text a phone
    # a link of their choosing). `make run` serves on PORT.
    public_url = env.get("MENTARI_PUBLIC_URL") or (
        "" if production else f"http://127.0.0.1:{env.get('PORT', '8000')}")
    return {
        "ENV_MODE": mode,
        "PUBLIC_URL": public_url.rstrip("/"),
        # Host headers the app answers to; others get 400. The public URL's host always, plus
        # MENTARI_TRUSTED_HOSTS (comma-separated, e.g. an intranet name); in development also
        # the loopback names tests and `make run` use.
        "TRUSTED_HOSTS": trusted_hosts(public_url, env.get("MENTARI_TRUSTED_HOSTS", ""),
                                       production),
        "SECRET_KEY": env.get("MENTARI_SECRET_KEY", DEV_SECRET_KEY),
        "DATABASE": env.get("MENTARI_DATABASE", str(instance / "mentari.db")),
        "UPLOAD_FOLDER": env.get("MENTARI_UPLOAD_FOLDER", str(instance / "uploads")),
        "UPLOAD_MAX_BYTES": int(upload_mb * 1024 * 1024),
        # A request may carry several documents; each is checked against UPLOAD_MAX_BYTES by the
        # form so the user gets a message on the right field instead of a bare 413.
        "MAX_CONTENT_LENGTH": int(upload_mb * 1024 * 1024 * 6),
        # Unsubmitted requests (drafts) and their uploads: how long they are kept, and how much
        # one draft, and all drafts together, may hold; the disk keeps room besides.
        "DRAFT_DAYS": int(env.get("MENTARI_DRAF_HARI", "14")),
        "UPLOAD_DRAFT_MAX_BYTES": int(float(env.get("MENTARI_UPLOAD_DRAF_MAX_MB", "30"))
                                      * 1024 * 1024),
        "UPLOAD_ALL_DRAFTS_MAX_BYTES": int(float(env.get("MENTARI_UPLOAD_SEMUA_DRAF_MAX_MB",
                                                         "2048")) * 1024 * 1024),
        "DISK_KEEP_FREE_BYTES": int(float(env.get("MENTARI_DISK_SISA_MB", "500")) * 1024 * 1024),
        # How messages reach citizens (gateway/senders.py): `file` and `console` stay on this
        # machine, so production refuses them (check_production); `http` is a generic SMS
        # gateway, `whatsapp` the WhatsApp Business Cloud API.
        "NOTIFY_SENDER": env.get("MENTARI_NOTIFY_SENDER", "file"),
        "NOTIFY_OUTBOX_FILE": env.get("MENTARI_NOTIFY_OUTBOX_FILE", str(instance / "outbox.log")),
        "GATEWAY_URL": env.get("MENTARI_GATEWAY_URL", ""),
        "GATEWAY_TOKEN": env.get("MENTARI_GATEWAY_TOKEN", ""),
        "WHATSAPP_PHONE_ID": env.get("MENTARI_WHATSAPP_PHONE_ID", ""),
        "WHATSAPP_TOKEN": env.get("MENTARI_WHATSAPP_TOKEN", ""),
        "WHATSAPP_TEMPLATE": env.get("MENTARI_WHATSAPP_TEMPLATE", ""),
        "WHATSAPP_API_URL": env.get("MENTARI_WHATSAPP_API_URL", WHATSAPP_API_URL),
        # The office's phone, in every message to a citizen and beside "Hubungi kantor". The
        # development default is a placeholder, not a number anyone answers.
        "KANTOR_TELEPON": env.get("MENTARI_KANTOR_TELEPON",
                                  "" if production else DEV_KANTOR_TELEPON),
        # Rate limits (web/batas.py), counted in the database by every worker. Per client they
        # are generous: a village can share one address behind its operator's NAT.
        "STATUS_RATE_LIMIT": env.get("MENTARI_STATUS_RATE_LIMIT", "10 per minute"),
        # Wrong phone digits for one registration number, from anywhere: 4 digits fall to
        # 10,000 guesses, so a handful an hour keeps a number safe for years.
        "STATUS_NOMOR_LIMIT": env.get("MENTARI_STATUS_NOMOR_LIMIT", "5 per hour"),
        # New requests from one client, and to one phone number (each sends that phone an SMS).
        "SUBMIT_RATE_LIMIT": env.get("MENTARI_SUBMIT_RATE_LIMIT", "30 per hour"),
        "SUBMIT_PHONE_LIMIT": env.get("MENTARI_SUBMIT_PHONE_LIMIT", "3 per day"),
        # Speech synthesis and recognition cost about a second of CPU each.
        "SPEECH_RATE_LIMIT": env.get("MENTARI_SPEECH_RATE_LIMIT", "30 per minute"),
        # Messages in a consultation's room, per person (issue 18).
        "KONSULTASI_RATE_LIMIT": env.get("MENTARI_KONSULTASI_RATE_LIMIT", "20 per minute"),
        # The largest voice note upload (two minutes of Opus from a phone is 250-500 KB).
        "KONSULTASI_SUARA_MAX_BYTES": int(float(env.get("MENTARI_KONSULTASI_SUARA_MAX_MB", "1"))
                                          * 1024 * 1024),
        # A live call's signalling (offer, answer, hang-up) per person: a call needs a handful.
        "KONSULTASI_SINYAL_RATE_LIMIT": env.get("MENTARI_KONSULTASI_SINYAL_RATE_LIMIT",
                                                "60 per minute"),
        # STUN/TURN servers for the live call, as the JSON list RTCPeerConnection takes
        # (docs/operations.md: coturn). Empty: calls connect only where both sides reach each
        # other directly (the office's own network, loopback in tests).
        "ICE_SERVERS": env.get("MENTARI_ICE_SERVERS", "[]"),
        # How long a live call may take to connect before the room gives up on it.
        "KONSULTASI_PANGGILAN_DETIK": int(env.get("MENTARI_KONSULTASI_PANGGILAN_DETIK", "45")),
        # The live call adds video only while the link's estimated outgoing bitrate
        # (WebRTC's availableOutgoingBitrate) is at least this many kbit/s; below it for a few
        # seconds, or with heavy loss, the call goes on with sound alone.
        "KONSULTASI_VIDEO_MIN_KBPS": int(env.get("MENTARI_KONSULTASI_VIDEO_MIN_KBPS", "250")),
        # How many minutes before the booked time a consultation's room opens.
        "KONSULTASI_BUKA_MENIT": int(env.get("MENTARI_KONSULTASI_BUKA_MENIT", "10")),
        # New drafts (each may hold uploads) from one client.
        "DRAFT_RATE_LIMIT": env.get("MENTARI_DRAF_RATE_LIMIT", "20 per hour"),
        # How many proxies stand in front of the app (nginx: 1); their X-Forwarded-For then
        # names the client. 0 trusts no such header.
        "PROXIES": int(env.get("MENTARI_PROXIES", "0")),
        "OFFICE_TIMEZONE": env.get("MENTARI_TIMEZONE", OFFICE_TIMEZONE),
        "GALLERY": not production,
        # The BISINDO clip library (issue 6): clips recorded by the office, and whether the
        # synthetic samples (not signing) may be shown; never in production.
        "ISYARAT_FOLDER": env.get("MENTARI_ISYARAT_FOLDER",
                                  str(Path(__file__).resolve().parent.parent / "media" / "isyarat")),
        "ISYARAT_CONTOH": not production,
        "ISYARAT_MAX_MB": float(env.get("MENTARI_ISYARAT_MAX_MB", "100")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "SPEECH_REKAMAN_FOLDER": env.get("MENTARI_REKAMAN_FOLDER", ""),
        # Speech on another machine over the Wyoming protocol (docs/voice.md): tcp://host:port
        # of a wyoming-faster-whisper (recognition) and a wyoming-piper (synthesis); empty
        # runs them in this process. A server slower than the timeout counts as busy.
        "SPEECH_STT_URI": env.get("MENTARI_STT_URI", ""),
        "SPEECH_TTS_URI": env.get("MENTARI_TTS_URI", ""),
        "SPEECH_TIMEOUT": float(env.get("MENTARI_SPEECH_TIMEOUT", "10")),
        # Whisper heard from its unpadded encoding (issue 20, latency): "auto" the questions
        # where that kept accuracy on the development set (speech/stt.py UNPADDED_CONTEXTS),
        # unless the recording is loud with noise (stt.QUIET_DB); "off" pads every recording
        # to 30 s; "all" every question.
        "SPEECH_STT_UNPADDED": env.get("MENTARI_STT_UNPADDED", "auto"),
        # How long a phone remembers the requests sent or looked up on it (pwa/ownership.py).
        # Family members on one phone (issue 19): a member with a PIN is locked after this many
        # idle minutes; every ANGGOTA_PIN_LOCK_AFTER wrong PINs in a row stop PINs being tried
        # for ANGGOTA_PIN_LOCK_MINUTES (counted in the database).
        "ANGGOTA_IDLE_MINUTES": int(env.get("MENTARI_ANGGOTA_DIAM_MENIT", "5")),
        "ANGGOTA_PIN_LOCK_AFTER": int(env.get("MENTARI_ANGGOTA_PIN_KUNCI_SETELAH", "5")),
        "ANGGOTA_PIN_LOCK_MINUTES": int(env.get("MENTARI_ANGGOTA_PIN_KUNCI_MENIT", "15")),
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
        # The service worker's kill switch (templates/shell/sw_mati.js): 1 removes the worker
        # and its caches from every phone on its next visit, should a worker go wrong.
        "SW_MATI": env.get("MENTARI_SW_MATI", "") == "1",
    }


def trusted_hosts(public_url: str, extra: str, production: bool) -> list[str]:
    hosts = [h.strip().lower() for h in extra.split(",") if h.strip()]
    host = urlsplit(public_url).hostname
    if host:
        hosts.insert(0, host)
    if not production:
        hosts += ["localhost", "127.0.0.1"]
    return hosts


def check_production(config: dict) -> None:
    mode = config.get("ENV_MODE")
    if mode not in ENV_MODES:
        raise ConfigError(f"MENTARI_ENV must be one of {', '.join(ENV_MODES)}, not {mode!r}.")
    if mode != PRODUCTION:
        return
    public = urlsplit(config.get("PUBLIC_URL") or "")
    if public.scheme != "https" or not public.hostname:
        raise ConfigError(
            "MENTARI_PUBLIC_URL must be set in production to the https:// address citizens use "
            "(for example https://mentari.kemenag-karangasem.go.id): links in SMS are built "
            "from it.")
    key = config.get("SECRET_KEY") or ""
    if key == DEV_SECRET_KEY or len(key) < 32:
        raise ConfigError(
            "MENTARI_SECRET_KEY must be set to a random value of at least 32 characters in "
            "production (for example: python -c 'import secrets; print(secrets.token_hex(32))')."
        )
    check_messages(config)
    sender = config.get("NOTIFY_SENDER")
    if sender not in DELIVERING_SENDERS:
        raise ConfigError(
            f"MENTARI_NOTIFY_SENDER is {sender!r}: in production messages must reach citizens. "
            "Set it to http (an SMS gateway, with MENTARI_GATEWAY_URL) or whatsapp (the "
            "WhatsApp Business Cloud API, with MENTARI_WHATSAPP_PHONE_ID and "
            "MENTARI_WHATSAPP_TOKEN).")
    if sender == "http" and urlsplit(
            config.get("GATEWAY_URL") or "").scheme not in ("http", "https"):
        raise ConfigError("MENTARI_NOTIFY_SENDER=http needs MENTARI_GATEWAY_URL (http or https).")
    if sender == "whatsapp" and not (config.get("WHATSAPP_PHONE_ID")
                                     and config.get("WHATSAPP_TOKEN")):
        raise ConfigError("MENTARI_NOTIFY_SENDER=whatsapp needs MENTARI_WHATSAPP_PHONE_ID and "
                          "MENTARI_WHATSAPP_TOKEN (from the WhatsApp Business account).")
    if urlsplit(config.get("WHATSAPP_API_URL") or "").scheme != "https":
        raise ConfigError("MENTARI_WHATSAPP_API_URL must be an https:// address.")


def check_messages(config: dict) -> None:
    """What every message carries must leave room in one SMS: the office's phone is set (in
    production) and short, and the public address is short."""
    phone = (config.get("KANTOR_TELEPON") or "").strip()
    if config.get("ENV_MODE") == PRODUCTION and not phone:
        raise ConfigError("MENTARI_KANTOR_TELEPON must be set in production: every message to "
                          "a citizen gives the office's phone (for example 0363 21011).")
    if len(phone) > MOST_PHONE_CHARS:
        raise ConfigError(f"MENTARI_KANTOR_TELEPON has more than {MOST_PHONE_CHARS} "
                          "characters: it must fit in one SMS with the message.")
    if len((config.get("PUBLIC_URL") or "") + STATUS_PATH) > MOST_LINK_CHARS:
        raise ConfigError(f"MENTARI_PUBLIC_URL is too long for an SMS: with {STATUS_PATH} it "
                          f"must be at most {MOST_LINK_CHARS} characters.")
