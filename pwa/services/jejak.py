"""Writing to the audit trail (issue 17.2): who did it, in which role, from where.

Callers inside a transaction get the entry in that transaction (saved with the change or not
at all); `Oleh` says who acted: the web layer builds it from the signed-in staff member and the
request's address (web/jejak.py), the command line from nobody at "cli".
"""
from dataclasses import dataclass

from ..store import jejak as store, transaction


@dataclass(frozen=True)
class Oleh:
    """Who acted, in which role, from where (an address, or "cli")."""
    staf_id: int | None = None
    peran: str | None = None
    asal: str = ""


CLI = Oleh(asal="cli")


def catat(db, peristiwa: str, oleh: Oleh, *, objek: str | None = None,
          objek_id: int | None = None, rincian: str = "", staf_id: int | None = None) -> None:
    """One entry. `staf_id` names the account concerned when nobody is signed in (a failed
    sign-in is filed under the account tried)."""
    with transaction(db):
        store.add(db, peristiwa, staf_id=oleh.staf_id if staf_id is None else staf_id,
                  peran=oleh.peran, objek=objek, objek_id=objek_id, rincian=rincian,
                  asal=oleh.asal)
