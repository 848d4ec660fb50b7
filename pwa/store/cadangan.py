"""Backups (cadangan) of everything the office keeps: the database, taken with SQLite's online
backup API while the app runs (a plain copy of a WAL database can be torn), and the folders of
uploaded documents, recorded voice prompts and sign-language clips, in one .tar.gz with a
manifest of what is in it (schema version, counts, a sha256 per file)."""
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from .db import schema_version

FORMAT = 1
# Folder names inside the archive, for each configured folder.
FOLDERS = ("uploads", "rekaman", "isyarat")


class RestoreRefused(Exception):
    """`reason` says why in English (a command-line message)."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backup(db, folders: dict[str, str | None], target: Path) -> dict:
    """Write the archive at `target` (atomically: a .part file renamed at the end); returns its
    manifest. `folders` maps each name of FOLDERS to a folder on disk (or None)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mentari-cadangan-") as tmp:
        copy = Path(tmp) / "mentari.db"
        into = sqlite3.connect(copy)
        with into:
            db.conn.backup(into)
        into.close()
        manifest = {"format": FORMAT, "made_at": datetime.now(timezone.utc).isoformat(
            timespec="seconds"), "schema": schema_version(db), "counts": _counts(copy),
            "files": {"mentari.db": _sha256(copy)}}
        part = target.with_name(target.name + ".part")
        with tarfile.open(part, "w:gz") as tar:
            tar.add(copy, arcname="mentari.db")
            for name in FOLDERS:
                folder = folders.get(name)
                if not folder or not Path(folder).is_dir():
                    continue
                for path in sorted(Path(folder).rglob("*")):
                    if path.is_file() and not path.name.endswith(".part"):
                        arcname = f"{name}/{path.relative_to(folder).as_posix()}"
                        tar.add(path, arcname=arcname)
                        manifest["files"][arcname] = _sha256(path)
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, fileobj=io.BytesIO(data))
        os.replace(part, target)
    return manifest


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]  # nosec B608
                for t in tables}
    finally:
        conn.close()


def restore(archive: Path, database: str, folders: dict[str, str | None],
            overwrite: bool = False) -> dict:
    """Put an archive's database and folders in place; returns its manifest. Refuses to write
    over a database that holds data unless `overwrite`, and any archive whose files do not
    match its manifest."""
    if Path(database).exists() and _has_data(database) and not overwrite:
        raise RestoreRefused(f"{database} already holds data (use --timpa to replace it)")
    with tempfile.TemporaryDirectory(prefix="mentari-pulih-") as tmp:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, filter="data")
        root = Path(tmp)
        manifest = json.loads((root / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise RestoreRefused(f"unknown backup format {manifest.get('format')!r}")
        for name, digest in manifest["files"].items():
            path = root / name
            if not path.is_file() or _sha256(path) != digest:
                raise RestoreRefused(f"{name} in the archive does not match its manifest")
        for suffix in ("", "-wal", "-shm"):
            Path(database + suffix).unlink(missing_ok=True)
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / "mentari.db", database)
        for name in FOLDERS:
            source, folder = root / name, folders.get(name)
            if folder and source.is_dir():
                shutil.copytree(source, folder, dirs_exist_ok=True)
    return manifest


def _has_data(database: str) -> bool:
    counts = _counts(Path(database))
    return any(counts.get(t, 0) for t in ("permohonan", "staf", "layanan"))
