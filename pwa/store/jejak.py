"""The audit trail (jejak): one row per event, added and never changed (the table's triggers
refuse UPDATE and DELETE). Ids and codes only: who (staf_id, peran), when, what (peristiwa, the
object's kind and id, a short code-only detail), from where (the address the request came from).
"""
from ..domain.jejak import jenis_of
from .db import rows, utcnow

# The audit page's filters: each is "no filter" when its value is empty ("dari" and "sampai"
# are UTC moments: the caller turns office days into them). Values go in as parameters.
_FILTERS = ("jenis", "staf_id", "dari", "sampai")


def add(db, peristiwa: str, *, staf_id: int | None = None, peran: str | None = None,
        objek: str | None = None, objek_id: int | None = None, rincian: str = "",
        asal: str = "", now: str | None = None) -> int:
    return db["jejak"].insert({
        "at": now or utcnow(), "jenis": str(jenis_of(peristiwa)), "peristiwa": str(peristiwa),
        "staf_id": staf_id, "peran": str(peran) if peran else None, "objek": objek,
        "objek_id": objek_id, "rincian": rincian, "asal": asal or "",
    }).last_pk


def _params(filters: dict) -> dict:
    return {k: (filters.get(k) if filters.get(k) not in (None, "") else None) for k in _FILTERS}


def search(db, filters: dict, *, limit: int = -1, offset: int = 0) -> list[dict]:
    """Newest first (limit -1: all)."""
    return rows(db, """
        SELECT j.*, s.username AS staf_username, s.nama AS staf_nama
        FROM jejak j LEFT JOIN staf s ON s.id = j.staf_id
        WHERE (:jenis IS NULL OR j.jenis = :jenis) AND (:staf_id IS NULL OR j.staf_id = :staf_id)
          AND (:dari IS NULL OR j.at >= :dari) AND (:sampai IS NULL OR j.at < :sampai)
        ORDER BY j.id DESC LIMIT :limit OFFSET :offset""",
                dict(_params(filters), limit=limit, offset=offset))


def count(db, filters: dict) -> int:
    return db.execute("""
        SELECT COUNT(*) FROM jejak j
        WHERE (:jenis IS NULL OR j.jenis = :jenis) AND (:staf_id IS NULL OR j.staf_id = :staf_id)
          AND (:dari IS NULL OR j.at >= :dari) AND (:sampai IS NULL OR j.at < :sampai)""",
                      _params(filters)).fetchone()[0]
