"""/sw.js, the service worker: keeps the app shell and the offline forms on the phone, and
sends the phone's outbox when the signal returns (templates/shell/sw.js)."""
import hashlib

from flask import make_response, render_template, request, url_for

from .blueprint import bp

# What the service worker keeps on the phone from its first visit: the look of every page,
# the scripts of the offline forms, and the pages that work without a signal.
# (Uploads need a signal anyway, so their script is not kept; neither are the install icons,
# which the browser fetches itself.)
SHELL_STATIC = ("css/mentari.css", "js/mentari.js", "js/outbox-db.js", "js/outbox.js",
                "icons/favicon-32.png")
SHELL_PAGES = ("shell.luring", "shell.tersimpan", "permohonan.satu_halaman", "skm.isi")
# Forms whose posts wait in the phone's outbox when there is no signal (the request form first).
OUTBOX_FORMS = ("permohonan.satu_halaman", "skm.isi")


def shell_urls() -> list[str]:
    return ([url_for("static", filename=f) for f in SHELL_STATIC]
            + [url_for(endpoint) for endpoint in SHELL_PAGES])


@bp.get("/sw.js")
def sw():
    """Served from the root so its scope is the whole site; never cached by HTTP, so a new
    version reaches phones on their next visit."""
    urls = shell_urls()
    version = hashlib.sha256("\n".join(urls).encode()).hexdigest()[:12]
    body = render_template("shell/sw.js", version=version, shell_urls=urls,
                           offline=url_for("shell.luring"), saved=url_for("shell.tersimpan"),
                           outbox=[url_for(endpoint) for endpoint in OUTBOX_FORMS],
                           db_script=url_for("static", filename="js/outbox-db.js"),
                           prompt_prefix=url_for("suara.prompt", key="x").rsplit("/", 1)[0] + "/")
    response = make_response(body)
    response.mimetype = "text/javascript"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.add_etag()
    return response.make_conditional(request)
