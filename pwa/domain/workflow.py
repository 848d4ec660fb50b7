"""Request states, the actions that move a request between them, and who may take each action.

Pure Python (no Flask, no SQL): the blueprints ask `decide()` before the store writes anything,
so the rules of seed 000 §2.1.7 live in one place and are unit-tested exhaustively.
"""
from dataclasses import dataclass
from enum import StrEnum


class Peran(StrEnum):
    PEMOHON = "pemohon"  # the citizen, proven by registration number + phone digits
    ADMIN = "admin"
    VERIFIKATOR = "verifikator"
    KASUBAG_TU = "kasubag_tu"
    KEPALA_KANTOR = "kepala_kantor"
    PETUGAS = "petugas"
    SATPAM = "satpam"
    # Issue 17.9 (branch standar-aduan): receives integrity complaints (gratification,
    # extortion, an officer's conduct) with the Kepala Kantor. Usually a second role of
    # someone who holds another one (staf-akun lets a person hold several).
    TIM_INTEGRITAS = "tim_integritas"


STAFF_ROLES = tuple(p for p in Peran if p is not Peran.PEMOHON)


class Mode(StrEnum):
    ANTAR_JEMPUT = "antar_jemput"
    JEMPUT_BOLA = "jemput_bola"
    KONSULTASI = "konsultasi"
    LANGSUNG = "langsung"


class Status(StrEnum):
    DIAJUKAN = "diajukan"              # waiting for the verifikator
    DIKEMBALIKAN = "dikembalikan"      # returned to the citizen to fix documents
    DIVERIFIKASI = "diverifikasi"      # waiting for the Kasubag TU's paraf
    DIPARAF = "diparaf"                # waiting for the Kepala Kantor
    DISETUJUI = "disetujui"            # approved, officer assigned
    DITOLAK = "ditolak"                # rejected by the Kepala Kantor (final)
    DIJEMPUT = "dijemput"              # antar jemput: picked up
    DI_KANTOR = "di_kantor"            # antar jemput: at the office, being served
    DIANTAR_PULANG = "diantar_pulang"  # antar jemput: taken home
    DILAPORKAN = "dilaporkan"          # officer reported; waiting for the Kasubag TU
    LAPORAN_DIPARAF = "laporan_diparaf"  # report acknowledged; waiting for the Kepala Kantor
    SELESAI = "selesai"                # report received by the Kepala Kantor (final)


FINAL_STATES = frozenset({Status.DITOLAK, Status.SELESAI})
# Once the officer has reported, the service has been delivered: the citizen may rate it.
SERVED_STATES = frozenset({Status.DILAPORKAN, Status.LAPORAN_DIPARAF, Status.SELESAI})


class Aksi(StrEnum):
    AJUKAN = "ajukan"                      # citizen submits
    AJUKAN_ULANG = "ajukan_ulang"          # citizen resubmits after a return
    TERUSKAN = "teruskan"                  # verifikator passes it on
    KEMBALIKAN = "kembalikan"              # verifikator returns it to the citizen
    PARAF = "paraf"                        # kasubag_tu initials
    KEMBALIKAN_KE_VERIFIKATOR = "kembalikan_ke_verifikator"  # kasubag_tu sends back
    SETUJUI = "setujui"                    # kepala_kantor approves and assigns an officer
    TOLAK = "tolak"                        # kepala_kantor rejects
    JEMPUT = "jemput"                      # petugas: picked up (antar jemput)
    TIBA_DI_KANTOR = "tiba_di_kantor"      # petugas: arrived at the office (antar jemput)
    ANTAR_PULANG = "antar_pulang"          # petugas: taken home (antar jemput)
    LAPOR = "lapor"                        # petugas reports the result
    PARAF_LAPORAN = "paraf_laporan"        # kasubag_tu acknowledges the report
    TERIMA_LAPORAN = "terima_laporan"      # kepala_kantor receives the report


@dataclass(frozen=True)
class Transisi:
    peran: Peran
    dari: frozenset
    ke: Status
    modes: frozenset | None = None  # None: every mode
    needs_note: bool = False        # a reason is required (returns, rejections)
    assigned_only: bool = False     # only the officer assigned to the request


_ALL = None
_AJ = frozenset({Mode.ANTAR_JEMPUT})
_NOT_AJ = frozenset(set(Mode) - {Mode.ANTAR_JEMPUT})

