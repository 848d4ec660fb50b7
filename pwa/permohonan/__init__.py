"""The citizen's permohonan: the home page and the published services, the request form
(/ajukan, step by step or on one page), and a request's own pages (/status, /permohonan/<id>:
its status, fixing returned documents, keberatan, rating)."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import ajukan, beranda, keberatan, layanan, nilai, perbaiki, status  # noqa: F401
