"""Helpers for tests that read pages through the Flask test client (not fixtures: import them)."""
import re

# Demo usernames per role, for tests that log in "as a verifikator" etc.
USER_FOR_ROLE = {
    "admin": "admin", "verifikator": "verifikator", "kasubag_tu": "kasubag",
    "kepala_kantor": "kepala", "petugas": "petugas", "satpam": "satpam",
    "tim_integritas": "integritas",
}


def text_of(response) -> str:
    """The page's visible text, whitespace folded, for assertions about what a person reads."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
