"""/: the citizen's front door."""
from flask import render_template

from . import bp, draf


@bp.get("/")
def beranda():
    return render_template("permohonan/beranda.html", resume=draf.load() is not None)
