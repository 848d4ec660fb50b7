"""A new registration or pengaduan number nobody has: random (domain/nomor.py), checked against
both tables (store/nomor.py), inside the caller's transaction so two submissions cannot take
the same one."""
from ..domain import nomor
from ..store import nomor as store


def fresh(db, tries: int = 20) -> str:
    for _attempt in range(tries):
        candidate = nomor.generate()
        if not store.taken(db, candidate):
            return candidate
    # 10^11 numbers: twenty collisions in a row means the generator is broken, not bad luck.
    raise RuntimeError(f"no free number after {tries} tries")
