"""Public service standards (issue 17.8, seed 003): a page per service with its requirements,
procedure, SOP time, cost, product, complaint channels and what the citizen is offered when the
standard is missed, and the office's service charter (maklumat) as the admin set it."""
import re

from pwa.store import layanan as catalogue

from tests.pages import text_of

CHARTER = ("Kami sanggup melayani sesuai standar pelayanan. Jika tidak, kami siap menerima "
           "sanksi sesuai peraturan.")
CHARTER_BAN = "Iraga sanggup ngalayanin manut standar pelayanan."


def _service(db, slug):
    return catalogue.get_service_by_slug(db, slug)


def test_the_standard_of_a_service_states_each_part(client, db):
    page = text_of(client.get("/layanan/legalisir-ijazah"))
    service = _service(db, "legalisir-ijazah")
    assert f"Standar pelayanan: {service['nama']}" in page  # the title
    for requirement in service["persyaratan"]:
        assert requirement["nama"] in page
    assert "Paling lama 2 hari kerja sejak permohonan diajukan." in page
    assert "Gratis (Rp 0)." in page
    assert "Fotokopi ijazah yang dilegalisir dengan cap dan tanda tangan pejabat." in page
    # The procedure: the shared steps once, then each mode the service offers.
    assert page.count("Verifikator memeriksa persyaratan.") == 1
    for words in ("Petugas menjemput Anda", "Petugas datang ke rumah Anda",
                  "ruang Konsultasi Online MENTARI", "Datang ke kantor pada tanggal"):
        assert words in page
    # Where to complain, and what is offered when the standard is missed.
    assert "ditangani Kepala Kantor dan tim integritas" in page
    assert "https://www.lapor.go.id" in page
    assert "Jika layanan belum selesai setelah 2 hari kerja, Anda dapat mengajukan keberatan" in (
        page)
    assert "petugas mengantar hasil layanan ke rumah Anda, tanpa biaya" in page
    html = client.get("/layanan/legalisir-ijazah").get_data(as_text=True)
    assert 'href="/pengaduan?jenis=pungli"' in html


def test_only_the_modes_a_service_offers_are_in_its_procedure(client):
    page = text_of(client.get("/layanan/rumah-ibadah"))  # jemput bola and langsung
    assert "Petugas datang ke rumah Anda" in page and "Datang ke kantor pada tanggal" in page
    assert "Petugas menjemput Anda" not in page
    assert "Paling lama 14 hari kerja" in page


def test_a_service_without_documents_and_an_unknown_one(client):
    assert "Tidak ada dokumen yang perlu diunggah." in text_of(client.get("/layanan/konsultasi"))
    assert client.get("/layanan/tidak-ada").status_code == 404


def test_a_closed_service_says_so_and_cannot_be_requested_from_its_standard(client, db):
    service = _service(db, "rumah-ibadah")
    db.execute("UPDATE layanan SET dibuka = 0 WHERE id = ?", (service["id"],))
    db.conn.commit()
    r = client.get("/layanan/rumah-ibadah")
    assert "Ditutup sementara." in text_of(r)
    assert "Ajukan layanan ini" not in text_of(r)


def test_the_list_of_standards_links_to_each_service(client, db):
    html = client.get("/layanan").get_data(as_text=True)
    for service in catalogue.list_services(db):
        assert f'href="/layanan/{service["slug"]}"' in html


def test_the_charter_the_admin_sets_is_on_every_standard(client, login):
    assert "Maklumat pelayanan" not in text_of(client.get("/layanan/legalisir-ijazah"))
    login("admin")
    form = text_of(client.get("/staf/admin/maklumat"))
    assert "Belum ada maklumat pelayanan." in form
    assert "sanggup menyelenggarakan pelayanan sesuai standar" in form  # the regulation's words
    r = client.post("/staf/admin/maklumat", data={"teks": CHARTER, "teks_ban": ""})
    assert r.status_code == 302
    client.post("/staf/keluar")
    for path in ("/layanan", "/layanan/legalisir-ijazah", "/layanan/konsultasi"):
        assert CHARTER in text_of(client.get(path)), path


def test_a_balinese_reader_gets_the_charter_in_basa_bali_or_marked_indonesian(client, login):
    login("admin")
    client.post("/staf/admin/maklumat", data={"teks": CHARTER, "teks_ban": ""})
    client.post("/staf/keluar")
    client.set_cookie("bahasa", "ban")
    html = client.get("/layanan/konsultasi").get_data(as_text=True)
    assert re.search(r'<p class="maklumat__teks" lang="id">' + re.escape(CHARTER), html)
    login("admin")
    client.post("/staf/admin/maklumat", data={"teks": CHARTER, "teks_ban": CHARTER_BAN})
    client.post("/staf/keluar")
    page = text_of(client.get("/layanan/konsultasi"))
    assert CHARTER_BAN in page and CHARTER not in page


def test_the_charter_form_explains_what_to_fix_and_keeps_what_was_typed(client, db, login):
    login("admin")
    r = client.post("/staf/admin/maklumat", data={"teks": "Kami siap.", "teks_ban": "Tiang"})
    page = text_of(r)
    assert page.startswith("Kesalahan:")
    assert "Maklumat pelayanan paling sedikit 20 huruf." in page
    html = r.get_data(as_text=True)
    assert ">Kami siap.</textarea>" in html and ">Tiang</textarea>" in html
    empty = text_of(client.post("/staf/admin/maklumat", data={"teks": ""}))
    assert "Tuliskan maklumat pelayanan kantor." in empty
    assert db.execute("SELECT COUNT(*) FROM maklumat").fetchone()[0] == 0
    client.set_cookie("bahasa", "ban")
    assert "Maklumat pelayanan paling kidik 20 aksara." in text_of(
        client.post("/staf/admin/maklumat", data={"teks": "Kami siap."}))


def test_what_a_service_gives_is_set_with_the_service(client, db, login):
    service = _service(db, "surat-keterangan")
    login("admin")
    form = {"nama": service["nama"], "deskripsi": service["deskripsi"], "sop_hari": "3",
            "dibuka": "1", "antar_jemput-ditawarkan": "y", "antar_jemput-dibuka": "1",
            "produk": "Surat keterangan bertanda tangan Kepala Kantor."}
    too_long = client.post(f"/staf/admin/layanan/{service['id']}", data=dict(
        form, produk="x" * 501))
    assert "Hasil layanan paling banyak 500 huruf." in text_of(too_long)
    assert client.post(f"/staf/admin/layanan/{service['id']}", data=form).status_code == 302
    client.post("/staf/keluar")
    assert "Surat keterangan bertanda tangan Kepala Kantor." in text_of(
        client.get("/layanan/surat-keterangan"))
