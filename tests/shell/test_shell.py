"""The installable shell (issue 3): manifest, service worker, offline pages and forms, caching,
compression. What a phone on 2G, or with no signal at all, would notice."""
import gzip
import hashlib
import io
import re

import brotli
import pytest
from PIL import Image

from pwa import create_app, demo, store
from pwa.services.clock import office_today
from pwa.domain.jadwal import upcoming_working_days
from pwa.services import kalender

from tests.pages import text_of
from tests.flows import answers, service_id

OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}
# The only demo service without documents: a request for it is complete without uploads.
NO_DOCUMENTS = "konsultasi"


@pytest.fixture
def guarded(tmp_path):
    """The app as a real browser meets it: CSRF tokens required."""
    app = create_app({
        "TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": True,
        "DATABASE": str(tmp_path / "csrf.db"), "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "ISYARAT_FOLDER": str(tmp_path / "isyarat"),
        "NOTIFY_OUTBOX_FILE": str(tmp_path / "outbox.log"), "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        demo.load(db, app.config)
        db.conn.close()
    return app


def one_page(db, slug=NO_DOCUMENTS, mode="langsung", **override) -> dict:
    """Answers of the one-page form, as the browser posts them."""
    a = answers(mode)
    data = {"layanan": str(service_id(db, slug)), "mode": mode, "persetujuan": "y",
            "kunci": "kunci-uji-0123456789abcdef"}
    data.update({k: v for k, v in a.items()})
    data.update(override)
    return {k: v for k, v in data.items() if v is not None}


def count(db, key) -> int:
    return db.execute("SELECT COUNT(*) FROM permohonan WHERE idempotency_key = ?",
                      (key,)).fetchone()[0]


# --- install ----------------------------------------------------------------------------------

def test_manifest_makes_the_app_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    m = response.get_json()
    assert m["short_name"] == "MENTARI" and m["name"].startswith("MENTARI")
    assert m["display"] == "standalone" and m["start_url"] == "/" and m["lang"] == "id"
    assert m["theme_color"] == "#0b5d3b" and m["background_color"] == "#ffffff"
    sizes = {}
    for icon in m["icons"]:
        png = client.get(icon["src"])
        assert png.status_code == 200 and png.mimetype == "image/png"
        width, height = Image.open(io.BytesIO(png.data)).size
        assert icon["sizes"] == f"{width}x{height}"
        sizes.setdefault(icon["purpose"], set()).add(width)
    assert sizes["any"] >= {192, 512} and 512 in sizes["maskable"]


def test_maskable_icon_fills_the_square(client):
    """A launcher cuts the maskable icon to a circle or squircle: its corners must be colour,
    not transparency, or the icon shows a white rim."""
    src = next(i["src"] for i in client.get("/manifest.webmanifest").get_json()["icons"]
               if i["purpose"] == "maskable")
    image = Image.open(io.BytesIO(client.get(src).data)).convert("RGBA")
    assert image.getpixel((0, 0))[3] == 255 and image.getpixel((511, 511))[3] == 255


def test_every_page_links_the_manifest_and_the_worker_script(client):
    html = client.get("/").get_data(as_text=True)
    assert 'rel="manifest" href="/manifest.webmanifest"' in html
    assert 'data-sw="/sw.js"' in html
    assert '<meta name="theme-color"' in html


def test_service_worker_is_served_from_the_root_and_never_cached(client):
    response = client.get("/sw.js")
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"


def test_everything_the_worker_precaches_exists(client):
    script = client.get("/sw.js").get_data(as_text=True)
    urls = re.search(r"var PRECACHE = (\[.*?\]);", script).group(1)
    listed = re.findall(r'"([^"]+)"', urls)
    assert "/luring" in listed and "/ajukan/satu-halaman" in listed and "/skm/isi" in listed
    for url in listed:
        assert client.get(url).status_code == 200, url


def test_worker_keeps_the_saved_sign_language_clips(client):
    """Its clean-up on activate removes only its own caches, never mentari-isyarat."""
    script = client.get("/sw.js").get_data(as_text=True)
    pattern = re.search(r"var MILIK = /(.+)/;", script).group(1)
    assert not re.match(pattern, "mentari-isyarat")
    assert re.match(pattern, "mentari-shell-0123")


def test_worker_version_changes_when_a_shell_file_changes(app, client, tmp_path):
    """A new stylesheet must reach installed phones: the worker's version follows the files."""
    import shutil
    copy = tmp_path / "static"
    shutil.copytree(app.static_folder, copy)
    app.static_folder = str(copy)
    version = lambda: re.search(r'var VERSI = "(\w+)"',  # noqa: E731
                                client.get("/sw.js").get_data(as_text=True)).group(1)
    before = version()
    with open(copy / "css" / "mentari.css", "a") as f:
        f.write("\n/* changed */\n")
    assert version() != before


# --- offline page -------------------------------------------------------------------------

def test_offline_page_says_what_still_works(client):
    page = text_of(client.get("/luring"))
    assert "tidak tersambung ke internet" in page
    assert "Mengisi permohonan layanan" in page and "survei kepuasan" in page
    assert "memerlukan sinyal" in page
    html = client.get("/luring").get_data(as_text=True)
    assert 'href="/ajukan/satu-halaman"' in html and 'href="/skm/isi"' in html


# --- caching and compression --------------------------------------------------------------

def test_static_files_have_their_hash_in_the_url_and_are_kept_a_year(app, client):
    client.get("/")   # the first page inlines the stylesheet; later ones link it
    html = client.get("/").get_data(as_text=True)
    href = re.search(r'href="(/static/css/mentari\.css\?v=(\w+))"', html)
    with open(app.static_folder + "/css/mentari.css", "rb") as f:
        assert href.group(2) == hashlib.sha256(f.read()).hexdigest()[:10]
    cached = client.get(href.group(1))
    assert cached.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_stale_static_version_is_not_kept_forever(client):
    """An old URL answers with today's file: it must not be pinned under the old version."""
    response = client.get("/static/css/mentari.css?v=0000000000")
    assert "immutable" not in response.headers["Cache-Control"]
    assert "no-cache" in response.headers["Cache-Control"]


def test_unchanged_page_costs_a_304(client):
    client.get("/")   # the first page asks the first-visit questions; the next ones do not
    first = client.get("/luring")
    assert first.headers["Cache-Control"] == "private, no-cache"
    # Each render signs a new CSRF token, yet the page is the same page.
    again = client.get("/luring", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_a_new_session_gets_a_form_it_can_send(app, client):
    """Someone who cleared cookies (or whose session ended) and opens a form again must get a
    CSRF token for their new session: a 304 would keep the old form, and sending it would fail
    with "the form's session has ended" (this broke signing in after a visit as someone else)."""
    app.config["WTF_CSRF_ENABLED"] = True
    etag = client.get("/staf/masuk").headers["ETag"]
    fresh = app.test_client()
    again = fresh.get("/staf/masuk", headers={"If-None-Match": etag})
    assert again.status_code == 200
    # And that page's form is accepted.
    token = re.search(rb'name="csrf_token" value="([^"]+)"', again.data)
    signed_in = fresh.post("/staf/masuk", data={"csrf_token": token.group(1).decode(),
                                                "username": "admin", "password": "mentari-demo"})
    assert signed_in.status_code == 302


def test_a_changed_page_is_sent_again(client):
    etag = client.get("/luring").headers["ETag"]
    client.set_cookie("tampilan", "kontras-tinggi")
    changed = client.get("/luring", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and b"kontras-tinggi" in changed.data


def test_pages_and_styles_are_compressed(client):
    client.get("/")   # past the first page's first-visit questions
    plain = client.get("/ajukan/satu-halaman").data
    br = client.get("/ajukan/satu-halaman", headers={"Accept-Encoding": "br, gzip"})
    assert br.headers["Content-Encoding"] == "br"
    assert len(br.data) < len(plain) / 3
    # The CSRF token differs per render; the rest of the page is the same.
    assert len(brotli.decompress(br.data)) == pytest.approx(len(plain), abs=200)
    gz = client.get("/static/css/mentari.css", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.data) == client.get("/static/css/mentari.css").data


def test_refusals_and_a_missing_page_are_compressed_too(guarded):
    """On 2G a refusal is a page like any other: a form sent after its token expired (400) or
    a wrong address (404) is the whole page, about 42 KB raw and 11 compressed."""
    client = guarded.test_client()
    client.get("/")
    for response, status in ((client.post("/status", data={"nomor": "12"},
                                          headers={"Accept-Encoding": "br"}), 400),
                             (client.get("/tidak-ada", headers={"Accept-Encoding": "br"}), 404)):
        assert response.status_code == status and response.headers["Content-Encoding"] == "br"
        assert "Accept-Encoding" in response.headers["Vary"]
        page = brotli.decompress(response.data)
        assert b"</html>" in page and len(response.data) < len(page) / 2


def test_the_icon_asked_by_its_old_name_is_the_small_icon(client):
    """A browser that asks /favicon.ico gets the 32 px icon (under 1 KB), not a 42 KB 404 page."""
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/png"
    assert len(icon.data) < 1024 and Image.open(io.BytesIO(icon.data)).size == (32, 32)
    assert "max-age" in icon.headers["Cache-Control"]


def test_no_web_fonts(app, client):
    css = client.get("/static/css/mentari.css").get_data(as_text=True)
    assert "@font-face" not in css and "fonts.googleapis" not in css


# --- the one-page request form --------------------------------------------------------------

def test_one_page_form_creates_a_request(client, db):
    response = client.post("/ajukan/satu-halaman", data=one_page(db))
    assert response.status_code == 302 and "/ajukan/selesai/" in response.location
    row = db.execute("SELECT status, mode, nama, telepon, jadwal FROM permohonan "
                     "WHERE idempotency_key = ?", ("kunci-uji-0123456789abcdef",)).fetchone()
    assert (row["status"], row["mode"], row["nama"]) == ("diajukan", "langsung",
                                                         "Ni Wayan Sari")
    assert row["telepon"] == "081234567890"  # stored as the step form stores it
    assert "Permohonan terkirim" in text_of(client.get(response.location))


def test_outbox_retries_make_exactly_one_request(client, db):
    data = one_page(db)
    answers_seen = [client.post("/ajukan/satu-halaman", data=data, headers=OUTBOX).get_json()
                    for _ in range(3)]
    assert count(db, data["kunci"]) == 1
    assert {a["status"] for a in answers_seen} == {"terkirim"}
    assert len({a["nomor"] for a in answers_seen}) == 1
    number = db.execute("SELECT nomor FROM permohonan WHERE idempotency_key = ?",
                        (data["kunci"],)).fetchone()[0]
    assert answers_seen[0]["nomor"].replace(" ", "") == number
    # The phone that sent it may see it (the session now owns it).
    assert client.get(answers_seen[0]["tautan"]).status_code == 200


def test_outbox_post_needs_no_csrf_token_but_a_plain_post_does(guarded):
    client = guarded.test_client()
    with guarded.app_context():
        db = store.connect(guarded.config["DATABASE"])
        data = one_page(db)
        refused = client.post("/ajukan/satu-halaman", data=data)
        assert refused.status_code == 400 and count(db, data["kunci"]) == 0
        sent = client.post("/ajukan/satu-halaman", data=data, headers=OUTBOX)
        assert sent.get_json()["status"] == "terkirim" and count(db, data["kunci"]) == 1
        db.conn.close()


def test_refused_answers_keep_what_was_typed_and_say_why(client, db):
    response = client.post("/ajukan/satu-halaman",
                           data=one_page(db, telepon="12345", nama="Made Sutrisna"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Kesalahan:" in page and "data-error-summary" in page
    assert "Masukkan nomor HP yang benar" in page
    assert 'value="Made Sutrisna"' in page and 'value="12345"' in page
    assert count(db, "kunci-uji-0123456789abcdef") == 0


def test_refused_outbox_answers_continue_in_the_step_form(client, db):
    data = one_page(db, telepon="12345")
    result = client.post("/ajukan/satu-halaman", data=data, headers=OUTBOX).get_json()
    assert result["status"] == "perlu_diperbaiki"
    assert result["tautan"] == "/ajukan/data-diri"
    assert any("nomor HP" in k for k in result["kesalahan"])
    assert count(db, data["kunci"]) == 0
    # The draft keeps every answer that passed; the citizen fixes only the phone number.
    page = client.get(result["tautan"]).get_data(as_text=True)
    assert 'value="Ni Wayan Sari"' in page
    client.post("/ajukan/data-diri", data={"nama": "Ni Wayan Sari", "telepon": "0812 3456 7890"})
    check = client.get("/ajukan/periksa")
    assert check.status_code == 200 and "Subagan" in text_of(check)


def test_service_with_documents_continues_at_the_upload_step(client, db):
    data = one_page(db, slug="surat-keterangan")
    result = client.post("/ajukan/satu-halaman", data=data, headers=OUTBOX).get_json()
    assert result == {"status": "perlu_dokumen", "tautan": "/ajukan/dokumen"}
    assert count(db, data["kunci"]) == 0
    assert "Unggah dokumen" in text_of(client.get("/ajukan/dokumen"))


def test_consultation_needs_one_of_the_offered_times(app, client, db):
    with app.app_context():
        day = upcoming_working_days(office_today(), 1, kalender.national())[0]
    refused = client.post("/ajukan/satu-halaman", data=one_page(
        db, mode="konsultasi", tanggal=day.isoformat(), jam="09:30"))
    assert "Konsultasi bisa dipesan" in text_of(refused)
    accepted = client.post("/ajukan/satu-halaman", data=one_page(
        db, mode="konsultasi", tanggal=day.isoformat(), jam="09:00", kunci="k" * 20))
    assert accepted.status_code == 302
    assert db.execute("SELECT jadwal FROM permohonan WHERE idempotency_key = ?",
                      ("k" * 20,)).fetchone()[0] == f"{day.isoformat()}T09:00"


def test_mode_the_service_does_not_offer_is_refused(client, db):
    response = client.post("/ajukan/satu-halaman",
                           data=one_page(db, mode="antar_jemput", jam="09:00"))
    assert "tidak tersedia dengan cara ini" in text_of(response)


# --- the SKM without a signal --------------------------------------------------------------

def test_skm_from_the_outbox_is_saved_once(client, db):
    data = {f"u{i}": "4" for i in range(1, 10)} | {"kunci": "skm-kunci-0123456789"}
    results = [client.post("/skm/isi", data=data, headers=OUTBOX).get_json() for _ in range(3)]
    assert {r["status"] for r in results} == {"terkirim"}
    assert db.execute("SELECT COUNT(*) FROM skm_jawaban WHERE kunci = ?",
                      ("skm-kunci-0123456789",)).fetchone()[0] == 1


def test_incomplete_skm_from_the_outbox_says_what_is_missing(client, db):
    data = {f"u{i}": "4" for i in range(1, 9)} | {"kunci": "skm-kunci-9876543210"}
    result = client.post("/skm/isi", data=data, headers=OUTBOX).get_json()
    assert result["status"] == "perlu_diperbaiki"
    assert any("pertanyaan 9" in k for k in result["kesalahan"])


def test_offline_forms_carry_an_idempotency_key(client):
    for url in ("/ajukan/satu-halaman", "/skm/isi"):
        html = client.get(url).get_data(as_text=True)
        assert re.search(r'name="kunci" value="[A-Za-z0-9_-]{16,}" data-kunci', html), url
        assert "data-luring" in html


def test_upload_step_loads_the_upload_helper(client, db):
    client.post("/ajukan/satu-halaman", data=one_page(db, slug="surat-keterangan"))
    html = client.get("/ajukan/dokumen").get_data(as_text=True)
    assert "js/unggah.js" in html and "data-unggah-teks" in html
    assert "{asli}" in html  # placeholders the script fills in
