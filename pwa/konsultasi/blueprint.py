"""The konsultasi blueprint, alone in its module: views import it from here, so no view imports
the package that imports every view (import-linter checks that views stay independent)."""
from flask import Blueprint

bp = Blueprint("konsultasi", __name__, url_prefix="/konsultasi")
