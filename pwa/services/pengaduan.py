"""Filing a pengaduan, the office's answers, handing one on to the integrity team, and the
complainant's additions: each one transaction, with the SMS it sends (services/pesan_pengaduan).

Every step reads the complaint inside its transaction and asks domain/pengaduan whether this
role may take it in this state, so two handlers acting at once cannot answer a finished one."""
from ..domain import pengaduan as rules
from ..store import pengaduan as store, transaction
from . import nomor, pengiriman, pesan_pengaduan

PengaduanDitolak = rules.PengaduanDitolak


def file(db, isi: str, jenis: str = rules.LAYANAN, nama: str = "", kontak: str = "",
         bahasa: str = "id") -> str:
    """Returns the tracking number, unused by any request too."""
    if jenis not in rules.JENIS:
        raise ValueError(f"not a kind of complaint: {jenis!r}")
    with transaction(db):
        number = nomor.fresh(db)
        pid = store.add(db, nomor=number, isi=isi, jenis=jenis, nama=nama, kontak=kontak,
                        bahasa=bahasa)
        pesan_pengaduan.tell(db, store.get(db, pid), pesan_pengaduan.DITERIMA)
    pengiriman.wake()
    return number


def _current(db, pengaduan_id: int) -> dict:
    found = store.get(db, pengaduan_id)
    if found is None:
        raise PengaduanDitolak("not_found")
    return found


def respond(db, pengaduan_id: int, *, tindak_lanjut: str, status: str, peran: str,
            staf_id: int | None) -> dict:
    """The office answers; raises PengaduanDitolak when this role or state may not."""
    with transaction(db):
        item = _current(db, pengaduan_id)
        rules.check_respond(peran, item, status)
        store.add_entry(db, pengaduan_id, oleh=rules.OLEH_KANTOR, aksi=rules.TANGGAPI,
                        isi=tindak_lanjut, status=status, staf_id=staf_id, peran=str(peran))
        store.set_answered(db, pengaduan_id, status=status, staf_id=staf_id)
        pesan_pengaduan.tell(db, item, status)
    pengiriman.wake()
    return store.get(db, pengaduan_id)


def reroute(db, pengaduan_id: int, *, jenis: str, peran: str, staf_id: int | None) -> None:
    """A service complaint that is about integrity (of kind `jenis`) goes to the Kepala Kantor
    and the integrity team; the admin can no longer open it."""
    with transaction(db):
        item = _current(db, pengaduan_id)
        rules.check_reroute(peran, item, jenis)
        store.set_jenis(db, pengaduan_id, jenis)
        store.add_entry(db, pengaduan_id, oleh=rules.OLEH_KANTOR, aksi=rules.ALIHKAN,
                        staf_id=staf_id, peran=str(peran))
        pesan_pengaduan.tell(db, item, rules.ALIHKAN)
    pengiriman.wake()


def add_info(db, pengaduan_id: int, keterangan: str) -> None:
    """The complainant adds information (the number is their only key)."""
    with transaction(db):
        item = _current(db, pengaduan_id)
        rules.check_add_info(item)
        store.add_entry(db, pengaduan_id, oleh=rules.OLEH_PENGADU, aksi=rules.KETERANGAN,
                        isi=keterangan)
