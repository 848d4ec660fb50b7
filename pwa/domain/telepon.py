"""Indonesian mobile numbers, as citizens type them and as the office stores them. Pure Python.

Stored in one form (081234567890), so a lookup by the last four digits, the SMS gateway and the
staff's WhatsApp link agree whatever the citizen typed (+62 812-3456-7890, 62812..., 0812 ...).
"""
import re

PATTERN = re.compile(r"^(?:\+62|62|0)8\d{7,11}$")


def normalise(value: str) -> str:
    """+62 812-3456-7890 → 081234567890."""
    digits = re.sub(r"[\s\-.()]", "", value or "")
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


def is_valid(value: str) -> bool:
    return bool(PATTERN.match(normalise(value)))


def international(telepon: str) -> str:
    """081234567890 → 6281234567890: what wa.me and sms: links want."""
    digits = "".join(ch for ch in telepon or "" if ch.isdigit())
    if digits.startswith("0"):
        return "62" + digits[1:]
    return digits


def last_four(telepon: str) -> str:
    """The digits /status asks for to prove a request is yours."""
    return "".join(ch for ch in telepon or "" if ch.isdigit())[-4:]


def masked(telepon: str) -> str:
    """••••••••7890: what may be written where others read (logs, the outbox file)."""
    digits = "".join(ch for ch in telepon or "" if ch.isdigit())
    return "•" * max(len(digits) - 4, 0) + digits[-4:]
