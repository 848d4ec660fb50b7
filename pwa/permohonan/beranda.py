"""/: the citizen's front door."""
from flask import render_template

from . import draf
from .blueprint import bp


@bp.get("/")
def beranda():
    return render_template("permohonan/beranda.html", resume=draf.load() is not None)

