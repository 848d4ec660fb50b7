"""After the service: the citizen's rating of the officer and the public SKM results."""
import re

from pwa.domain import nomor
from pwa.store import permohonan as requests, rekap as reports, staf as staff

from tests.pages import text_of
from tests.flows import office_today

ALL_FOUR = {f"u{i}": "4" for i in range(1, 10)}
ALL_ONE = {f"u{i}": "1" for i in range(1, 10)}


def _request_in(db, status: str) -> int:
    """A 'langsung' request moved straight to `status`, served by the demo petugas."""
    petugas = staff.by_username(db, "petugas")["id"]
    pid = requests.create(db, nomor=nomor.generate(), idempotency_key=None, layanan_id=1,
                          mode="langsung", status="diajukan", bahasa="id",
                          batas_sop="2099-01-01",
                          data={"nama": "Ni Wayan Sari", "telepon": "081234567890",
                                "alamat": "Banjar Kaler", "desa": "Subagan",
                                "kecamatan": "Karangasem"})
    requests.record_transition(db, pid, staf_id=petugas, peran="petugas", aksi="lapor",
                               dari="diajukan", ke=status, updates={"petugas_id": petugas})
    return pid


def _own(client, pid: int) -> None:
    with client.session_transaction() as s:
        s["milik"] = [pid]


def test_someone_who_does_not_own_the_request_is_sent_to_the_status_lookup(client, db):
    pid = _request_in(db, "selesai")
    for r in (client.get(f"/permohonan/{pid}/nilai"),
              client.post(f"/permohonan/{pid}/nilai", data={"skor": "5"})):
        assert r.status_code == 303 and r.location.endswith("/status")
    assert requests.penilaian(db, pid) is None


def test_rating_is_refused_before_the_service_is_delivered(client, db):
    pid = _request_in(db, "disetujui")
    _own(client, pid)
    assert "Belum bisa dinilai" in text_of(client.get(f"/permohonan/{pid}/nilai"))
    r = client.post(f"/permohonan/{pid}/nilai", data={"skor": "5"})
    assert r.status_code == 409 and "Penilaian dan survei bisa diisi setelah" in text_of(r)
    assert requests.penilaian(db, pid) is None


def test_rating_is_accepted_once_after_the_service(client, db):
    pid = _request_in(db, "dilaporkan")
    _own(client, pid)
    form = text_of(client.get(f"/permohonan/{pid}/nilai"))
    assert "Sangat puas (5 dari 5)" in form and "I Wayan Sudarma" in form

    r = client.post(f"/permohonan/{pid}/nilai", data={"skor": "4", "komentar": "Ramah sekali"})
    assert r.status_code == 302 and r.location.endswith(f"/permohonan/{pid}/survei")
    saved = requests.penilaian(db, pid)
    assert saved["skor"] == 4 and saved["komentar"] == "Ramah sekali"
    assert saved["petugas_id"] == staff.by_username(db, "petugas")["id"]

    again = client.post(f"/permohonan/{pid}/nilai", data={"skor": "1"})
    assert again.status_code == 409 and "sudah dinilai" in text_of(again)
    assert requests.penilaian(db, pid)["skor"] == 4


def test_an_invalid_rating_explains_itself_and_keeps_the_comment(client, db):
    pid = _request_in(db, "selesai")
    _own(client, pid)
    for skor in ("0", "6", None):
        data = {"komentar": "Petugas datang tepat waktu"}
        if skor is not None:
            data["skor"] = skor
        r = client.post(f"/permohonan/{pid}/nilai", data=data)
        page = text_of(r)
        assert r.status_code == 200 and page.startswith("Kesalahan:")
        assert "Pilih salah satu dari lima pilihan penilaian." in page
        assert "Petugas datang tepat waktu" in r.get_data(as_text=True)
    assert requests.penilaian(db, pid) is None


def _ikm_line(client, query: str = "") -> str:
    page = text_of(client.get("/skm" + query))
    m = re.search(r"Indeks Kepuasan Masyarakat \(IKM\) (\S+)", page)
    return m.group(1) if m else page


def test_skm_answers_change_the_public_index_for_the_period(app, client, db):
    assert "Belum ada responden pada periode ini." in text_of(client.get("/skm"))

    pid = _request_in(db, "selesai")
    _own(client, pid)
    r = client.post(f"/permohonan/{pid}/survei", data=ALL_FOUR)
    assert r.status_code == 302 and r.location.endswith(f"/permohonan/{pid}/terima-kasih")
    assert _ikm_line(client) == "100,00"

    walk_in = app.test_client()  # a walk-in with no online request
    assert walk_in.post("/skm/isi", data=ALL_ONE).status_code == 302
    page = text_of(client.get("/skm"))
    assert "Jumlah responden 2" in page
    assert _ikm_line(client) == "62,50"  # NRR 2.5 on every element × 25
    assert "D (Tidak Baik)" in page

    # Answers belong to their period: last year has none.
    this_year = office_today().year
    assert "Belum ada responden" in text_of(client.get(f"/skm?periode={this_year - 1}"))
    page = text_of(client.get(f"/skm?jenis=tahun&tahun={this_year}"))
    assert "Tahun " + str(this_year) in page
    assert "Jumlah responden 2" in page


def test_one_survey_per_request(client, db):
    pid = _request_in(db, "selesai")
    _own(client, pid)
    client.post(f"/permohonan/{pid}/survei", data=ALL_FOUR)
    again = client.post(f"/permohonan/{pid}/survei", data=ALL_ONE)
    assert again.status_code == 409 and "sudah diisi" in text_of(again)
    assert _ikm_line(client) == "100,00"


def test_invalid_skm_scores_are_explained_and_other_answers_kept(client, db):
    data = dict(ALL_FOUR, u1="0", u2="5")
    del data["u3"]
    data["u4"] = "2"
    r = client.post("/skm/isi", data=data)
    page = text_of(r)
    assert r.status_code == 200 and page.startswith("Kesalahan:")
    assert "Pilih jawaban untuk pertanyaan 1 (Persyaratan)." in page
    assert "Pilih jawaban untuk pertanyaan 2 (Sistem, mekanisme, dan prosedur)." in page
    assert "Pilih jawaban untuk pertanyaan 3 (Waktu penyelesaian)." in page
    html = r.get_data(as_text=True)
    assert re.search(r'name="u4" type="radio" value="2"\s+checked', html)
    assert re.search(r'name="u9" type="radio" value="4"\s+checked', html)
    assert db.execute("SELECT COUNT(*) FROM skm_jawaban").fetchone()[0] == 0


def test_public_results_show_the_follow_up_for_that_period(app, client, db):
    today = office_today()
    reports.add_skm_followup(db, f"{today.year:04d}-{today.month:02d}",
                             "Ruang tunggu ditambah kursi roda.", None)
    reports.add_skm_followup(db, f"{today.year - 1}", "Catatan tahun lalu.", None)
    page = text_of(client.get("/skm"))
    assert "Ruang tunggu ditambah kursi roda." in page
    assert "Catatan tahun lalu." not in page
