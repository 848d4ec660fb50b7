"""The citizen's permohonan: the home page and the published services, the request form
(/ajukan, step by step or on one page), and a request's own pages (/status, /permohonan/<id>:
its status, fixing returned documents, keberatan, rating)."""
from flask import Blueprint

bp = Blueprint("permohonan", __name__)

from . import ajukan, beranda, keberatan, layanan, nilai, perbaiki, status  # noqa: E402,F401
