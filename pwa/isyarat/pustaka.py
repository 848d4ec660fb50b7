"""The BISINDO clip library: one folder per clip under `media/isyarat/`, described by its own
`klip.json`. No Flask, no database.

Why a manifest beside the files and not a table: a clip *is* its files (renditions, poster,
captions, transcript). Kept together, a clip recorded on the office laptop travels to the server,
into a backup or into git as one folder, and its description can never point at files that are
not there. Adding or replacing a clip builds the new folder beside the library and renames it
into place, so a page never sees half a clip and two additions never edit one shared file.

Samples (synthetic, not signing) live apart in `contoh/`, are marked `contoh`, and are shown only
when the application allows samples (never in production).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import webvtt

from . import media as isyarat_media

# What a clip explains. page:<endpoint>, layanan:<service slug>, langkah:<request-form step>,
# status:<request state>, suara:<voice prompt key>, info:<topic> (the office's information
# clips the waiting-room screen plays between calls, bahasa/labels.ISYARAT_INFO).
KINDS = ("page", "layanan", "langkah", "status", "suara", "info")
KEY_PATTERN = re.compile(
    r"^(page|layanan|langkah|status|suara|info):([a-z0-9][a-z0-9._-]{0,79})$")
CAPTION_LANGUAGES = ("id", "ban")
SAMPLES = "contoh"
MANIFEST = "klip.json"


class KlipDitolak(ValueError):
    """A clip that cannot be added; `reason` is a stable code the caller translates."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Klip:
    key: str
    title: str
    signer: str
    seconds: float
    renditions: dict          # name → {"file", "bytes", "width", "height", "fps", "kbps"}
    captions: tuple           # languages with a caption file, e.g. ("id", "ban")
    transcripts: dict = field(default_factory=dict)  # language → text
    contoh: bool = False
    versi: str = ""           # changes whenever the clip is replaced: part of its URLs
    added_at: str = ""
    folder: Path = Path()

    @property
    def name(self) -> str:
        return folder_name(self.key)

    def transcript(self, language: str) -> tuple[str, str]:
        """(language, text): the asked language when written, else Indonesian."""
        if self.transcripts.get(language):
            return language, self.transcripts[language]
        return "id", self.transcripts.get("id", "")


def check_key(key: str) -> str:
    key = (key or "").strip()
    if not KEY_PATTERN.match(key):
        raise KlipDitolak("kunci")
    return key


def folder_name(key: str) -> str:
    """page:permohonan.beranda → page_permohonan.beranda (kinds have no underscore, so it splits back)."""
    kind, _sep, rest = key.partition(":")
    return f"{kind}_{rest}"


def key_of(name: str) -> str | None:
    kind, _sep, rest = name.partition("_")
    key = f"{kind}:{rest}"
    return key if KEY_PATTERN.match(key) else None


# --- captions and transcripts -----------------------------------------------------------

def parse_captions(text: str) -> list:
    """WebVTT cues (webvtt-py), or KlipDitolak when the file is not WebVTT or has no cue."""
    try:
        captions = webvtt.from_buffer(io.StringIO(text))
        cues = list(captions)
    except Exception:  # webvtt raises several error types for malformed files
        raise KlipDitolak("vtt") from None
    if not cues:
        raise KlipDitolak("vtt_kosong")
    return cues


def transcript_from(cues) -> str:
    """Caption cues as running text, one cue a line, repeats dropped (rolling captions)."""
    lines: list[str] = []
    for cue in cues:
        line = " ".join(cue.text.split())
        if line and (not lines or lines[-1] != line):
            lines.append(line)
    return "\n".join(lines)


# --- reading the library ----------------------------------------------------------------

def _load(folder: Path, contoh: bool) -> Klip | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf8"))
    except (OSError, ValueError):
        return None  # a folder being built or a broken copy: not a clip
    key = data.get("key")
    if key != key_of(folder.name):
        return None
    transcripts = {}
    for lang in CAPTION_LANGUAGES:
        path = folder / f"transkrip.{lang}.txt"
        if path.exists():
            transcripts[lang] = path.read_text(encoding="utf8").strip()
    return Klip(key=key, title=data.get("title", ""), signer=data.get("signer", ""),
                seconds=float(data.get("seconds", 0)), renditions=data.get("renditions", {}),
                captions=tuple(lang for lang in CAPTION_LANGUAGES
                               if (folder / f"{lang}.vtt").exists()),
                transcripts=transcripts, contoh=contoh, versi=data.get("versi", ""),
                added_at=data.get("added_at", ""), folder=folder)


