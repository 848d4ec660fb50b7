"""Pengaduan (seed 003): anyone files one, with a name or without (whistle-blowing), and follows
it up with its number; the office answers with follow-ups the complainant reads. Pure Python.

Where a complaint goes depends on what it is about (issue 17.9). A complaint about the service
(slow, unclear requirements, facilities) is the admin's to answer. A complaint about integrity
(extortion, a gift asked for or given, an officer's conduct) goes to the Kepala Kantor and the
integrity team and never to the admin's list: the person reported may be the admin, or sit next
to them, and a whistle-blower must be able to trust that the office's own desk does not read it.

States: baru (nobody answered yet) → ditindaklanjuti (answered, still being handled) → selesai
(final). While it is not finished the complainant may add information with its number, which is
how the office asks an anonymous reporter a question and gets the answer.
"""
from .workflow import Peran

BARU, DITINDAKLANJUTI, SELESAI = "baru", "ditindaklanjuti", "selesai"
STATES = (BARU, DITINDAKLANJUTI, SELESAI)
# The states the office may answer with (a new complaint only ever leaves BARU).
TANGGAPAN = (DITINDAKLANJUTI, SELESAI)

# What a complaint is about.
LAYANAN = "layanan"          # the service itself: time, requirements, procedure, facilities
PUNGLI = "pungli"            # money asked for a free service (extortion, pungutan liar)
GRATIFIKASI = "gratifikasi"  # a gift or reward asked for or accepted
PERILAKU = "perilaku"        # an officer's conduct: rude, unfair, harassing
JENIS = (LAYANAN, PUNGLI, GRATIFIKASI, PERILAKU)
INTEGRITAS = frozenset({PUNGLI, GRATIFIKASI, PERILAKU})

# Who reads and answers each kind.
PENANGAN_LAYANAN = frozenset({Peran.ADMIN})
PENANGAN_INTEGRITAS = frozenset({Peran.KEPALA_KANTOR, Peran.TIM_INTEGRITAS})

# The entries of a complaint's follow-up thread.
OLEH_KANTOR, OLEH_PENGADU = "kantor", "pengadu"
TANGGAPI = "tanggapi"       # the office answers (with the state it leaves the complaint in)
ALIHKAN = "alihkan"         # the admin hands a complaint that is about integrity on
KETERANGAN = "keterangan"   # the complainant adds information


class PengaduanDitolak(Exception):
    """The step is not allowed; `reason` is a stable code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def is_integrity(jenis: str) -> bool:
    return jenis in INTEGRITAS


def handlers(jenis: str) -> frozenset:
    """The roles that read and answer a complaint of this kind."""
    return PENANGAN_INTEGRITAS if is_integrity(jenis) else PENANGAN_LAYANAN


def kinds_handled_by(peran: str) -> tuple:
    """The kinds of complaint a role reads (in JENIS order); empty for everybody else."""
    return tuple(j for j in JENIS if peran in handlers(j))


def check_respond(peran: str, pengaduan: dict, status: str) -> None:
    """An answer: by a role that handles this kind, to a complaint not finished, leaving it in
    one of the answer states."""
    if peran not in handlers(pengaduan["jenis"]):
        raise PengaduanDitolak("wrong_role")
    if pengaduan["status"] == SELESAI:
        raise PengaduanDitolak("finished")
    if status not in TANGGAPAN:
        raise PengaduanDitolak("wrong_state")


def check_reroute(peran: str, pengaduan: dict, jenis: str) -> None:
    """The admin hands a service complaint that turns out to be about integrity (of kind
    `jenis`) to the Kepala Kantor and the integrity team. Only that way: a complaint about
    integrity never comes back to the admin's desk."""
    if peran not in PENANGAN_LAYANAN:
        raise PengaduanDitolak("wrong_role")
    if is_integrity(pengaduan["jenis"]):
        raise PengaduanDitolak("already_integrity")
    if pengaduan["status"] == SELESAI:
        raise PengaduanDitolak("finished")
    if not is_integrity(jenis):
        raise PengaduanDitolak("wrong_kind")


def check_add_info(pengaduan: dict) -> None:
    """The complainant (whoever holds the number) adds information while it is being handled."""
    if pengaduan["status"] == SELESAI:
        raise PengaduanDitolak("finished")


def needs_attention(pengaduan: dict, last_by: str | None) -> bool:
    """Nobody answered yet, or the complainant wrote last (an answer to the office's question)."""
    return pengaduan["status"] == BARU or (pengaduan["status"] != SELESAI
                                           and last_by == OLEH_PENGADU)
