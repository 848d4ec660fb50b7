"""The SKM (Survei Kepuasan Masyarakat, Permen PANRB 14/2017): the questionnaire anyone served
may answer (/skm/isi, also without a signal), and the public results per period (/skm)."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import hasil, isi  # noqa: F401  (their routes)
