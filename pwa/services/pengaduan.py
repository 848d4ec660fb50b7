"""Filing a pengaduan and answering it."""
from ..store import pengaduan as store, transaction
from . import nomor


def file(db, isi: str, nama: str = "", kontak: str = "") -> str:
    """Returns the tracking number, unused by any request too."""
    with transaction(db):
        number = nomor.fresh(db)
        store.add(db, nomor=number, isi=isi, nama=nama, kontak=kontak)
    return number


def respond(db, pengaduan_id: int, *, tindak_lanjut: str, status: str, staf_id: int) -> None:
    with transaction(db):
        store.respond(db, pengaduan_id, tindak_lanjut=tindak_lanjut, status=status,
                      staf_id=staf_id)
