"""Issue 16 point 14: pages with someone's personal details are never kept on a shared phone or
an office computer. Every page that shows her name, phone number, NIK or address, every answer
to a post (it shows what was typed) and every staff page is `no-store`; the public pages stay
cacheable, so the phone can still keep them for use without a signal.

Found, not listed: every GET page a citizen or a verifikator can open is fetched, and a page
that shows any of the request's details must say no-store."""
import re

import pytest

from tests.flows import answers, service_id, submit_request

NAMA = "Ni Kadek Rahasiawati"
TELEPON = "0812 9876 5413"
NIK = "5107014506800001"
ALAMAT = "Jalan Cempaka Rahasia 17"
SECRETS = (NAMA, ALAMAT, NIK, "98765413")
# The phone number as any page may write it: 0812 9876 5413, 081298765413, +62 812-9876-5413.
PHONE = re.compile(r"812\D{0,3}9876\D{0,3}5413")

NOT_PAGES = ("static", "suara.", "isyarat.berkas", "permohonan.dokumen", "staf.dokumen",
             "staf.lampiran", "shell.sw", "shell.manifest", "shell.healthz", "shell.favicon",
             "admin.laporan_csv")


def shows_personal_data(html: str) -> bool:
    return any(s in html for s in SECRETS) or bool(PHONE.search(html))


def pages(app, values: dict) -> list[str]:
    """Every GET URL of the app that can be built from `values` (no other argument)."""
    adapter = app.url_map.bind("localhost")
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.startswith(NOT_PAGES):
            continue
        needed = rule.arguments - set(rule.defaults or {})
        if needed <= set(values):
            urls.append(adapter.build(rule.endpoint, {k: values[k] for k in needed}))
    return sorted(set(urls))


def kept(response) -> bool:
    return "no-store" not in response.headers.get("Cache-Control", "")


@pytest.fixture
def owned(client, db):
    """A citizen's browser that has just sent a request with the details above."""
    permohonan_id, _nomor = submit_request(client, db, "legalisir-ijazah", "antar_jemput",
                                           nama=NAMA, telepon=TELEPON, nik=NIK, alamat=ALAMAT)
    return permohonan_id


def test_every_citizen_page_with_her_details_is_no_store(app, client, owned):
    shown, leaked = [], []
    for url in pages(app, {"permohonan_id": owned, "step": "data-diri"}):
        r = client.get(url)
        if r.mimetype != "text/html":
            continue
        # A request's own pages show its documents and history even where no detail is
        # written out: they are hers alike.
        if shows_personal_data(r.get_data(as_text=True)) or url.startswith(
                f"/permohonan/{owned}"):
            shown.append(url)
            if kept(r):
                leaked.append(f"{url}: {r.headers.get('Cache-Control')}")
    # The page the issue names shows her phone number: the check is not vacuous.
    assert f"/ajukan/selesai/{owned}" in shown and f"/permohonan/{owned}" in shown
    assert not leaked, leaked


def test_every_step_of_a_draft_is_no_store(client, db):
    """The draft's answers come back on the steps of the form."""
    a = answers("antar_jemput", nama=NAMA, telepon=TELEPON, nik=NIK, alamat=ALAMAT)
    client.post("/ajukan", data={"mulai": "baru"})
    client.post("/ajukan/layanan", data={"layanan": str(service_id(db, "konsultasi"))})
    client.post("/ajukan/cara", data={"mode": "langsung"})
    client.post("/ajukan/data-diri", data={k: a[k] for k in ("nama", "telepon", "nik")})
    client.post("/ajukan/alamat", data={k: a[k] for k in ("alamat", "desa", "kecamatan")})
    for step in ("layanan", "cara", "data-diri", "alamat", "kebutuhan"):
        r = client.get(f"/ajukan/{step}")
        assert r.status_code == 200, step
        assert not kept(r), f"/ajukan/{step}: {r.headers.get('Cache-Control')}"
    assert shows_personal_data(client.get("/ajukan/data-diri").get_data(as_text=True))


def test_a_refused_form_keeps_what_was_typed_but_no_copy(client):
    r = client.post("/ajukan/satu-halaman", data={"nama": NAMA, "telepon": TELEPON,
                                                   "alamat": ALAMAT})
    assert r.status_code in (200, 400, 422) and NAMA in r.get_data(as_text=True)
    assert not kept(r), r.headers.get("Cache-Control")


def test_a_one_time_message_is_no_store(client, owned):
    r = client.post(f"/permohonan/{owned}/lupakan", follow_redirects=True)
    assert "tidak lagi tercantum" in r.get_data(as_text=True)
    assert not kept(r)


def test_every_staff_page_is_no_store(app, client, owned, login):
    login("verifikator")
    seen = 0
    for url in pages(app, {"permohonan_id": owned}):
        if not url.startswith("/staf"):
            continue
        r = client.get(url)
        if r.mimetype == "text/html" and r.status_code == 200:
            seen += 1
            assert not kept(r), f"{url}: {r.headers.get('Cache-Control')}"
    assert seen >= 3
    # Signed in, even the home page carries the staff menu.
    assert not kept(client.get("/"))


@pytest.mark.parametrize("url", ["/", "/layanan", "/ajukan", "/ajukan/satu-halaman", "/luring",
                                 "/skm", "/skm/isi", "/status"])
def test_public_pages_stay_cacheable(client, url):
    r = client.get(url)
    assert r.status_code == 200 and kept(r), r.headers.get("Cache-Control")
    assert "no-cache" in r.headers["Cache-Control"] and r.headers.get("ETag")
