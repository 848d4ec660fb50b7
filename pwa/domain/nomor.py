"""Registration and tracking numbers: random, with a Damm check digit, in groups of four.

Random (from `secrets`) so one number tells nothing about others; digits only so they can be
typed on a phone keypad and read aloud; the Damm check digit catches every single wrong digit
and every swap of two neighbouring digits, so a mistyped number is refused before any lookup.
"""
import re
import secrets

from stdnum import damm

LENGTH = 12  # 11 random digits + 1 check digit: 10^11 possibilities


def generate() -> str:
    body = "".join(secrets.choice("0123456789") for _ in range(LENGTH - 1))
    # A leading zero is easy to drop when read aloud or stored by a spreadsheet.
    body = secrets.choice("123456789") + body[1:]
    return body + damm.calc_check_digit(body)


def normalise(text: str) -> str:
    """Keep only digits: people type spaces, dashes and dots between the groups."""
    return re.sub(r"\D", "", text or "")


def is_valid(text: str) -> bool:
    digits = normalise(text)
    return len(digits) == LENGTH and damm.is_valid(digits)


def grouped(number: str, sep: str = " ") -> str:
    digits = normalise(number)
    return sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))
