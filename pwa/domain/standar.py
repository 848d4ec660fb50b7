"""The published service standard (standar pelayanan; UU 25/2009 art. 21, PermenPAN-RB 15/2014;
seed 003 asks the office to publish it and its maklumat). Pure Python.

What the page of each service states: its requirements, the procedure, the SOP time, the cost,
what the citizen receives, where to complain, and what the citizen is offered when the office
misses the standard. The procedure is written from the workflow itself (each step names the
workflow actions that complete it; tests/domain/test_standar.py walks them through
`workflow.decide`), so the published procedure cannot drift from what the app does.
"""
from .workflow import Aksi, Mode

# Every service is free: the SKM question on cost says "if free, choose Very good", and any
# request for money is extortion (pungli), which the page says how to report.
BIAYA = 0

# The national complaint channel every agency answers on (SP4N-LAPOR!, Perpres 76/2013), for
# whoever prefers it, or whose complaint concerns the head of the office.
LAPOR_NASIONAL = "https://www.lapor.go.id"

# The procedure as the citizen meets it: (step code, the workflow actions that complete it).
# A step with no action is the citizen's own or happens inside the step before.
_AWAL = (
    ("ajukan", (Aksi.AJUKAN,)),
    ("verifikasi", (Aksi.TERUSKAN,)),
    ("paraf", (Aksi.PARAF,)),
    ("setujui", (Aksi.SETUJUI,)),
)
_PELAYANAN = {
    Mode.ANTAR_JEMPUT: (("jemput", (Aksi.JEMPUT, Aksi.TIBA_DI_KANTOR)),
                        ("antar_pulang", (Aksi.ANTAR_PULANG,))),
    Mode.JEMPUT_BOLA: (("kunjungan", ()),),
    Mode.KONSULTASI: (("konsultasi", ()),),
    Mode.LANGSUNG: (("datang", ()),),
}
_AKHIR = (
    ("lapor", (Aksi.LAPOR, Aksi.PARAF_LAPORAN, Aksi.TERIMA_LAPORAN)),
    ("nilai", ()),
)


def prosedur(mode: Mode) -> tuple:
    """The steps of a service in this mode, in order: ((code, actions), ...)."""
    return _AWAL + _PELAYANAN[Mode(mode)] + _AKHIR


def prosedur_ringkas(modes) -> tuple[list, list, list]:
    """The procedure of a service offering these modes as the page prints it, each step once:
    (steps before the service, [(mode, its own steps)], steps after). Step codes only."""
    return ([code for code, _a in _AWAL],
            [(mode, [code for code, _a in _PELAYANAN[mode]]) for mode in modes_in_order(modes)],
            [code for code, _a in _AKHIR])


def modes_in_order(offered) -> list[Mode]:
    """The modes a service offers, in the order the app lists modes everywhere."""
    chosen = {str(m) for m in offered}
    return [m for m in Mode if str(m) in chosen]
