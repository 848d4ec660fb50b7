"""Konsultasi Online (issue 18): a consultation's room, who may be in it, when it is open, and
what a message may be. Pure Python; the views ask these questions, services/konsultasi.py acts.

A room belongs to an approved consultation (mode konsultasi, an officer and a time set by the
Kepala Kantor). It opens a few minutes before the booked time, so nobody waits on a closed door
at 09.00, and stays open until the officer ends it (or reports, which ends it too). The citizen
and the assigned officer write in it; the Kepala Kantor may look in without writing.
"""
import unicodedata
from datetime import datetime, timedelta

from .workflow import Mode, Peran, Status

# The room's states.
BELUM = "belum"        # not open yet: the booked time is still ahead
BUKA = "buka"          # open: both sides may write
SELESAI = "selesai"    # ended by the officer (or the request moved on): read only

# Who is in the room.
PEMOHON = "pemohon"    # the citizen (proved ownership of the request on this phone)
PETUGAS = "petugas"    # the assigned officer
PENGAMAT = "pengamat"  # the Kepala Kantor, reading

# Kinds of message.
TEKS = "teks"
SUARA = "suara"           # a voice note, with Whisper's transcript
VIDEO = "video"           # a sign-language video message: 2G rendition and poster
# A video message's files, as the isyarat pipeline writes them (pwa/isyarat/media.py).
VIDEO_FILES = {"rendah": "rendah.mp4", "standar": "standar.mp4", "poster": "poster.jpg"}

# A voice note's transcript.
TRANSKRIP_MENUNGGU = "menunggu"
TRANSKRIP_SELESAI = "selesai"
TRANSKRIP_GAGAL = "gagal"

# A voice note stops by itself after two minutes; the server allows a little more (the
# recorder stops on a timer, the encoder may add a frame).
VOICE_SECONDS = 120
VOICE_SECONDS_ALLOWED = 125

MAX_CHARS = 1000

# Why a message or an action is refused (bahasa/labels.py KONSULTASI_REFUSAL words them).
KOSONG = "kosong"
TERLALU_PANJANG = "terlalu_panjang"
KARAKTER_KONTROL = "karakter_kontrol"
BELUM_DIBUKA = "belum_dibuka"
SUDAH_SELESAI = "sudah_selesai"
HANYA_MEMBACA = "hanya_membaca"
BUKAN_PETUGAS = "bukan_petugas"
SINYAL_SALAH = "sinyal_salah"          # not a call signal this app sends
BUKAN_SUARA = "bukan_suara"            # the upload is not a recording (checked by decoding)
SUARA_TERLALU_PANJANG = "suara_terlalu_panjang"
BUKAN_VIDEO = "bukan_video"            # not a video with pictures (checked by decoding)
VIDEO_TERLALU_PANJANG = "video_terlalu_panjang"

# States in which the consultation has been approved and has (or had) its room.
_WITH_ROOM = frozenset({Status.DISETUJUI, Status.DILAPORKAN, Status.LAPORAN_DIPARAF,
                        Status.SELESAI})
# Line breaks and tabs are writing; every other control character is not.
_ALLOWED_CONTROLS = {"\n", "\t"}


# A live call's signals (WebRTC, relayed through the app): the offer and answer carry a whole
# session description with its candidates (non-trickle ICE: one message each way on 2G).
SIGNALS = ("tawar", "jawab", "tutup")
MAX_SIGNAL_CHARS = 20000


class KonsultasiDitolak(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def has_room(p: dict) -> bool:
    """Whether this request is a consultation that has a room: approved, officer and time set."""
    return (p.get("mode") == Mode.KONSULTASI and p.get("status") in _WITH_ROOM
            and bool(p.get("petugas_id")) and bool(p.get("jadwal_petugas")))


def opens_at(jadwal_petugas: str, buka_menit: int) -> datetime:
    """When the room opens: `buka_menit` minutes before the booked time (office time)."""
    return datetime.fromisoformat(jadwal_petugas) - timedelta(minutes=buka_menit)


def state(p: dict, now: datetime, ended: bool, buka_menit: int) -> str:
    """The room's state at `now` (office time, naive): ended rooms and requests that moved on
    past the consultation (reported, signed, done) are read only."""
    if ended or p.get("status") != Status.DISETUJUI:
        return SELESAI
    if now < opens_at(p["jadwal_petugas"], buka_menit):
        return BELUM
    return BUKA


def participant(peran: str | None, staf_id: int | None, petugas_id: int | None,
                owns: bool) -> str | None:
    """Who this person is in the room, or None (a stranger: the room does not exist for them).
    Staff are judged by the role they act in now; a citizen by the request's ownership."""
    if peran == Peran.PETUGAS and staf_id is not None and staf_id == petugas_id:
        return PETUGAS
    if peran == Peran.KEPALA_KANTOR:
        return PENGAMAT
    if peran is None and owns:
        return PEMOHON
    return None


def clean(text: str) -> str:
    """The message as stored: line breaks made \\n, surrounding space dropped."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def message_problem(text: str) -> str | None:
    """Why this text cannot be sent as a message (after `clean`), or None."""
    if not text:
        return KOSONG
    if len(text) > MAX_CHARS:
        return TERLALU_PANJANG
    if any(unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS for c in text):
        return KARAKTER_KONTROL
    return None


def write_problem(siapa: str, room_state: str) -> str | None:
    """Why this participant may not write now, or None."""
    if siapa == PENGAMAT:
        return HANYA_MEMBACA
    if room_state == BELUM:
        return BELUM_DIBUKA
    if room_state == SELESAI:
        return SUDAH_SELESAI
    return None


def signal_problem(siapa: str, room_state: str, jenis: str, data: str) -> str | None:
    """Why this signal may not be relayed, or None: only the two people talking, in an open
    room, with a signal of a known kind and a bounded size."""
    problem = write_problem(siapa, room_state)
    if problem:
        return problem
    if jenis not in SIGNALS or len(data) > MAX_SIGNAL_CHARS:
        return SINYAL_SALAH
    if any(unicodedata.category(c) == "Cc" and c not in "\r\n\t" for c in data):
        return SINYAL_SALAH
    return None


def end_problem(siapa: str, room_state: str) -> str | None:
    """Why this participant may not end the room now, or None: only the officer ends it."""
    if siapa != PETUGAS:
        return BUKAN_PETUGAS
    if room_state == SELESAI:
        return SUDAH_SELESAI
    return None


def summary(messages: list[dict], labels: dict, max_chars: int) -> str:
    """The conversation as the start of the officer's report note: one line per message
    ("Pemohon: …"), the oldest first, cut with "…" to fit `max_chars`. `labels` names who wrote
    (keys PEMOHON, PETUGAS), in the officer's language."""
    lines = [f"{labels.get(m['oleh'], m['oleh'])}: {' '.join(m['isi'].split())}"
             for m in messages]
    text = "\n".join(lines)
    if len(text) <= max_chars:
        return text
    return text[:max_chars - 1].rstrip() + "…"
