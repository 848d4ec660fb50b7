"""Whether a registration or pengaduan number is already taken. Both kinds share one space, so
one number never means two things (a citizen types it on /status or /pengaduan/cek alike)."""


def taken(db, nomor: str) -> bool:
    return db.execute("SELECT 1 FROM permohonan WHERE nomor = ? UNION ALL "
                      "SELECT 1 FROM pengaduan WHERE nomor = ? LIMIT 1",
                      (nomor, nomor)).fetchone() is not None
