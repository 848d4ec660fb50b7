"""/isyarat/<nama>/<versi>/<berkas>: a clip's files."""
from flask import abort, send_file

from .pemutar import library
from .blueprint import bp

FILES = {"rendah.mp4": "video/mp4", "standar.mp4": "video/mp4",
         "poster.jpg": "image/jpeg", "id.vtt": "text/vtt; charset=utf-8",
         "ban.vtt": "text/vtt; charset=utf-8"}


@bp.get("/isyarat/<nama>/<versi>/<berkas>")
def berkas(nama: str, versi: str, berkas: str):
    """A clip's file. Range requests answer 206 with the asked bytes (seeking on 2G fetches only
    what it needs); the version in the URL lets phones keep the file for a year."""
    clip = library().by_name(nama)
    if clip is None or berkas not in FILES or clip.versi != versi:
        abort(404)
    path = clip.folder / berkas
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=FILES[berkas], conditional=True, max_age=365 * 86400,
                         etag=True)
    response.cache_control.public = True
    response.cache_control.immutable = True
    response.headers["Accept-Ranges"] = "bytes"
    return response
