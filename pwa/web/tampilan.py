"""Display settings (tampilan: kontras, ukuran teks, gerak, suara…): chosen on /tampilan
(shell/tampilan.py), kept in a cookie, applied on the server as classes on <html>, so there is
no flash of the wrong mode and no JavaScript.

A cookie (not the session) because the setting belongs to the device and the person holding it,
and must survive a staff member signing out on a shared office tablet.
"""
from flask import current_app, g, request
from flask_babel import lazy_gettext as _l

COOKIE = "tampilan"
ONE_YEAR = 365 * 24 * 3600
# The first-visit offers (language, voice mode) are asked on the first page only: after that,
# answered or not, they never push a page's question down again (issue 21). The header keeps
# both switches.
OFFERED_COOKIE = "ditawari"
# Which family member uses the phone (pwa/keluarga/profil.py sets it; no secret).
MEMBER_COOKIE = "anggota"

OPTIONS = {
    "kontras": {"biasa": _l("Biasa"), "tinggi": _l("Kontras tinggi")},
    "teks": {"100": _l("Biasa"), "150": _l("Besar (150%)"), "200": _l("Sangat besar (200%)")},
    "gerak": {"biasa": _l("Biasa"), "kurang": _l("Kurangi gerakan")},
    # Voice mode (issue 5) lives here too: like the display, it belongs to the device. Absent
    # means "not asked yet", which is when the first-visit offer is shown.
    "suara": {"mati": _l("Mati"), "aktif": _l("Aktif: bacakan halaman dan dengarkan jawaban")},
    "laju": {"075": _l("Pelan (0,75×)"), "100": _l("Biasa (1×)"), "125": _l("Cepat (1,25×)")},
    # Sign-language video (issue 6): by default only the poster loads until asked (2G budget).
    "isyarat": {"diminta": _l("Tampilkan saat saya minta (hemat data)"),
                "selalu": _l("Selalu tampilkan dan siapkan videonya")},
    # Aksara Bali (issue 4): the app name and page headings also in Balinese script.
    "aksara": {"mati": _l("Tidak"), "aktif": _l("Ya, tampilkan judul juga dalam Aksara Bali")},
}
QUESTIONS = {"kontras": _l("Kontras"), "teks": _l("Ukuran teks"), "gerak": _l("Gerakan"),
             "suara": _l("Mode suara"), "laju": _l("Kecepatan suara"),
             "isyarat": _l("Video bahasa isyarat"), "aksara": _l("Aksara Bali")}
VOICE_RATES = {"075": 0.75, "100": 1.0, "125": 1.25}


def current() -> dict:
    """The chosen settings; a key absent means 'not chosen: follow the browser'."""
    raw = request.cookies.get(COOKIE, "")
    chosen = {}
    for part in raw.split("."):
        key, _sep, value = part.partition("-")
        if key in OPTIONS and value in OPTIONS[key]:
            chosen[key] = value
    return chosen


def html_classes(chosen: dict) -> str:
    return " ".join(f"{k}-{v}" for k, v in sorted(chosen.items()))


def encode(chosen: dict) -> str:
    return ".".join(f"{k}-{v}" for k, v in sorted(chosen.items()))


def first_visit() -> bool:
    """No page has offered the language and voice mode to this browser yet (staff are never
    offered them)."""
    # The service worker's own copies for offline use (X-Mentari-Simpan, sent without
    # cookies) are not anybody's first visit: no offers, and the stylesheet linked (the
    # worker keeps the file) rather than inlined into each copy.
    return (not request.cookies.get(OFFERED_COOKIE) and not g.get("staf")
            and not request.headers.get("X-Mentari-Simpan"))


def _remember_offered(response):
    if response.mimetype != "text/html":
        return response
    offered = request.cookies.get(OFFERED_COOKIE)
    if response.status_code == 200 and not offered:
        response.set_cookie(OFFERED_COOKIE, "1", max_age=ONE_YEAR, samesite="Lax",
                            httponly=False,   # read by the service worker, like COOKIE
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
        offered = "1"
    # The look this page was made for, as the cookies will read after this response: the
    # service worker shows a kept copy at once only while its cookies still read the same
    # (templates/shell/sw.js, varian).
    from . import language
    bahasa = language.asked() or request.cookies.get(language.COOKIE, "")
    # The family member (pwa/keluarga, cookie `anggota`): a page kept for one member is never
    # shown at once to another.
    response.headers["X-Mentari-Varian"] = "|".join(
        (bahasa, request.cookies.get(COOKIE, ""), offered or "",
         _member_after(response)))
    return response


def _member_after(response) -> str:
    """The `anggota` cookie as it reads after this response (a switch sets or clears it)."""
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(MEMBER_COOKIE + "="):
            value = header.split(";", 1)[0].split("=", 1)[1]
            return "" if "Max-Age=0" in header or "expires=Thu, 01 Jan 1970" in header else value
    return request.cookies.get(MEMBER_COOKIE, "")


def init_app(app):
    app.after_request(_remember_offered)

    @app.context_processor
    def inject_display():
        chosen = current()
        return {"display": chosen, "display_classes": html_classes(chosen),
                "voice_rate": VOICE_RATES[chosen.get("laju", "100")],
                "first_visit": first_visit()}
