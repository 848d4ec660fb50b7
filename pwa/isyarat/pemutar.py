"""Which clips a page shows, and what the player shows and links for one clip."""
from flask import current_app, g, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ..bahasa import labels
from ..store import layanan, permohonan
from ..web.db import get_db
from .format import format_seconds, kilobytes
from .pustaka import Pustaka

def library() -> Pustaka:
    """This app's clip library (made by isyarat.init_app from MENTARI_ISYARAT_FOLDER)."""
    return current_app.extensions["isyarat"]


QUALITY_WORDS = {"rendah": _l("Hemat data"), "standar": _l("Standar")}
LANGUAGE_NAMES = {"id": _l("Bahasa Indonesia"), "ban": _l("Basa Bali")}


def initial_quality() -> str:
    """The rendition the page offers first, before any script runs: the low one unless the
    browser says the link is fast (Client Hints: ECT, Save-Data)."""
    if request.headers.get("Save-Data", "").lower() == "on":
        return "rendah"
    return "standar" if request.headers.get("ECT", "") == "4g" else "rendah"


# --- which clips a page shows -----------------------------------------------------------

def keys_for_page() -> list[str]:
    endpoint = request.endpoint
    if not endpoint:
        return []
    args = request.view_args or {}
    if endpoint == "permohonan.langkah":
        return [f"langkah:{args.get('step')}"]
    keys = [f"page:{endpoint}"]
    if endpoint == "permohonan.lihat" and args.get("permohonan_id"):
        p = permohonan.get(get_db(), args["permohonan_id"])
        if p is not None:
            keys.append(f"status:{p['status']}")
            service = layanan.get_service(get_db(), p["layanan_id"])
            if service:
                keys.append(f"layanan:{service['slug']}")
    return keys


def clips_for_page() -> list:
    lib = library()
    return [c for c in (lib.get(k) for k in keys_for_page()) if c is not None]


def clip_for(key: str):
    """A clip for a template that shows one next to its subject (a service on the list)."""
    clip = library().get(key)
    if clip is not None:
        g.isyarat_dipakai = True  # base.html then loads the player's script
    return clip


def player_data(clip) -> dict:
    """What the player shows and links for one clip: URLs, sizes, durations, captions."""
    def url(berkas):
        return url_for("isyarat.berkas", nama=clip.name, versi=clip.versi, berkas=berkas)
    qualities = []
    for name in ("rendah", "standar"):
        r = clip.renditions.get(name)
        if r:
            qualities.append({"name": name, "word": QUALITY_WORDS[name], "url": url(r["file"]),
                              "kb": kilobytes(r["bytes"]), "height": min(r["width"], r["height"]),
                              "width": r["width"], "tall": r["height"]})
    locale = str(get_locale() or "id")
    caption_language = locale if locale in clip.captions else "id"
    transcript_language, transcript = clip.transcript(locale)
    return {
        "clip": clip, "qualities": qualities, "poster": url("poster.jpg"),
        "duration": format_seconds(clip.seconds),
        "captions": [{"lang": lang, "url": url(f"{lang}.vtt"),
                      "label": labels.of(LANGUAGE_NAMES, lang),
                      "default": lang == caption_language} for lang in clip.captions],
        "transcript": transcript, "transcript_lang": transcript_language,
        "initial": initial_quality(),
    }
