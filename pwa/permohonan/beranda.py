"""/: the citizen's front door."""
from flask import render_template

from ..web.caching import personal
from . import draf
from .blueprint import bp


@bp.get("/")
def beranda():
    resume = draf.load() is not None
    if resume:
        personal()   # her draft waits: this page is hers, and no copy of it is kept
    return render_template("permohonan/beranda.html", resume=resume)

