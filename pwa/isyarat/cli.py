"""`mentari isyarat`: add a clip, report coverage, make the demo's samples."""
import tempfile
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from . import media, pustaka
from .admin import REFUSALS, wanted_keys
from .format import format_seconds, kilobytes
from .pemutar import library
from .pustaka import KlipDitolak

# Keys the demo fills with samples, so the player can be tried; the rest stays honestly empty.
SAMPLE_KEYS = {
    "page:permohonan.beranda": "Selamat datang di MENTARI",
    "page:permohonan.status": "Cara cek status permohonan",
    "langkah:layanan": "Memilih layanan",
    "langkah:kebutuhan": "Menyampaikan kebutuhan khusus",
    "status:disetujui": "Permohonan disetujui",
    "page:keluarga.anggota": "Siapa yang memakai HP ini?",
}


@click.group("isyarat", cls=AppGroup)
@click.pass_context
@with_appcontext
def isyarat_command(ctx):
    """The BISINDO sign-language clip library (media/isyarat/)."""
    # The words (service names, refusals) are translated like on a page, in Indonesian.
    ctx.with_resource(current_app.test_request_context())


@isyarat_command.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--key", required=True, help="page:<endpoint>, layanan:<slug>, langkah:<step>, "
                                           "status:<state> or suara:<prompt>")
@click.option("--title", required=True)
@click.option("--signer", required=True, help="The sign-language interpreter in the video.")
@click.option("--vtt-id", type=click.File(encoding="utf-8-sig"), required=True,
              help="Indonesian captions (WebVTT)")
@click.option("--vtt-ban", type=click.File(encoding="utf-8-sig"), help="Balinese captions")
@click.option("--transcript", type=click.File(encoding="utf-8-sig"),
              help="Indonesian transcript (default: the text of the Indonesian captions)")
def add_command(file, key, title, signer, vtt_id, vtt_ban, transcript):
    """Transcode FILE into the library under KEY (replacing a clip already there)."""
    captions = {lang: f.read() for lang, f in (("id", vtt_id), ("ban", vtt_ban)) if f}
    try:
        clip = pustaka.add(current_app.config["ISYARAT_FOLDER"], file, key, title,
                                   signer, captions=captions,
                                   transcripts={"id": transcript.read()} if transcript else None)
    except media.BukanVideo as refusal:
        raise click.ClickException(str(REFUSALS.get(refusal.reason, REFUSALS["rusak"])))
    except KlipDitolak as refusal:
        message = str(REFUSALS.get(refusal.reason, refusal))
        raise click.ClickException(f"{message} {refusal.detail}".strip())
    click.echo(f"{clip.key}: {clip.title} ({format_seconds(clip.seconds)})")
    for name, r in clip.renditions.items():
        click.echo(f"  {name}: {r['width']}x{r['height']} {r['fps']} fps, "
                   f"{kilobytes(r['bytes'])} KB, {r['kbps']} kbps")


@isyarat_command.command("coverage")
def coverage_command():
    """Which keys have a clip, and which still need recording with local Deaf signers."""
    rows = pustaka.coverage(wanted_keys(), library())
    needed = [r for r in rows if not r.recorded]
    for r in rows:
        if r.recorded:
            mark = "ada"
        elif r.clip is not None:
            mark = "contoh"  # a synthetic sample: still to be recorded
        else:
            mark = "perlu direkam"
        click.echo(f"{mark:<14} {r.key:<34} {r.what}")
    click.echo(f"{len(rows) - len(needed)} of {len(rows)} keys have a recorded clip; "
               f"{len(needed)} still need recording.")


@isyarat_command.command("contoh")
@click.option("--seconds", default=6.0, show_default=True)
def samples_command(seconds):
    """Make synthetic SAMPLE clips (not signing) for a few keys, to try the player."""
    from . import contoh
    root = current_app.config["ISYARAT_FOLDER"]
    made = 0
    for key, title in SAMPLE_KEYS.items():
        existing = library().get(key)
        if existing is not None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "contoh.mp4"
            contoh.buat_video(source, key, seconds=seconds, width=640, height=360)
            pustaka.add(root, source, key, title, "Contoh (bukan juru bahasa isyarat)",
                                captions={"id": _sample_captions(title, seconds)},
                                contoh=True)
        made += 1
    click.echo(f"{made} sample clip(s) made in {root}/contoh (samples, not sign language).")


def _vtt_time(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _sample_captions(title: str, seconds: float) -> str:
    middle = seconds / 2
    return ("WEBVTT\n\n"
            f"{_vtt_time(0)} --> {_vtt_time(middle)}\n"
            f"CONTOH, bukan bahasa isyarat: {title}.\n\n"
            f"{_vtt_time(middle)} --> {_vtt_time(seconds)}\n"
            "Video asli direkam kantor bersama juru bahasa isyarat Tuli.\n")
