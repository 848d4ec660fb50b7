"""The uploads of unsubmitted requests (drafts): kept within a budget, replaced files deleted
at once, and drafts that nobody finished deleted with their files after MENTARI_DRAF_HARI days.

Files used to be saved on arrival and never deleted: one anonymous session filled 78 MB in a
second. Now each upload must fit the draft's budget, all drafts' budget and the disk's free
space (domain/uploads.budget_problem), and the worker sweeps expired drafts every hour
(`mentari bersihkan` does it by hand).
"""
import logging
import shutil
from datetime import datetime, timedelta, timezone

from ..domain import uploads
from ..store import batas, draf as store, files, transaction
from . import pengiriman

log = logging.getLogger("mentari.draf")


def _cutoff(config, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return (now - timedelta(days=config["DRAFT_DAYS"])).isoformat(timespec="seconds")


def load(db, config, draft_id: str) -> dict | None:
    """The draft's answers, unless it expired."""
    return store.load(db, draft_id, changed_after=_cutoff(config))


def keep_document(db, config, draft_id: str, persyaratan_id: int,
                  checked: uploads.CheckedFile) -> None:
    """Store the file as the draft's document for the requirement; raises UploadRefused
    ("draft_full", "office_full") when it does not fit."""
    folder = config["UPLOAD_FOLDER"]
    problem = uploads.budget_problem(
        len(checked.data), draft_bytes=store.bytes_of(db, draft_id),
        all_drafts_bytes=store.bytes_of_all(db), free_bytes=_free(folder),
        per_draft=config["UPLOAD_DRAFT_MAX_BYTES"],
        all_drafts=config["UPLOAD_ALL_DRAFTS_MAX_BYTES"],
        keep_free=config["DISK_KEEP_FREE_BYTES"])
    if problem:
        raise uploads.UploadRefused(problem)
    stored = files.save(folder, checked)
    with transaction(db):
        replaced = store.add_document(db, draft_id, persyaratan_id,
                                      nama_asli=checked.original_name, berkas=stored,
                                      mime=checked.mime, ukuran=len(checked.data))
    for name in replaced:
        files.remove(folder, name)


def officer_collects(db, config, draft_id: str, persyaratan_id: int, collects: bool) -> None:
    """Jemput bola: the officer takes this document at the visit (or, unticked, not)."""
    with transaction(db):
        if collects:
            replaced = store.add_document(db, draft_id, persyaratan_id, diambil_petugas=True)
        else:
            replaced = store.remove_document(db, draft_id, persyaratan_id)
    for name in replaced:
        files.remove(config["UPLOAD_FOLDER"], name)


def _free(folder: str) -> int:
    try:
        return shutil.disk_usage(folder).free
    except FileNotFoundError:
        return shutil.disk_usage(".").free


def sweep(app, db, now: datetime | None = None) -> tuple[int, int]:
    """Delete expired drafts and their files, and old rate-limit counters; returns
    (drafts, files) deleted."""
    now = now or datetime.now(timezone.utc)
    with transaction(db):
        drafts, names = store.expire(db, _cutoff(app.config, now))
    for name in names:
        files.remove(app.config["UPLOAD_FOLDER"], name)
    batas.sweep(db, now.timestamp())
    if drafts or names:
        log.info("swept %s expired drafts and %s files", drafts, len(names))
    return drafts, len(names)


pengiriman.PERIODIC.append(("bersihkan", timedelta(hours=1), sweep))