class Pustaka:
    """The clips under `root`, re-read only when a clip folder is added, replaced or removed
    (every change renames a folder, which changes the folder's modification time)."""

    def __init__(self, root: str | os.PathLike, samples: bool = False):
        self.root = Path(root)
        self.samples = samples
        self._lock = threading.Lock()
        self._stamp = None
        self._clips: dict[str, Klip] = {}

    def _scan(self) -> dict[str, Klip]:
        clips: dict[str, Klip] = {}
        places = [(self.root / SAMPLES, True)] if self.samples else []
        places.append((self.root, False))  # last: a real clip replaces a sample of its key
        for place, contoh in places:
            if not place.is_dir():
                continue
            for folder in sorted(place.iterdir()):
                if folder.is_dir() and not folder.name.startswith("."):
                    clip = _load(folder, contoh)
                    if clip is not None:
                        clips[clip.key] = clip
        return clips

    def _current(self) -> dict[str, Klip]:
        stamp = tuple(p.stat().st_mtime_ns if p.is_dir() else None
                      for p in (self.root, self.root / SAMPLES))
        with self._lock:
            if stamp != self._stamp:
                self._clips, self._stamp = self._scan(), stamp
            return self._clips

    def get(self, key: str) -> Klip | None:
        return self._current().get(key)

    def by_name(self, name: str) -> Klip | None:
        key = key_of(name)
        return self.get(key) if key else None

    def all(self) -> list[Klip]:
        return sorted(self._current().values(), key=lambda c: c.key)


# --- adding and removing ------------------------------------------------------------------

def add(root: str | os.PathLike, source: str | os.PathLike, key: str, title: str, signer: str,
        captions: dict | None = None, transcripts: dict | None = None,
        contoh: bool = False) -> Klip:
    """Transcode `source` and put it into the library under `key`, replacing any clip there.

    Everything is checked before the library changes: the key, the captions (WebVTT), and the
    video itself (isyarat_media.BukanVideo when it is not a video)."""
    key = check_key(key)
    title, signer = " ".join((title or "").split()), " ".join((signer or "").split())
    if not title:
        raise KlipDitolak("judul")
    if not signer:
        raise KlipDitolak("juru_isyarat")
    captions = {lang: text for lang, text in (captions or {}).items() if text and text.strip()}
    if "id" not in captions:
        # Captions are how a Deaf viewer who reads follows along, and how the page's text,
        # the voice and the clip stay the same words: no clip without them.
        raise KlipDitolak("vtt_wajib", "id")
    unknown = set(captions) - set(CAPTION_LANGUAGES)
    if unknown:
        raise KlipDitolak("bahasa", ", ".join(sorted(unknown)))
    cues = {}
    for lang, text in captions.items():
        try:
            cues[lang] = parse_captions(text)
        except KlipDitolak as refusal:
            raise KlipDitolak(refusal.reason, lang) from None
    transcripts = {lang: text.strip() for lang, text in (transcripts or {}).items()
                   if text and text.strip()}
    for lang, found in cues.items():
        transcripts.setdefault(lang, transcript_from(found))

    place = Path(root) / SAMPLES if contoh else Path(root)
    place.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".baru-", dir=place))
    try:
        result = isyarat_media.transcode(source, building)
        for lang, text in captions.items():
            (building / f"{lang}.vtt").write_text(text.replace("\r\n", "\n"), encoding="utf8")
        for lang, text in transcripts.items():
            (building / f"transkrip.{lang}.txt").write_text(text + "\n", encoding="utf8")
        digest = hashlib.sha256()
        for name in sorted(p.name for p in building.iterdir()):
            digest.update(name.encode())
            digest.update((building / name).read_bytes())
        manifest = {
            "key": key, "title": title, "signer": signer, "seconds": result.seconds,
            "renditions": result.renditions, "poster_bytes": result.poster_bytes,
            "contoh": contoh, "versi": digest.hexdigest()[:12],
            "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        (building / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                         encoding="utf8")
        # A folder: mkdtemp makes it private, and the web server must read it.
        os.chmod(building, 0o755)  # nosec B103
        _swap_in(building, place / folder_name(key))
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return _load(place / folder_name(key), contoh)


def _swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new` with renames only, so readers see the old or the new clip."""
    old = None
    if target.exists():
        old = target.with_name(f".lama-{target.name}-{os.getpid()}-{threading.get_ident()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove(root: str | os.PathLike, key: str, contoh: bool = False) -> bool:
    target = (Path(root) / SAMPLES if contoh else Path(root)) / folder_name(check_key(key))
    if not target.is_dir():
        return False
    gone = target.with_name(f".hapus-{target.name}-{os.getpid()}")
    target.rename(gone)
    shutil.rmtree(gone, ignore_errors=True)
    return True


# --- coverage -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cakupan:
    key: str
    what: str              # what the key explains, in words (the page or service name)
    clip: Klip | None      # None: still to be recorded

    @property
    def recorded(self) -> bool:
        """Recorded by the office: a real clip, not a sample."""
        return self.clip is not None and not self.clip.contoh


def coverage(wanted: dict, library: Pustaka) -> list[Cakupan]:
    """Every wanted key (key → what it explains) with its clip, plus clips for keys nobody
    asks for any more (a removed service), so nothing recorded is forgotten."""
    rows = [Cakupan(key, what, library.get(key)) for key, what in wanted.items()]
    extra = [Cakupan(c.key, "", c) for c in library.all() if c.key not in wanted]
    return sorted(rows, key=lambda r: (KINDS.index(r.key.split(":")[0]), r.key)) + extra
