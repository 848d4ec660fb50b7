"""/luring: the pages the service worker shows without a signal."""
from flask import render_template

from .blueprint import bp


@bp.get("/luring")
def luring():
    """Shown by the service worker when a page is not on the phone and there is no signal."""
    return render_template("shell/luring.html")


@bp.get("/luring/tersimpan")
def tersimpan():
    """Where a form saved on the phone lands; its script shows what happened to the answers."""
    return render_template("shell/tersimpan.html")
