"""Meragatan (seed 000 §2.3): the satpam registers a walk-in and guides them to the right
counter (loket); vulnerable people are called before the normal queue; the TV board in the
waiting room (/antrian) shows the calls."""
from .blueprint import bp  # noqa: F401  (registered by create_app)

from . import antrian, loket, satpam  # noqa: F401  (their routes)
