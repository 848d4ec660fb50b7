"""SKM as the regulation asks (issue 17.10): the service received and the respondent profile of
PermenPAN-RB 14/2017 are asked and kept, the IKM is shown per service with its quality category,
and the admin prints a period's report."""
import re

from pwa.domain import nomor
from pwa.store import layanan as catalogue, permohonan as requests, staf as staff

from tests.pages import text_of

ALL_FOUR = {f"u{i}": "4" for i in range(1, 10)}
ALL_ONE = {f"u{i}": "1" for i in range(1, 10)}
PROFILE = {"umur": "60_ke_atas", "jenis_kelamin": "perempuan", "pendidikan": "sd",
           "pekerjaan": "lainnya"}
OUTBOX = {"X-Mentari-Luring": "1", "Accept": "application/json"}


def _id(db, slug: str) -> int:
    return catalogue.get_service_by_slug(db, slug)["id"]


def _stored(db) -> list[dict]:
    return [dict(r) for r in db.execute(
        "SELECT layanan_id, umur, jenis_kelamin, pendidikan, pekerjaan, permohonan_id "
        "FROM skm_jawaban ORDER BY id").fetchall()]


def test_a_walk_in_says_which_service_and_who_they_are(client, db):
    r = client.post("/skm/isi", data={**ALL_FOUR, **PROFILE,
                                      "layanan": str(_id(db, "legalisir-ijazah"))})
    assert r.status_code == 302
    assert _stored(db) == [{"layanan_id": _id(db, "legalisir-ijazah"), **PROFILE,
                            "permohonan_id": None}]


def test_the_profile_is_optional_and_another_service_is_a_choice(client, db):
    assert client.post("/skm/isi", data={**ALL_FOUR, "layanan": "lain"}).status_code == 302
    assert _stored(db) == [{"layanan_id": None, "umur": None, "jenis_kelamin": None,
                            "pendidikan": None, "pekerjaan": None, "permohonan_id": None}]


def test_the_service_question_left_on_its_placeholder_is_asked_again(client, db):
    r = client.post("/skm/isi", data={**ALL_FOUR, **PROFILE, "layanan": ""})
    page = text_of(r)
    assert page.startswith("Kesalahan:") and "Pilih layanan yang Anda terima." in page
    html = r.get_data(as_text=True)
    assert re.search(r'name="umur" type="radio" value="60_ke_atas"\s+checked', html)
    assert _stored(db) == []


def test_a_tampered_profile_answer_is_refused_in_the_readers_language(client, db):
    data = {**ALL_FOUR, "layanan": "lain", "umur": "17", "pendidikan": "s3"}
    page = text_of(client.post("/skm/isi", data=data))
    assert "Pilih jawaban dari daftar untuk Umur, atau kosongkan." in page
    assert "Pilih jawaban dari daftar untuk Pendidikan terakhir, atau kosongkan." in page
    client.set_cookie("bahasa", "ban")
    page = text_of(client.post("/skm/isi", data=data))
    assert "Pilih pasaur saking daftar anggén Yusa, utawi kosongang." in page
    assert _stored(db) == []


def test_a_form_kept_on_a_phone_from_before_the_service_question_is_still_saved(client, db):
    """The outbox may post answers filled in a page cached before this change: no `layanan`
    field at all. They are saved as "not said", not lost."""
    data = ALL_FOUR | {"kunci": "skm-lama-0123456789"}
    answer = client.post("/skm/isi", data=data, headers=OUTBOX).get_json()
    assert answer["status"] == "terkirim"
    assert _stored(db)[0]["layanan_id"] is None


def test_the_outbox_sends_the_profile_once(client, db):
    data = ALL_FOUR | PROFILE | {"layanan": str(_id(db, "surat-keterangan")),
                                 "kunci": "skm-profil-0123456789"}
    answers = [client.post("/skm/isi", data=data, headers=OUTBOX).get_json() for _ in range(2)]
    assert {a["status"] for a in answers} == {"terkirim"}
    assert len(_stored(db)) == 1 and _stored(db)[0]["umur"] == "60_ke_atas"


