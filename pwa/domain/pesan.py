"""What the citizen is told by SMS or WhatsApp, and how much one SMS holds. Pure Python.

Only the steps that ask something of the citizen or change what happens to them send a message:
the request was received (its number and deadline), documents must be fixed, the service is
set (when, and with which officer), it was refused, it was given (please rate it), and the
decision on a keberatan. The office's inner steps (verified, initialled, picked up, report
received) show in the request's timeline only: a pick-up request used to send ten messages,
each two SMS long.

Every message must fit one SMS: 160 characters of the GSM 03.38 default alphabet, counted as
the network counts them (the gsm0338 codec: an extension character such as € [ ] { } ~ takes
two). One character outside the alphabet (a curly quote in a service name, ó) would send the
whole message as UCS-2, where one SMS holds 70, so names are made GSM-safe before they go in.
"""
import re
import unicodedata

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

from .workflow import Aksi

SMS_LIMIT = 160
UCS2_LIMIT = 70

# Workflow steps whose message the citizen receives.
TELLS = frozenset({Aksi.AJUKAN, Aksi.KEMBALIKAN, Aksi.SETUJUI, Aksi.TOLAK, Aksi.LAPOR})
# Keberatan decisions the citizen receives (filing is their own act, delivery is in person).
KEBERATAN_TELLS = frozenset({"diterima", "ditolak"})

# Characters outside GSM 03.38 that have a plain equivalent in it.
_PLAIN = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
          "‐": "-", "‑": "-", "…": "...", "·": ".", "•": "-", "\u00a0": " ", "\u202f": " ",
          "\t": " "}


def tells_citizen(aksi: Aksi) -> bool:
    return aksi in TELLS


def septets(text: str) -> int | None:
    """Length in GSM 03.38 septets (what an SMS holds 160 of), or None if the text needs
    UCS-2."""
    try:
        return len(text.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def sms_parts(text: str) -> int:
    """How many SMS the text is sent as (concatenated parts hold 153 septets, or 67 UCS-2)."""
    length = septets(text)
    if length is None:
        length, single, part = len(text.encode("utf-16-le")) // 2, UCS2_LIMIT, 67
    else:
        single, part = SMS_LIMIT, 153
    return 1 if length <= single else -(-length // part)


def gsm_safe(text: str) -> str:
    """The text in GSM 03.38 characters: known equivalents, then accents dropped where the
    accented letter is not in the alphabet (ó → o; é stays), then '?'."""
    out = []
    for ch in text:
        ch = _PLAIN.get(ch, ch)
        if septets(ch) is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c))
            ch = base if base and septets(base) is not None else "?"
        out.append(ch)
    return "".join(out)


def shorten(value: str, room: int) -> str:
    """At most `room` septets of `value`, cut after a whole word (nothing rather than half a
    word: "Permoh" helps no one)."""
    if (septets(value) or 0) <= room:
        return value
    cut = value
    while cut and (septets(cut) or 0) > room:
        cut = cut[:-1]
    if not value[len(cut):].startswith(" "):
        cut = cut.rsplit(" ", 1)[0] if " " in cut else ""
    return cut.rstrip(" ,.;:-/(")


def fit(template: str, values: dict[str, str],
        shrink: tuple[tuple[str, str | None], ...] = ()) -> str:
    """`template % values` in one SMS: values made GSM-safe, then the `shrink` values made
    shorter, in that order, until the whole fits: each (key, fallback) is replaced whole by its
    fallback (a service's name by "permohonan": half a name misleads), or, with no fallback,
    cut after a whole word (an officer's name keeps its first words)."""
    values = {k: gsm_safe(str(v)) for k, v in values.items()}
    text = _fill(template, values)
    for key, fallback in shrink:
        over = (septets(text) or 0) - SMS_LIMIT
        if over <= 0:
            break
        room = max(0, (septets(values[key]) or 0) - over)
        if fallback is not None:
            values[key] = shorten(gsm_safe(fallback), room)
        else:
            values[key] = shorten(values[key], room)
        text = _fill(template, values)
    return text


def _fill(template: str, values: dict[str, str]) -> str:
    # A shortened-away value leaves no double space.
    text = template % values
    return re.sub(r" {2,}", " ", text).strip()
