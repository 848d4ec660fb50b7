"""Issue 16 point 8: a strict Content-Security-Policy, HSTS over HTTPS, and the microphone and
camera allowed only where voice mode and the recorders need them."""
import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "pwa" / "templates"


def test_every_page_has_a_strict_policy(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_no_template_has_inline_script_style_or_handlers():
    """What the policy would block: a <script> with code, a <style>, style="", on…="" handlers.
    (JSON data blocks are not scripts and stay.)"""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html):
            found.append(f"{path.name}: {match.group(0)}")
        # One exception (issue 21): base.html inlines the stylesheet file itself on a first
        # visit, so the first page paints without waiting for the CSS; the policy allows that
        # exact text by its hash (test_the_inline_stylesheet_is_allowed_by_its_hash).
        if path.name == "base.html":
            html = html.replace("<style>{{ inline_css() }}</style>", "")
        found += [f"{path.name}: <style>" for _ in re.finditer(r"<style\b", html)]
        found += [f"{path.name}: {m.group(0)}" for m in
                  re.finditer(r"\s(style|on[a-z]+)=\"", html)]
    assert not found, found


def test_the_inline_stylesheet_is_allowed_by_its_hash(client):
    import base64
    import hashlib
    first = client.get("/")
    css = re.search(r"<style>(.*?)</style>", first.get_data(as_text=True), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in first.headers["Content-Security-Policy"]
    assert css == client.get("/static/css/mentari.css").get_data(as_text=True)
    # Later pages link the file (the service worker keeps it) and inline nothing.
    later = client.get("/layanan").get_data(as_text=True)
    assert "<style>" not in later and "css/mentari.css" in later


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_microphone_and_camera_only_where_needed(client, login):
    plain = client.get("/").headers["Permissions-Policy"]
    assert "microphone=()" in plain and "camera=()" in plain and "geolocation=()" in plain
    client.set_cookie("tampilan", "suara-aktif")
    voice = client.get("/").headers["Permissions-Policy"]
    assert "microphone=(self)" in voice and "camera=()" in voice
    client.delete_cookie("tampilan")
    login("admin")
    recorder = client.get("/staf/admin/isyarat/tambah").headers["Permissions-Policy"]
    assert "camera=(self)" in recorder and "microphone=(self)" in recorder
    assert "camera=()" in client.get("/staf/admin/").headers["Permissions-Policy"]