def _served_request(db) -> dict:
    petugas = staff.by_username(db, "petugas")["id"]
    layanan_id = _id(db, "rekomendasi-paspor")
    pid = requests.create(db, nomor=nomor.generate(), idempotency_key=None,
                          layanan_id=layanan_id, mode="langsung", status="diajukan",
                          bahasa="id", batas_sop="2099-01-01",
                          data={"nama": "Ni Wayan Sari", "telepon": "081234567890",
                                "alamat": "Banjar Kaler", "desa": "Subagan",
                                "kecamatan": "Karangasem"})
    requests.record_transition(db, pid, staf_id=petugas, peran="petugas", aksi="lapor",
                               dari="diajukan", ke="selesai", updates={"petugas_id": petugas})
    return {"id": pid, "layanan_id": layanan_id}


def test_the_survey_after_a_request_takes_its_service_from_the_request(client, db):
    served = _served_request(db)
    with client.session_transaction() as s:
        s["milik"] = [served["id"]]
    page = text_of(client.get(f"/permohonan/{served['id']}/survei"))
    assert "Layanan yang Anda terima" not in page and "Tentang Anda" in page
    r = client.post(f"/permohonan/{served['id']}/survei",
                    data={**ALL_FOUR, "pekerjaan": "wirausaha"})
    assert r.status_code == 302
    assert _stored(db) == [{"layanan_id": served["layanan_id"], "umur": None,
                            "jenis_kelamin": None, "pendidikan": None,
                            "pekerjaan": "wirausaha", "permohonan_id": served["id"]}]


def _row(page: str, name: str) -> str:
    return page[page.index(name):][:len(name) + 40]


def test_the_public_results_give_the_ikm_of_each_service(client, db):
    legalisir, paspor = _id(db, "legalisir-ijazah"), _id(db, "rekomendasi-paspor")
    for data in ({**ALL_FOUR, "layanan": str(legalisir)}, {**ALL_FOUR, "layanan": str(legalisir)},
                 {**ALL_ONE, "layanan": str(paspor)}):
        assert client.post("/skm/isi", data=data).status_code == 302
    page = text_of(client.get("/skm"))
    section = page[page.index("IKM per layanan, "):]
    assert "Legalisir ijazah madrasah / sekolah keagamaan 2 100,00 A (Sangat Baik)" in section
    assert "Rekomendasi paspor haji / umrah 1 25,00 D (Tidak Baik)" in section
    assert "Surat keterangan 0 – Belum ada responden" in section


def test_the_admin_prints_the_periods_report(client, db, login):
    legalisir = str(_id(db, "legalisir-ijazah"))
    scores = {**ALL_FOUR, "u3": "2", "u8": "2"}
    client.post("/skm/isi", data={**scores, **PROFILE, "layanan": legalisir})
    client.post("/skm/isi", data={**ALL_FOUR, "layanan": "lain", "umur": "30_39",
                                  "jenis_kelamin": "laki_laki"})
    login("admin")
    r = client.get("/staf/admin/skm/laporan")
    assert r.status_code == 200
    page = text_of(r)
    assert "Laporan Survei Kepuasan Masyarakat" in page and "Jumlah responden 2" in page
    # NRR 3 on elements 3 and 8 (the lowest), 4 elsewhere: IKM (7×4 + 2×3)/9 × 25 = 94,44.
    assert "Indeks Kepuasan Masyarakat (IKM) 94,44" in page
    assert "3 Waktu penyelesaian 3,00 0,33 75,00 C (Kurang Baik)" in page
    assert ("perlu diperbaiki lebih dulu: Waktu penyelesaian, Sarana dan prasarana." in page)
    assert "Legalisir ijazah madrasah / sekolah keagamaan 1 88,89 A (Sangat Baik)" in page
    assert "Layanan lain, atau tidak disebut 1 100,00 A (Sangat Baik)" in page
    assert "60 tahun ke atas 1 50,0" in page and "30 sampai 39 tahun 1 50,0" in page
    assert "Laki-laki 1 50,0 Perempuan 1 50,0 Tidak diisi 0 0,0" in page
    assert "Mengetahui, Kepala Kantor" in page  # room to sign
    # The heads who sign it open it too; the period is chosen like the public page's.
    login("kepala_kantor")
    assert client.get("/staf/admin/skm/laporan?periode=2025").status_code == 200
    assert "Belum ada responden pada periode ini." in text_of(
        client.get("/staf/admin/skm/laporan?periode=2025"))
    bad = text_of(client.get("/staf/admin/skm/laporan?jenis=abad&tahun=2025"))
    assert bad.startswith("Kesalahan:") and "Pilih jenis periode." in bad
