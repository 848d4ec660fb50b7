"""The SKM (Survei Kepuasan Masyarakat, Permen PANRB 14/2017): the questionnaire anyone served
may answer (/skm/isi, also without a signal), and the public results per period (/skm)."""
from flask import Blueprint

bp = Blueprint("skm", __name__)

from . import hasil, isi  # noqa: E402,F401  (their routes)
