"""How to reach a citizen who is Deaf or cannot speak: by text, never only by voice (issue 6).

Pure Python. The staff pages use it to put a requested sign-language interpreter where the
assigned officer cannot miss it, and to offer SMS and WhatsApp text beside every phone link.
"""
from urllib.parse import quote

from .telepon import international

INTERPRETER = "juru_bahasa_isyarat"
# Disabilities for which a voice call does not work: the officer writes instead.
TEXT_ONLY = {"rungu", "wicara"}


def needs(p: dict) -> dict:
    """{"juru": an interpreter was asked for, "teks": contact by text, not by voice call}."""
    bantuan = set(p.get("bantuan") or [])
    disabilitas = set(p.get("disabilitas") or [])
    juru = INTERPRETER in bantuan
    return {"juru": juru, "teks": juru or bool(disabilitas & TEXT_ONLY)}



def text_links(telepon: str, greeting: str = "") -> dict:
    """sms: and WhatsApp links that open a text message to the citizen, ready to write."""
    number = international(telepon)
    whatsapp = f"https://wa.me/{number}"
    if greeting:
        whatsapp += "?text=" + quote(greeting)
    return {"sms": f"sms:+{number}", "whatsapp": whatsapp}
