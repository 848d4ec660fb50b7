"""The audit trail (jejak): one row per event, added and never changed (the table's triggers
refuse UPDATE and DELETE). Ids and codes only: who (staf_id, peran), when, what (peristiwa, the
object's kind and id, a short code-only detail), from where (the address the request came from).
"""
from ..domain.jejak import jenis_of
from .db import rows, utcnow

# The audit page's filters, as SQL; values go in as parameters.
_FILTERS = {
    "jenis": "j.jenis = ?",
    "staf_id": "j.staf_id = ?",
    "dari": "j.at >= ?",        # UTC moments: the caller turns office days into them
    "sampai": "j.at < ?",
}


def add(db, peristiwa: str, *, staf_id: int | None = None, peran: str | None = None,
        objek: str | None = None, objek_id: int | None = None, rincian: str = "",
        asal: str = "", now: str | None = None) -> int:
    return db["jejak"].insert({
        "at": now or utcnow(), "jenis": str(jenis_of(peristiwa)), "peristiwa": str(peristiwa),
        "staf_id": staf_id, "peran": str(peran) if peran else None, "objek": objek,
        "objek_id": objek_id, "rincian": rincian, "asal": asal or "",
    }).last_pk


def _where(filters: dict) -> tuple[str, list]:
    used = [(k, v) for k, v in filters.items() if v not in (None, "") and k in _FILTERS]
    sql = " AND ".join(_FILTERS[k] for k, _v in used)
    return (" WHERE " + sql if sql else ""), [v for _k, v in used]


_SELECT = ("SELECT j.*, s.username AS staf_username, s.nama AS staf_nama FROM jejak j "
           "LEFT JOIN staf s ON s.id = j.staf_id")


def search(db, filters: dict, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Newest first."""
    where, params = _where(filters)
    sql = _SELECT + where + " ORDER BY j.id DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return rows(db, sql, params)


def count(db, filters: dict) -> int:
    where, params = _where(filters)
    return db.execute("SELECT COUNT(*) FROM jejak j" + where, params).fetchone()[0]
