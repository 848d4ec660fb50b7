"""The field officer's day (issue 17.6): their tasks in the order they will do them, where each
one is, and what they do next. Pure Python.

Today's tasks come first, by time; then those whose day has passed but are not finished (a
report still to send, a citizen still to bring home); then the days ahead. A task without a
time (never after an approval, which sets one) goes last rather than disappearing.
"""
from datetime import date, datetime
from urllib.parse import quote

from .workflow import Aksi, Mode, Pelaku, Peran, Status, allowed_actions

HARI_INI, TERLEWAT, AKAN_DATANG = "hari_ini", "terlewat", "akan_datang"
GROUPS = (HARI_INI, TERLEWAT, AKAN_DATANG)

# The office's district: a maps search for a village name alone may land in another province.
REGION = "Kabupaten Karangasem, Bali"


def moment(task: dict) -> datetime | None:
    """When the officer is expected: the time the Kepala Kantor set, else the citizen's choice
    (a date alone means the start of the office day)."""
    for key in ("jadwal_petugas", "jadwal"):
        value = task.get(key)
        if not value:
            continue
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            continue
        return when.replace(tzinfo=None)
    return None


def timed(task: dict) -> bool:
    """Whether moment() knows the hour, or only the day (a walk-in's chosen date)."""
    value = task.get("jadwal_petugas") or task.get("jadwal") or ""
    return "T" in value or " " in value


def group_of(when: datetime | None, today: date) -> str:
    if when is None or when.date() > today:
        return AKAN_DATANG
    return HARI_INI if when.date() == today else TERLEWAT


def grouped(tasks: list[dict], today: date) -> list[tuple[str, list[dict]]]:
    """[(group, tasks sorted by time)] in GROUPS order, empty groups left out."""
    found: dict[str, list] = {g: [] for g in GROUPS}
    for task in tasks:
        when = moment(task)
        found[group_of(when, today)].append((when or datetime.max, task["id"], task))
    return [(g, [t for _w, _i, t in sorted(found[g], key=lambda x: x[:2])])
            for g in GROUPS if found[g]]


def next_step(task: dict, petugas_id: int) -> Aksi | None:
    """The step this officer takes next on the task (the workflow decides), or None."""
    steps = allowed_actions(Pelaku(Peran.PETUGAS, petugas_id), Status(task["status"]),
                            Mode(task["mode"]), task.get("petugas_id"))
    return steps[0] if steps else None


def place(task: dict) -> list[str]:
    """Where the officer goes, as address parts, or [] when the service is not at the
    citizen's (at the office, or online)."""
    mode = Mode(task["mode"])
    if mode is Mode.ANTAR_JEMPUT and task.get("alamat_jemput"):
        return [task["alamat_jemput"]]
    if mode in (Mode.ANTAR_JEMPUT, Mode.JEMPUT_BOLA):
        return [p for p in (task.get("alamat"), task.get("desa")) if p]
    return []


def geo_link(parts: list[str], kecamatan: str = "") -> str:
    """A geo: URI that opens the phone's maps app searching for the address (no coordinates
    are stored; Android and most map apps read the q= search)."""
    words = [p.strip() for p in parts if p and p.strip()]
    if kecamatan:
        words.append(f"Kecamatan {kecamatan}")
    words.append(REGION)
    return "geo:0,0?q=" + quote(", ".join(words), safe="")
