"""/konsultasi/<id>: a consultation's room. The page (every message so far, the form to write,
the officer's "end"), the new messages as JSON for the page's script (/pesan?since=<last id>),
sending one (/kirim: a plain form post, or the script's post with the phone's idempotency key,
from the outbox when the signal was gone) and ending the room (/selesai).

Without JavaScript the room is a page with a form: send, and the page comes back with the
message in it; "Muat pesan baru" reloads it."""
import json
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from flask import (abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   send_from_directory, url_for)
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from ..bahasa import labels
from ..domain import konsultasi as rules
from ..services import konsultasi as service
from ..store import konsultasi as store
from ..web import batas, outbox
from ..web.db import get_db
from ..web.filters import waktu
from ..isyarat import media
from .akses import person_key, room
from .blueprint import bp
from .forms import PesanForm

POLL = "konsultasi-pesan"


def _page(p: dict, siapa: str, form: PesanForm | None = None, status: int = 200):
    db = get_db()
    keadaan = service.room_state(db, p)
    if form is None:
        form = PesanForm(formdata=None, data={"kunci": secrets.token_urlsafe(16)})
    messages = [dict(m, pengirim=sender(m, siapa)) for m in store.messages(db, p["id"])]
    return render_template(
        "konsultasi/ruang.html", p=p, siapa=siapa, keadaan=keadaan, form=form,
        messages=messages, last_id=messages[-1]["id"] if messages else 0,
        # A refused message stays in its box, even in a room that is not open (yet, or any
        # more): nothing typed is lost, it can be copied or sent when the room opens.
        may_write=(rules.write_problem(siapa, keadaan) is None
                   or (siapa != rules.PENGAMAT and bool(form.teks.data))),
        may_end=rules.end_problem(siapa, keadaan) is None,
        opens=rules.opens_at(p["jadwal_petugas"], service.buka_menit()),
        may_call=keadaan == rules.BUKA and siapa in (rules.PEMOHON, rules.PETUGAS),
        ice_servers=json.dumps(ice_servers()),
        sinyal_awal=store.last_signal_id(db, p["id"]),
        # The file forms' own keys: a key stands for one message.
        kunci_suara=secrets.token_urlsafe(16), kunci_video=secrets.token_urlsafe(16),
        page_errors=[("teks", str(form.teks.errors[0]))] if form.teks.errors else [],
    ), status


def ice_servers() -> list:
    """MENTARI_ICE_SERVERS as RTCPeerConnection takes it; a setting that is not a JSON list
    is logged and ignored (the call then works only where both sides reach each other)."""
    try:
        servers = json.loads(current_app.config.get("ICE_SERVERS") or "[]")
    except ValueError:
        servers = None
    if not isinstance(servers, list):
        current_app.logger.error("MENTARI_ICE_SERVERS is not a JSON list; calls use no STUN/TURN")
        return []
    return servers


def _as_json(m: dict, siapa: str) -> dict:
    out = {"id": m["id"], "oleh": m["oleh"], "jenis": m["jenis"], "isi": m["isi"],
           "at": m["at"], "pengirim": sender(m, siapa), "waktu": waktu(m["at"], "HH.mm")}
    if m["berkas"]:
        out.update(berkas=url_for("konsultasi.berkas", permohonan_id=m["permohonan_id"],
                                  pesan_id=m["id"]),
                   detik=m["detik"], transkrip=m["transkrip"])
    if m["jenis"] == rules.VIDEO:
        out.update(poster=url_for("konsultasi.berkas", permohonan_id=m["permohonan_id"],
                                  pesan_id=m["id"], versi="poster"),
                   standar=url_for("konsultasi.berkas", permohonan_id=m["permohonan_id"],
                                   pesan_id=m["id"], versi="standar"))
    return out


def sender(m: dict, siapa: str) -> str:
    """Who wrote the message, as the reader says it: "Anda" for their own."""
    if m["oleh"] == siapa:
        return _("Anda")
    if m["oleh"] == rules.PETUGAS:
        return _("Petugas %(nama)s", nama=m["staf_nama"]) if m["staf_nama"] else _("Petugas")
    return _("Pemohon")


@bp.get("/<int:permohonan_id>")
def ruang(permohonan_id: int):
    try:
        p, siapa = room(permohonan_id)
    except NotFound:
        # The room's SMS link opened in another browser or phone: the same 404 page for every
        # number, whether a room exists or not, telling the citizen how to get in.
        return render_template("konsultasi/tidak_di_sini.html"), 404
    return _page(p, siapa)


