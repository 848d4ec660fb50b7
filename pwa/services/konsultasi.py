"""Konsultasi Online: sending a message in a consultation's room and ending the room, each one
transaction that re-reads the room's state inside it (domain/konsultasi.py decides).

A message carries the phone's idempotency key: the outbox may send it again after a dropped
answer, and it is stored once (the same rule as a request sent from the offline form)."""
import threading
from datetime import datetime

import numpy as np
from flask import current_app

from speech import audio, stt
from speech.errors import AudioTooLong, AudioUndecodable, EngineMissing

from ..domain import konsultasi as rules
from ..domain.uploads import CheckedFile
from ..store import connect, files, konsultasi as store, permohonan as permohonan_store
from ..store import transaction
from .clock import office_now

# Transcriptions still running (tests and the benchmark wait for them).
_running: set[threading.Thread] = set()

KonsultasiDitolak = rules.KonsultasiDitolak


def buka_menit() -> int:
    return int(current_app.config["KONSULTASI_BUKA_MENIT"])


def now_naive() -> datetime:
    """The office's time without its zone, as the booked time is stored."""
    return office_now().replace(tzinfo=None)


def room_state(db, p: dict) -> str:
    return rules.state(p, now_naive(), store.ended(db, p["id"]) is not None, buka_menit())


def send(db, permohonan_id: int, siapa: str, text: str, *, staf_id: int | None = None,
         kunci: str | None = None) -> int:
    """Store one text message; returns its id. A key already used returns that message's id
    and stores nothing. Raises KonsultasiDitolak with the reason otherwise refused."""
    if kunci:
        existing = store.by_kunci(db, kunci)
        if existing is not None:
            if existing["permohonan_id"] == permohonan_id:
                return existing["id"]
            kunci = None   # another room's key (never made by our pages): store it keyless
    text = rules.clean(text)
    problem = rules.message_problem(text)
    if problem:
        raise KonsultasiDitolak(problem)
    try:
        with transaction(db):
            check_write(db, permohonan_id, siapa)
            return store.add(db, permohonan_id, oleh=siapa, isi=text, jenis=rules.TEKS,
                             staf_id=staf_id if siapa == rules.PETUGAS else None, kunci=kunci)
    except store.KunciDipakai:
        return store.by_kunci(db, kunci)["id"]


def _existing(db, permohonan_id: int, kunci: str | None) -> int | None:
    if not kunci:
        return None
    found = store.by_kunci(db, kunci)
    return found["id"] if found and found["permohonan_id"] == permohonan_id else None


def send_voice(db, permohonan_id: int, siapa: str, data: bytes, *,
               staf_id: int | None = None, kunci: str | None = None) -> int:
    """Store a voice note; returns its id, and Whisper writes its text in the background.

    The upload is believed only once decoded: anything that is not audio, or longer than
    two minutes, is refused. What is kept is our own Ogg/Opus encoding of the decoded sound
    (about 2 KB a second), never the uploaded bytes."""
    existing = _existing(db, permohonan_id, kunci)
    if existing is not None:
        return existing
    check_write(db, permohonan_id, siapa)
    try:
        samples = audio.decode(data, audio.WHISPER_RATE,
                               max_seconds=rules.VOICE_SECONDS_ALLOWED,
                               max_bytes=current_app.config["KONSULTASI_SUARA_MAX_BYTES"])
    except AudioTooLong:
        raise KonsultasiDitolak(rules.SUARA_TERLALU_PANJANG) from None
    except AudioUndecodable:
        raise KonsultasiDitolak(rules.BUKAN_SUARA) from None
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    ogg = audio.to_ogg_opus(pcm, audio.WHISPER_RATE)
    folder = current_app.config["UPLOAD_FOLDER"]
    name = files.save(folder, CheckedFile(ogg, "audio/ogg", ""), suffix="ogg")
    try:
        with transaction(db):
            check_write(db, permohonan_id, siapa)
            pesan_id = store.add(db, permohonan_id, oleh=siapa, isi="", jenis=rules.SUARA,
                                 staf_id=staf_id if siapa == rules.PETUGAS else None,
                                 kunci=kunci, berkas=name, detik=round(len(pcm) /
                                                                       audio.WHISPER_RATE, 1),
                                 transkrip=rules.TRANSKRIP_MENUNGGU)
    except store.KunciDipakai:
        files.remove(folder, name)
        return store.by_kunci(db, kunci)["id"]
    except KonsultasiDitolak:
        files.remove(folder, name)
        raise
    _transcribe_later(current_app._get_current_object(), pesan_id, samples)
    return pesan_id


def check_write(db, permohonan_id: int, siapa: str) -> None:
    """Raise KonsultasiDitolak when this person may not write now (before costly work)."""
    problem = rules.write_problem(siapa, room_state(db, permohonan_store.get(db, permohonan_id)))
    if problem:
        raise KonsultasiDitolak(problem)


def send_video(db, permohonan_id: int, siapa: str, folder_name: str, seconds: float, *,
               staf_id: int | None = None, kunci: str | None = None) -> int:
    """Store a sign-language video message whose renditions and poster are in `folder_name`
    (under the upload folder); returns its id."""
    with transaction(db):
        check_write(db, permohonan_id, siapa)
        return store.add(db, permohonan_id, oleh=siapa, isi="", jenis=rules.VIDEO,
                         staf_id=staf_id if siapa == rules.PETUGAS else None,
                         kunci=kunci, berkas=folder_name, detik=round(seconds, 1))


def _transcribe_later(app, pesan_id: int, samples) -> None:
    def work():
        try:
            try:
                text = stt.dictate(samples).text
                state = rules.TRANSKRIP_SELESAI if text else rules.TRANSKRIP_GAGAL
            except (EngineMissing, RuntimeError, OSError) as failure:
                app.logger.error("voice note %s not transcribed: %s", pesan_id,
                                 type(failure).__name__)
                text, state = "", rules.TRANSKRIP_GAGAL
            db = connect(app.config["DATABASE"])
            try:
                with transaction(db):
                    store.set_transcript(db, pesan_id, text, state)
            finally:
                db.conn.close()
        finally:
            _running.discard(threading.current_thread())
    thread = threading.Thread(target=work, name=f"transkrip-{pesan_id}", daemon=True)
    _running.add(thread)
    thread.start()


def wait_for_transcripts(timeout: float = 120) -> None:
    for thread in list(_running):
        thread.join(timeout)


def signal(db, permohonan_id: int, siapa: str, jenis: str, data: str) -> int:
    """Relay one call signal to the other side; raises KonsultasiDitolak when refused."""
    with transaction(db):
        p = permohonan_store.get(db, permohonan_id)
        problem = rules.signal_problem(siapa, room_state(db, p), jenis, data)
        if problem:
            raise KonsultasiDitolak(problem)
        return store.add_signal(db, permohonan_id, dari=siapa, jenis=jenis, data=data)


def end(db, permohonan_id: int, siapa: str, *, staf_id: int | None) -> None:
    with transaction(db):
        p = permohonan_store.get(db, permohonan_id)
        problem = rules.end_problem(siapa, room_state(db, p))
        if problem:
            raise KonsultasiDitolak(problem)
        store.end(db, permohonan_id, staf_id=staf_id)


def record(db, p: dict) -> list[dict] | None:
    """The room's messages for the request's pages and print, or None when it has no room."""
    return store.messages(db, p["id"]) if rules.has_room(p) else None


def report_start(db, p: dict, labels: dict, max_chars: int) -> str:
    """The officer's report note as it starts: the conversation, shortened to fit."""
    return rules.summary(record(db, p) or [], labels, max_chars)
