"""Where a form may send a person back to: a path on this site, never another site."""
from urllib.parse import urlsplit


def local_path(target: str | None) -> str | None:
    """`target` when it is a path on this site, else None.

    An open redirect after sign-in would help phishing. Browsers drop tabs and line breaks from
    a URL before following it, so "/\\t/evil.example" becomes "//evil.example", another site;
    a backslash reads as a slash; and a line break in a Location header is an error. So any
    control character or backslash refuses the target outright."""
    if not target or any(ord(ch) < 0x20 or ch in "\x7f\\" for ch in target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target