@bp.get("/<int:permohonan_id>/pesan")
def pesan(permohonan_id: int):
    """New messages after `since` and the room's state, for the page's script."""
    p, siapa = room(permohonan_id)
    since = request.args.get("since", "0")
    since_id = int(since) if since.isdigit() else 0
    sinyal = request.args.get("sinyal", "")
    db = get_db()
    response = jsonify(keadaan=service.room_state(db, p),
                       pesan=[_as_json(m, siapa) for m in store.messages(db, p["id"], since_id)],
                       # Voice notes' texts arrive after the notes: the page fills them in.
                       transkrip=store.transcripts(db, p["id"]),
                       # A live call's signals from the other side, when the page asks.
                       sinyal=store.signals_for(db, p["id"], siapa, int(sinyal))
                       if sinyal.isdigit() else [])
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _refusal_status(reason: str) -> int:
    return {rules.KOSONG: 400, rules.TERLALU_PANJANG: 400, rules.KARAKTER_KONTROL: 400,
            rules.BUKAN_SUARA: 415, rules.SUARA_TERLALU_PANJANG: 413,
            rules.SINYAL_SALAH: 400, rules.BUKAN_VIDEO: 415,
            rules.VIDEO_TERLALU_PANJANG: 413}.get(reason, 409)


def _refused(p: dict, siapa: str, form: PesanForm, message: str, status: int):
    if outbox.wants_json():
        return jsonify(kesalahan=message), status
    form.teks.errors = [message]
    return _page(p, siapa, form, status)


@bp.post("/<int:permohonan_id>/kirim")
@outbox.accepts_outbox
def kirim(permohonan_id: int):
    p, siapa, form, refused = _incoming(permohonan_id)
    return refused or _sent(p, siapa, form, lambda: service.send(
        get_db(), p["id"], siapa, form.teks.data or "", staf_id=_staf_id(), kunci=_key(form)))


def _incoming(permohonan_id: int):
    """The room, who posts, the posted form, and the answer when it is refused already (a
    flood); the message itself is the domain's to judge, so the form checks only its token."""
    p, siapa = room(permohonan_id)
    form = PesanForm(meta=outbox.form_meta())
    form.validate()
    if _flooding(p, siapa):
        return p, siapa, form, _refused(
            p, siapa, form, _("Terlalu banyak pesan dalam waktu singkat. Tunggu sebentar, lalu "
                              "kirim lagi; pesan Anda tetap di sini."), 429)
    return p, siapa, form, None


def _sent(p: dict, siapa: str, form: PesanForm, send):
    """Run `send` (returns the message's id); answer the phone's outbox with JSON, a page with
    the room at the new message, a refusal with the room and what was typed."""
    try:
        pesan_id = send()
    except service.KonsultasiDitolak as refusal:
        return _refused(p, siapa, form, labels.of(labels.KONSULTASI_REFUSAL, refusal.reason),
                        _refusal_status(refusal.reason))
    if outbox.wants_json():
        return jsonify(id=pesan_id)
    return redirect(url_for("konsultasi.ruang", permohonan_id=p["id"],
                            _anchor=f"pesan-{pesan_id}"), code=303)


def _staf_id() -> int | None:
    return g.staf["id"] if g.get("staf") else None


def _flooding(p: dict, siapa: str) -> bool:
    return batas.hit("konsultasi", person_key(p, siapa),
                     current_app.config["KONSULTASI_RATE_LIMIT"])


def _key(form: PesanForm) -> str | None:
    return form.kunci.data if outbox.KEY_PATTERN.match(form.kunci.data or "") else None


@bp.post("/<int:permohonan_id>/suara")
@outbox.accepts_outbox
def suara(permohonan_id: int):
    """A voice note (the page's recorder, or a sound file chosen without JavaScript)."""
    p, siapa, form, refused = _incoming(permohonan_id)
    if refused:
        return refused
    upload = request.files.get("audio")
    limit = current_app.config["KONSULTASI_SUARA_MAX_BYTES"]
    data = upload.stream.read(limit + 1) if upload else b""

    def send():
        if not data:
            raise service.KonsultasiDitolak(rules.BUKAN_SUARA)
        return service.send_voice(get_db(), p["id"], siapa, data, staf_id=_staf_id(),
                                  kunci=_key(form))
    return _sent(p, siapa, form, send)


