"""Layanan (the office's services), the modes each offers, and their persyaratan."""
from .db import row, rows


def list_services(db) -> list[dict]:
    services = rows(db, "SELECT * FROM layanan ORDER BY urutan, nama")
    modes = rows(db, "SELECT * FROM layanan_mode")
    by_service: dict[int, dict] = {}
    for m in modes:
        by_service.setdefault(m["layanan_id"], {})[m["mode"]] = m
    for s in services:
        s["modes"] = by_service.get(s["id"], {})
    return services


def get_service(db, layanan_id: int) -> dict | None:
    s = row(db, "SELECT * FROM layanan WHERE id = ?", (layanan_id,))
    if s is None:
        return None
    s["modes"] = {m["mode"]: m for m in rows(
        db, "SELECT * FROM layanan_mode WHERE layanan_id = ?", (layanan_id,))}
    s["persyaratan"] = requirements(db, layanan_id)
    return s


def get_service_by_slug(db, slug: str) -> dict | None:
    s = row(db, "SELECT id FROM layanan WHERE slug = ?", (slug,))
    return get_service(db, s["id"]) if s else None


def requirements(db, layanan_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM persyaratan WHERE layanan_id = ? AND aktif = 1 "
                    "ORDER BY urutan, id", (layanan_id,))


def get_requirement(db, persyaratan_id: int) -> dict | None:
    return row(db, "SELECT * FROM persyaratan WHERE id = ?", (persyaratan_id,))


def add_service(db, *, slug, nama, deskripsi="", sop_hari=5, modes=(), tautan_nasional=None,
                urutan=0, dibuka=True, produk="") -> int:
    lid = db["layanan"].insert({
        "slug": slug, "nama": nama, "deskripsi": deskripsi, "sop_hari": sop_hari,
        "tautan_nasional": tautan_nasional, "urutan": urutan, "dibuka": int(dibuka),
        "produk": produk,
    }).last_pk
    for mode in modes:
        db["layanan_mode"].insert({"layanan_id": lid, "mode": str(mode), "dibuka": 1})
    return lid


def update_service(db, layanan_id: int, *, nama, deskripsi, sop_hari, dibuka, dibuka_kembali,
                   tautan_nasional, modes: dict, produk: str = "") -> None:
    """modes: {mode: (offered, open, reopen_date)} for every mode; produk: what the citizen
    receives (published in the service's standard)."""
    db["layanan"].update(layanan_id, {
        "nama": nama, "deskripsi": deskripsi, "sop_hari": sop_hari, "dibuka": int(dibuka),
        "dibuka_kembali": dibuka_kembali or None, "tautan_nasional": tautan_nasional or None,
        "produk": produk,
    })
    for mode, (offered, is_open, reopen) in modes.items():
        if offered:
            db["layanan_mode"].upsert({
                "layanan_id": layanan_id, "mode": str(mode), "dibuka": int(is_open),
                "dibuka_kembali": reopen or None,
            }, pk=("layanan_id", "mode"))
        else:
            db.execute("DELETE FROM layanan_mode WHERE layanan_id = ? AND mode = ?",
                       (layanan_id, str(mode)))


def add_requirement(db, layanan_id: int, *, nama, keterangan="", wajib=True,
                    jenis="pdf,jpeg,png,webp", urutan=0) -> int:
    return db["persyaratan"].insert({
        "layanan_id": layanan_id, "nama": nama, "keterangan": keterangan,
        "wajib": int(wajib), "jenis": jenis, "urutan": urutan,
    }).last_pk


def update_requirement(db, persyaratan_id: int, *, nama, keterangan, wajib, jenis) -> None:
    db["persyaratan"].update(persyaratan_id, {
        "nama": nama, "keterangan": keterangan, "wajib": int(wajib), "jenis": jenis,
    })


def retire_requirement(db, persyaratan_id: int) -> None:
    # Kept, not deleted: documents and checks of earlier requests still point to it.
    db["persyaratan"].update(persyaratan_id, {"aktif": 0})
