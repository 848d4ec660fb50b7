"""/tampilan: the display settings page (contrast, text size, motion, voice, sign language,
Aksara Bali). The cookie and what it means are web/tampilan.py's; on a family phone they are
also kept as the member's own (pwa/keluarga)."""
from flask import redirect, render_template, request, url_for

from ..services import keluarga as family
from ..web import ownership, tampilan as settings
from ..web.db import get_db
from ..web.redirects import local_path
from .blueprint import bp


@bp.route("/tampilan", methods=["GET", "POST"])
def tampilan():
    chosen = settings.current()
    if request.method == "POST":
        for key in settings.OPTIONS:
            value = request.form.get(key)
            if value in settings.OPTIONS[key]:
                chosen[key] = value
        member = ownership.unlocked_member()
        if member is not None:
            # A family member's own settings (issue 19): theirs again whenever they are chosen.
            family.save_display(get_db(), member["id"], tampilan=settings.encode(chosen))
        back = local_path(request.form.get("kembali")) or url_for("permohonan.beranda")
        response = redirect(back)
        response.set_cookie(settings.COOKIE, settings.encode(chosen),
                            max_age=settings.ONE_YEAR, samesite="Lax",
                            # Readable by the service worker (cookieStore), which shows a page
                            # kept on the phone only in the display it was kept in; no secret.
                            httponly=False)
        return response
    return render_template("shell/tampilan.html", chosen=chosen, options=settings.OPTIONS,
                           questions=settings.QUESTIONS,
                           back=local_path(request.args.get("kembali"))
                           or url_for("permohonan.beranda"))
