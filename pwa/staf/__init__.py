"""The staff workflow (seed 000 §2.1.7) under /staf: signing in, the queue of each role, a
request's page with the steps each role may take now, the printed check sheet, documents, and
the staff side of keberatan (seed 004). The admin's pages are the admin package's."""
from flask import Blueprint

bp = Blueprint("staf", __name__, url_prefix="/staf")

from . import antrean, cetak, dokumen, keberatan, masuk, permohonan  # noqa: E402,F401