@bp.post("/<int:permohonan_id>/sinyal")
def sinyal(permohonan_id: int):
    """One signal of a live call (offer, answer, hang-up) for the other side's next poll.
    Signed in (staff) or proven (citizen), same origin and CSRF-checked like every post."""
    p, siapa = room(permohonan_id)
    if batas.hit("konsultasi-sinyal", person_key(p, siapa),
                 current_app.config["KONSULTASI_SINYAL_RATE_LIMIT"]):
        return jsonify(kesalahan=_("Terlalu banyak pesan dalam waktu singkat. Tunggu "
                                   "sebentar, lalu kirim lagi; pesan Anda tetap di sini.")), 429
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("jenis"), str) or not isinstance(
            body.get("data", ""), str):
        body = {"jenis": "", "data": ""}
    try:
        sinyal_id = service.signal(get_db(), p["id"], siapa, body["jenis"], body.get("data", ""))
    except service.KonsultasiDitolak as refusal:
        return jsonify(kesalahan=labels.of(labels.KONSULTASI_REFUSAL, refusal.reason)), (
            _refusal_status(refusal.reason))
    return jsonify(id=sinyal_id)


VIDEO_FOLDER = "konsultasi-video"


@bp.post("/<int:permohonan_id>/video")
@outbox.accepts_outbox
def video(permohonan_id: int):
    """A sign-language video message: recorded with the room's camera recorder (the isyarat
    admin page's, static/js/rekam.js) or chosen as a file, turned into the isyarat clips' 2G
    rendition and poster (pwa/isyarat/media.py), never kept as uploaded."""
    p, siapa, form, refused = _incoming(permohonan_id)
    return refused or _sent(p, siapa, form, lambda: _video_message(p, siapa, form))


def _video_message(p: dict, siapa: str, form: PesanForm) -> int:
    db = get_db()
    service.check_write(db, p["id"], siapa)   # before any costly work
    target = None
    handle, path = tempfile.mkstemp(prefix="konsultasi-video-")
    try:
        upload = request.files.get("video")
        with os.fdopen(handle, "wb") as out:
            if upload is not None:
                upload.save(out)
        if os.path.getsize(path) == 0:
            raise service.KonsultasiDitolak(rules.BUKAN_VIDEO)
        try:
            source = media.periksa(path)
            if source.seconds is not None and source.seconds > rules.VOICE_SECONDS_ALLOWED:
                raise service.KonsultasiDitolak(rules.VIDEO_TERLALU_PANJANG)
            name = secrets.token_hex(16)
            target = Path(current_app.config["UPLOAD_FOLDER"]) / VIDEO_FOLDER / name
            target.mkdir(parents=True)
            made = media.transcode(path, target)
        except media.BukanVideo as refusal:
            raise service.KonsultasiDitolak(
                rules.VIDEO_TERLALU_PANJANG if refusal.reason == "terlalu_panjang"
                else rules.BUKAN_VIDEO) from None
        if made.seconds > rules.VOICE_SECONDS_ALLOWED:
            raise service.KonsultasiDitolak(rules.VIDEO_TERLALU_PANJANG)
        pesan_id = service.send_video(db, p["id"], siapa, name, made.seconds,
                                      staf_id=_staf_id(), kunci=_key(form))
        target = None   # kept
        return pesan_id
    finally:
        os.unlink(path)
        if target is not None:
            shutil.rmtree(target, ignore_errors=True)


@bp.get("/<int:permohonan_id>/berkas/<int:pesan_id>")
def berkas(permohonan_id: int, pesan_id: int):
    """A voice note's sound, or a video message's rendition or poster (?versi=), to those in
    the room only."""
    p, _siapa = room(permohonan_id)
    m = store.get(get_db(), pesan_id)
    if m is None or m["permohonan_id"] != p["id"] or not m["berkas"]:
        abort(404)
    if m["jenis"] == rules.VIDEO:
        versi = request.args.get("versi", "rendah")
        if versi not in rules.VIDEO_FILES:
            abort(404)
        folder = Path(current_app.config["UPLOAD_FOLDER"]) / VIDEO_FOLDER / m["berkas"]
        response = send_from_directory(folder, rules.VIDEO_FILES[versi], conditional=True,
                                       mimetype="image/jpeg" if versi == "poster"
                                       else "video/mp4")
        response.headers["Cache-Control"] = "private, no-store"
        return response
    response = send_from_directory(current_app.config["UPLOAD_FOLDER"], m["berkas"],
                                   mimetype="audio/ogg", conditional=True)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/<int:permohonan_id>/selesai")
def selesai(permohonan_id: int):
    p, siapa = room(permohonan_id)
    try:
        service.end(get_db(), p["id"], siapa, staf_id=_staf_id())
    except service.KonsultasiDitolak as refusal:
        flash(labels.of(labels.KONSULTASI_REFUSAL, refusal.reason), "warning")
        return _page(p, siapa, status=409)
    flash(_("Konsultasi diakhiri. Percakapan tersimpan bersama permohonan; lanjutkan dengan "
            "laporan hasil layanan."), "success")
    return redirect(url_for("staf.permohonan", permohonan_id=p["id"]), code=303)