TRANSITIONS: dict[Aksi, Transisi] = {
    Aksi.AJUKAN_ULANG: Transisi(Peran.PEMOHON, frozenset({Status.DIKEMBALIKAN}), Status.DIAJUKAN),
    Aksi.TERUSKAN: Transisi(Peran.VERIFIKATOR, frozenset({Status.DIAJUKAN}), Status.DIVERIFIKASI),
    Aksi.KEMBALIKAN: Transisi(
        Peran.VERIFIKATOR, frozenset({Status.DIAJUKAN}), Status.DIKEMBALIKAN, needs_note=True
    ),
    Aksi.PARAF: Transisi(Peran.KASUBAG_TU, frozenset({Status.DIVERIFIKASI}), Status.DIPARAF),
    Aksi.KEMBALIKAN_KE_VERIFIKATOR: Transisi(
        Peran.KASUBAG_TU, frozenset({Status.DIVERIFIKASI}), Status.DIAJUKAN, needs_note=True
    ),
    Aksi.SETUJUI: Transisi(Peran.KEPALA_KANTOR, frozenset({Status.DIPARAF}), Status.DISETUJUI),
    Aksi.TOLAK: Transisi(
        Peran.KEPALA_KANTOR, frozenset({Status.DIPARAF}), Status.DITOLAK, needs_note=True
    ),
    Aksi.JEMPUT: Transisi(
        Peran.PETUGAS, frozenset({Status.DISETUJUI}), Status.DIJEMPUT, _AJ, assigned_only=True
    ),
    Aksi.TIBA_DI_KANTOR: Transisi(
        Peran.PETUGAS, frozenset({Status.DIJEMPUT}), Status.DI_KANTOR, _AJ, assigned_only=True
    ),
    Aksi.ANTAR_PULANG: Transisi(
        Peran.PETUGAS, frozenset({Status.DI_KANTOR}), Status.DIANTAR_PULANG, _AJ,
        assigned_only=True,
    ),
    # Antar jemput is reported only once the citizen is home; the other modes straight after
    # the service (home visit, consultation, counter).
    Aksi.LAPOR: Transisi(
        Peran.PETUGAS, frozenset({Status.DISETUJUI, Status.DIANTAR_PULANG}), Status.DILAPORKAN,
        assigned_only=True,
    ),
    Aksi.PARAF_LAPORAN: Transisi(
        Peran.KASUBAG_TU, frozenset({Status.DILAPORKAN}), Status.LAPORAN_DIPARAF
    ),
    Aksi.TERIMA_LAPORAN: Transisi(
        Peran.KEPALA_KANTOR, frozenset({Status.LAPORAN_DIPARAF}), Status.SELESAI
    ),
}

# The report step differs per mode: antar jemput must have taken the citizen home first.
_LAPOR_FROM = {Mode.ANTAR_JEMPUT: Status.DIANTAR_PULANG}


class TransisiDitolak(Exception):
    """The action is not allowed; `reason` is a stable code the interface translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Pelaku:
    """Who acts: a role and, for staff, their id (to check officer assignment)."""
    peran: Peran
    staf_id: int | None = None


def decide(aksi: Aksi, pelaku: Pelaku, status: Status, mode: Mode,
           petugas_id: int | None = None, note: str = "") -> Status:
    """Return the next state, or raise TransisiDitolak saying why not."""
    t = TRANSITIONS.get(aksi)
    if t is None:
        raise TransisiDitolak("unknown_action")
    if pelaku.peran != t.peran:
        raise TransisiDitolak("wrong_role")
    if t.modes is not None and mode not in t.modes:
        raise TransisiDitolak("wrong_mode")
    if status not in t.dari:
        raise TransisiDitolak("wrong_state")
    if aksi is Aksi.LAPOR and status != _LAPOR_FROM.get(mode, Status.DISETUJUI):
        raise TransisiDitolak("wrong_state")
    if t.assigned_only and (petugas_id is None or pelaku.staf_id != petugas_id):
        raise TransisiDitolak("not_assigned")
    if t.needs_note and not note.strip():
        raise TransisiDitolak("note_required")
    return t.ke


def allowed_actions(pelaku: Pelaku, status: Status, mode: Mode,
                    petugas_id: int | None = None) -> list[Aksi]:
    """Actions this person may take now (notes are supplied later, so not checked here)."""
    out = []
    for aksi, t in TRANSITIONS.items():
        try:
            decide(aksi, pelaku, status, mode, petugas_id, note="x" if t.needs_note else "")
        except TransisiDitolak:
            continue
        out.append(aksi)
    return out


# Which states sit in whose queue (the role that must act next).
QUEUE_STATES: dict[Peran, frozenset] = {
    Peran.VERIFIKATOR: frozenset({Status.DIAJUKAN}),
    Peran.KASUBAG_TU: frozenset({Status.DIVERIFIKASI, Status.DILAPORKAN}),
    Peran.KEPALA_KANTOR: frozenset({Status.DIPARAF, Status.LAPORAN_DIPARAF}),
    Peran.PETUGAS: frozenset({Status.DISETUJUI, Status.DIJEMPUT, Status.DI_KANTOR,
                              Status.DIANTAR_PULANG}),
}


def next_for_citizen(status: Status, mode: Mode) -> str:
    """A stable key for 'what you must do next', translated by the interface."""
    if status is Status.DIKEMBALIKAN:
        return "fix_documents"
    if status is Status.DISETUJUI:
        return {
            Mode.ANTAR_JEMPUT: "ready_for_pickup",
            Mode.JEMPUT_BOLA: "ready_for_visit",
            Mode.KONSULTASI: "ready_for_consultation",
            Mode.LANGSUNG: "come_to_office",
        }[mode]
    if status in SERVED_STATES:
        return "rate_service"
    if status is Status.DITOLAK:
        return "rejected"
    return "wait"


# A service given only in part, or not at all, is reported with the reason: the Kepala Kantor
# and the citizen read it. Both report forms (the request page's, the counter's) ask for it.
HASIL_PERLU_CATATAN = frozenset({"sebagian", "tidak_berhasil"})


def waiting_for(status: Status) -> Peran | None:
    """The role whose queue holds a request in this state (who acts next), if any."""
    return next((peran for peran, states in QUEUE_STATES.items() if status in states), None)
