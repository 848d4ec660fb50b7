"""The staff workflow (seed 000 §2.1.7) and objections (seed 004), driven through the HTTP
client as each role would: queue → request page → action."""
import io
import re

from pwa.domain import nomor
from pwa.store import keberatan as objections, permohonan as requests

from tests.pages import text_of
from tests.factories import PNG, overdue_request, staff_id, submitted_request


def _request(app, db, **kwargs) -> dict:
    return submitted_request(db, app.config["UPLOAD_FOLDER"], **kwargs)


def _status(db, pid: int) -> str:
    return requests.get(db, pid)["status"]


def _requirements(db, p: dict) -> list[dict]:
    return db.execute("SELECT id, nama, wajib FROM persyaratan WHERE layanan_id = ? AND aktif = 1 "
                      "ORDER BY urutan, id", (p["layanan_id"],)).fetchall()


def _all_met(db, p: dict, tombol: str = "teruskan") -> dict:
    data = {"tombol": tombol}
    for r in _requirements(db, p):
        data[f"periksa-m_{r['id']}"] = "ya"
    return data


def _post_action(client, pid: int, aksi: str, data: dict | None = None, **kwargs):
    return client.post(f"/staf/permohonan/{pid}/aksi/{aksi}", data=data or {}, **kwargs)


def _verify(client, login, db, p):
    login("verifikator")
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data=_all_met(db, p))
    assert r.status_code == 302, text_of(r)[:1500]


def _approve(client, login, db, p, officer: str = "petugas"):
    _verify(client, login, db, p)
    login("kasubag_tu")
    assert _post_action(client, p["id"], "paraf").status_code == 302
    login("kepala_kantor")
    r = _post_action(client, p["id"], "setujui", {
        "setujui-petugas": str(staff_id(db, officer)), "setujui-tanggal": p["jadwal"][:10],
        "setujui-jam": "10:30", "setujui-catatan": "Bawa kursi roda."})
    assert r.status_code == 302, text_of(r)[:1500]


# --- verifikator ---------------------------------------------------------------------------

def test_verifikator_queue_lists_new_requests_oldest_first_and_marks_late(app, client, db,
                                                                          login):
    new = _request(app, db, nama="Made Baru")
    old = overdue_request(db, app.config["UPLOAD_FOLDER"], nama="Ketut Lama")
    login("verifikator")
    page = text_of(client.get("/staf/antrean"))
    assert page.index("Ketut Lama") < page.index("Made Baru")
    assert nomor.grouped(old["nomor"]) in page and nomor.grouped(new["nomor"]) in page
    assert "Terlambat" in page and "Melewati batas waktu SOP: 1 permohonan" in page


def test_verifikator_returns_with_reasons_and_keeps_the_documents(app, client, db, login):
    p = _request(app, db)
    first, second = _requirements(db, p)[:2]
    login("verifikator")
    page = client.get(f"/staf/permohonan/{p['id']}").get_data(as_text=True)
    assert "Apakah Fotokopi ijazah memenuhi persyaratan?" in page
    assert page.count('href="/staf/dokumen/') >= 2

    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data={
        "tombol": "kembalikan", f"periksa-m_{first['id']}": "tidak",
        f"periksa-alasan_{first['id']}": "Foto ijazah buram", f"periksa-m_{second['id']}": "ya"})
    assert r.status_code == 302
    assert _status(db, p["id"]) == "dikembalikan"
    last = requests.history(db, p["id"])[-1]
    assert last["aksi"] == "kembalikan" and "Fotokopi ijazah: Foto ijazah buram" in last["catatan"]
    assert len(requests.documents(db, p["id"])) == 2  # nothing the citizen gave is deleted
    checks = requests.checks(db, p["id"])
    assert checks[first["id"]]["memenuhi"] == 0 and checks[second["id"]]["memenuhi"] == 1
    assert "Foto ijazah buram" in text_of(client.get(f"/staf/permohonan/{p['id']}"))


def test_return_without_reason_is_refused_and_keeps_what_was_chosen(app, client, db, login):
    p = _request(app, db)
    first, second = _requirements(db, p)[:2]
    login("verifikator")
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data={
        "tombol": "kembalikan", f"periksa-m_{first['id']}": "tidak",
        f"periksa-m_{second['id']}": "ya", "periksa-catatan": "Mohon segera"})
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert "<title>Kesalahan:" in html
    assert "Tuliskan mengapa Fotokopi ijazah tidak memenuhi." in text_of(r)
    assert re.search(rf'id="periksa-m_{first["id"]}-2"[^>]*value="tidak" checked', html)
    assert re.search(rf'id="periksa-m_{second["id"]}"[^>]*value="ya" checked', html)
    assert "Mohon segera" in html
    assert _status(db, p["id"]) == "diajukan"


def test_pass_on_needs_every_required_requirement_met(app, client, db, login):
    p = _request(app, db)
    first, second = _requirements(db, p)[:2]
    login("verifikator")
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data={
        "tombol": "teruskan", f"periksa-m_{first['id']}": "tidak",
        f"periksa-alasan_{first['id']}": "Tidak terbaca", f"periksa-m_{second['id']}": "ya"})
    assert r.status_code == 400
    assert "wajib tetapi tidak memenuhi" in text_of(r)
    assert _status(db, p["id"]) == "diajukan"
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data={"tombol": "teruskan"})
    assert r.status_code == 400 and "Pilih memenuhi atau tidak memenuhi" in text_of(r)


def test_returning_needs_at_least_one_unmet_requirement(app, client, db, login):
    p = _request(app, db)
    login("verifikator")
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data=_all_met(db, p, "kembalikan"))
    assert r.status_code == 400
    assert "Tandai setidaknya satu persyaratan yang tidak memenuhi" in text_of(r)
    assert _status(db, p["id"]) == "diajukan"


def test_documents_collected_by_the_officer_count_once_marked_met(app, client, db, login):
    p = _request(app, db, mode="jemput_bola", collect_by_officer=True)
    login("verifikator")
    assert "Diambil petugas saat kunjungan" in text_of(client.get(f"/staf/permohonan/{p['id']}"))
    r = client.post(f"/staf/permohonan/{p['id']}/periksa", data=_all_met(db, p))
    assert r.status_code == 302
    assert _status(db, p["id"]) == "diverifikasi"


def test_only_the_role_whose_turn_it_is_sees_action_forms(app, client, db, login):
    p = _request(app, db)
    login("kasubag_tu")
    page = text_of(client.get(f"/staf/permohonan/{p['id']}"))
    assert "Tidak ada langkah untuk Anda pada status ini." in page
    r = _post_action(client, p["id"], "paraf")
    assert r.status_code == 409
    assert "Langkah ini tidak bisa dilakukan pada status permohonan sekarang." in text_of(r)
    assert client.post(f"/staf/permohonan/{p['id']}/periksa",
                       data=_all_met(db, p)).status_code == 403


# --- the whole way through -----------------------------------------------------------------

def test_antar_jemput_request_goes_all_the_way_to_selesai(app, client, db, login):
    p = _request(app, db)
    _verify(client, login, db, p)
    assert _status(db, p["id"]) == "diverifikasi"

    login("kasubag_tu")
    assert nomor.grouped(p["nomor"]) in text_of(client.get("/staf/antrean"))
    assert _post_action(client, p["id"], "paraf").status_code == 302

    login("kepala_kantor")
    page = client.get(f"/staf/permohonan/{p['id']}").get_data(as_text=True)
    # The approval form starts from the citizen's chosen time.
    assert 'name="setujui-jam" type="time" value="09:00"' in page
    r = _post_action(client, p["id"], "setujui", {
        "setujui-petugas": str(staff_id(db, "petugas")), "setujui-tanggal": p["jadwal"][:10],
        "setujui-jam": "10:30"})
    assert r.status_code == 302
    approved = requests.get(db, p["id"])
    assert approved["status"] == "disetujui"
    assert approved["petugas_id"] == staff_id(db, "petugas")
    assert approved["jadwal_petugas"] == f"{p['jadwal'][:10]}T10:30"

    login("petugas")
    queue = text_of(client.get("/staf/antrean"))
    assert nomor.grouped(p["nomor"]) in queue
    task = client.get(f"/staf/permohonan/{p['id']}")
    assert 'href="tel:081234567890"' in task.get_data(as_text=True)
    assert "Juru bahasa isyarat" in text_of(task)
    # The report comes only once the citizen is home again.
    refused = _post_action(client, p["id"], "lapor", {"lapor-hasil": "berhasil"})
    assert refused.status_code == 409 and _status(db, p["id"]) == "disetujui"
    for step, state in (("jemput", "dijemput"), ("tiba_di_kantor", "di_kantor"),
                        ("antar_pulang", "diantar_pulang")):
        assert _post_action(client, p["id"], step).status_code == 302
        assert _status(db, p["id"]) == state
    r = _post_action(client, p["id"], "lapor", {
        "lapor-hasil": "berhasil", "lapor-catatan": "Legalisir diserahkan.",
        "lapor-lampiran": (io.BytesIO(PNG), "foto.png")}, content_type="multipart/form-data")
    assert r.status_code == 302, text_of(r)[:1500]
    assert _status(db, p["id"]) == "dilaporkan"
    assert requests.report(db, p["id"])["lampiran_mime"] == "image/png"

    login("kasubag_tu")
    assert _post_action(client, p["id"], "paraf_laporan").status_code == 302
    login("kepala_kantor")
    page = text_of(client.get(f"/staf/permohonan/{p['id']}"))
    assert "Legalisir diserahkan." in page and "Layanan berhasil diberikan" in page
    attachment = client.get(f"/staf/laporan/{p['id']}/lampiran")
    assert attachment.status_code == 200 and attachment.mimetype == "image/png"
    assert _post_action(client, p["id"], "terima_laporan").status_code == 302
    done = requests.get(db, p["id"])
    assert done["status"] == "selesai" and done["selesai_at"]

    steps = [(h["aksi"], h["peran"], h["dari_status"], h["ke_status"])
             for h in requests.history(db, p["id"])]
    assert steps == [
        ("ajukan", "pemohon", None, "diajukan"),
        ("teruskan", "verifikator", "diajukan", "diverifikasi"),
        ("paraf", "kasubag_tu", "diverifikasi", "diparaf"),
        ("setujui", "kepala_kantor", "diparaf", "disetujui"),
        ("jemput", "petugas", "disetujui", "dijemput"),
        ("tiba_di_kantor", "petugas", "dijemput", "di_kantor"),
        ("antar_pulang", "petugas", "di_kantor", "diantar_pulang"),
        ("lapor", "petugas", "diantar_pulang", "dilaporkan"),
        ("paraf_laporan", "kasubag_tu", "dilaporkan", "laporan_diparaf"),
        ("terima_laporan", "kepala_kantor", "laporan_diparaf", "selesai"),
    ]
    history = requests.history(db, p["id"])
    assert all(h["at"] for h in history)
    assert [h["staf_nama"] for h in history[1:4]] == [
        "I Made Wirawan", "Dra. Ni Komang Ayu", "H. I Gusti Ngurah Rai"]


def test_kasubag_can_send_back_to_the_verifikator_with_a_note(app, client, db, login):
    p = _request(app, db)
    _verify(client, login, db, p)
    login("kasubag_tu")
    r = _post_action(client, p["id"], "kembalikan_ke_verifikator")
    assert r.status_code == 400 and "Tuliskan alasannya." in text_of(r)
    r = _post_action(client, p["id"], "kembalikan_ke_verifikator",
                     {"kembalikan_ke_verifikator-catatan": "KTP belum dicek masa berlakunya"})
    assert r.status_code == 302 and _status(db, p["id"]) == "diajukan"


def test_approval_needs_an_officer_and_rejection_needs_a_reason(app, client, db, login):
    p = _request(app, db)
    _verify(client, login, db, p)
    login("kasubag_tu")
    _post_action(client, p["id"], "paraf")
    login("kepala_kantor")
    r = _post_action(client, p["id"], "setujui", {"setujui-tanggal": "2030-01-07",
                                                   "setujui-jam": "10:30"})
    assert r.status_code == 400 and "Pilih petugas yang ditugaskan." in text_of(r)
    assert 'value="2030-01-07"' in r.get_data(as_text=True)  # what was typed is kept
    r = _post_action(client, p["id"], "tolak")
    assert r.status_code == 400 and _status(db, p["id"]) == "diparaf"
    r = _post_action(client, p["id"], "tolak", {"tolak-catatan": "Bukan kewenangan kantor"})
    assert r.status_code == 302 and _status(db, p["id"]) == "ditolak"


def test_report_needs_a_note_when_not_fully_served_and_a_real_file(app, client, db, login):
    p = _request(app, db, mode="jemput_bola")
    _approve(client, login, db, p)
    login("petugas")
    r = _post_action(client, p["id"], "lapor", {"lapor-hasil": "sebagian"})
    assert r.status_code == 400
    assert "Tuliskan apa yang belum dapat dilayani dan mengapa." in text_of(r)
    r = _post_action(client, p["id"], "lapor", {
        "lapor-hasil": "sebagian", "lapor-catatan": "Stempel tertinggal.",
        "lapor-lampiran": (io.BytesIO(b"MZ not an image"), "foto.png")},
        content_type="multipart/form-data")
    assert r.status_code == 400
    assert "Berkas harus berupa PDF, JPG, PNG, atau WebP." in text_of(r)
    assert "Stempel tertinggal." in r.get_data(as_text=True)
    assert _status(db, p["id"]) == "disetujui" and requests.report(db, p["id"]) is None


# --- who may see what ----------------------------------------------------------------------

def test_a_petugas_who_is_not_assigned_gets_403(app, client, db, login, auth):
    p = _request(app, db)
    _approve(client, login, db, p, officer="petugas")
    doc = requests.documents(db, p["id"])[0]
    auth.logout()
    auth.login("petugas2")
    assert nomor.grouped(p["nomor"]) not in text_of(client.get("/staf/antrean"))
    assert client.get(f"/staf/permohonan/{p['id']}").status_code == 403
    assert client.get(f"/staf/dokumen/{doc['id']}").status_code == 403
    assert _post_action(client, p["id"], "jemput").status_code == 403
    assert _status(db, p["id"]) == "disetujui"


def test_documents_are_served_only_to_staff_who_may_see_them(app, client, db, login):
    p = _request(app, db)
    png, pdf = requests.documents(db, p["id"])[:2]
    anonymous = client.get(f"/staf/dokumen/{png['id']}")
    assert anonymous.status_code == 302 and "/staf/masuk" in anonymous.location
    login("satpam")
    assert client.get(f"/staf/dokumen/{png['id']}").status_code == 403
    assert client.get(f"/staf/permohonan/{p['id']}").status_code == 403
    login("verifikator")
    r = client.get(f"/staf/dokumen/{pdf['id']}")
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    assert r.headers["Content-Disposition"].startswith("inline")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.data.startswith(b"%PDF")


def test_print_page_renders_the_request(app, client, db, login):
    p = _request(app, db)
    login("verifikator")
    r = client.get(f"/staf/permohonan/{p['id']}/cetak")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="id"' in html and "<main" in html
    assert f"<title>Cetak permohonan {nomor.grouped(p['nomor'])}" in html
    page = text_of(r)
    for expected in ("Lembar pemeriksaan permohonan", "Ni Wayan Sari", "5107014501700001",
                     "Fotokopi ijazah", "Kartu Tanda Penduduk (KTP)", "Belum diperiksa",
                     "Juru bahasa isyarat", "Layanan Antar Jemput"):
        assert expected in page


# --- objections (keberatan) ----------------------------------------------------------------

def test_upheld_objection_becomes_a_delivery_task_for_the_chosen_petugas(app, client, db,
                                                                       login, auth):
    p = overdue_request(db, app.config["UPLOAD_FOLDER"])
    with db.conn:
        kid = objections.create(db, p["id"], "Sudah lewat dua minggu")
    login("kepala_kantor")
    queue = text_of(client.get("/staf/antrean"))
    assert "Keberatan menunggu keputusan" in queue and nomor.grouped(p["nomor"]) in queue
    r = client.post(f"/staf/keberatan/{kid}", data={"keputusan": "terima"})
    assert r.status_code == 400 and "Pilih petugas yang mengantar" in text_of(r)
    r = client.post(f"/staf/keberatan/{kid}", data={
        "keputusan": "terima", "petugas": str(staff_id(db, "petugas2"))})
    assert r.status_code == 302
    k = objections.get(db, kid)
    assert k["status"] == "diterima" and k["pemeriksa_id"] == staff_id(db, "kepala")
    inbox = [m["isi"] for m in db.execute(
        "SELECT isi FROM pesan WHERE permohonan_id = ?", (p["id"],)).fetchall()]
    # The citizen learns who brings the result (the chosen officer, by name).
    assert any("keberatan diterima, Ni Kadek Dewi mengantar hasilnya" in m for m in inbox)

    auth.logout()
    auth.login("petugas2")
    queue = text_of(client.get("/staf/antrean"))
    assert "Pengantaran hasil layanan ke rumah" in queue
    assert nomor.grouped(p["nomor"]) in queue and "Banjar Kaler" in queue
    assert client.get(f"/staf/permohonan/{p['id']}").status_code == 200

    login("petugas")  # not the one chosen
    assert client.post(f"/staf/keberatan/{kid}/diantar").status_code == 403
    auth.logout()
    auth.login("petugas2")
    # Nothing to deliver before the Kepala Kantor approves: refused, the citizen not texted.
    assert "Belum bisa diantar" in queue
    sent = db.execute("SELECT COUNT(*) FROM pesan WHERE permohonan_id = ?", (p["id"],)).fetchone()
    refused = text_of(client.post(f"/staf/keberatan/{kid}/diantar", follow_redirects=True))
    assert "Hasil layanan belum ada" in refused
    assert objections.get(db, kid)["status"] == "diterima"
    assert db.execute("SELECT COUNT(*) FROM pesan WHERE permohonan_id = ?",
                      (p["id"],)).fetchone() == sent
    with db.conn:
        requests.update_fields(db, p["id"], {"status": "disetujui"})
    assert client.post(f"/staf/keberatan/{kid}/diantar").status_code == 302
    assert objections.get(db, kid)["status"] == "diantar"
    assert "Tidak ada pengantaran untuk Anda." in text_of(client.get("/staf/antrean"))


def test_rejected_objection_needs_a_note_and_is_decided_once(app, client, db, login):
    p = overdue_request(db, app.config["UPLOAD_FOLDER"])
    with db.conn:
        kid = objections.create(db, p["id"], "Terlambat")
    login("kepala_kantor")
    r = client.post(f"/staf/keberatan/{kid}", data={"keputusan": "tolak"})
    assert r.status_code == 400 and "Tuliskan alasan keberatan ditolak." in text_of(r)
    r = client.post(f"/staf/keberatan/{kid}", data={
        "keputusan": "tolak", "catatan": "Dokumen baru lengkap kemarin"})
    assert r.status_code == 302 and objections.get(db, kid)["status"] == "ditolak"
    again = client.post(f"/staf/keberatan/{kid}", data={
        "keputusan": "terima", "petugas": str(staff_id(db, "petugas"))}, follow_redirects=True)
    assert "Keberatan ini sudah diputuskan." in text_of(again)
    assert objections.get(db, kid)["status"] == "ditolak"
    login("verifikator")
    assert client.get(f"/staf/keberatan/{kid}").status_code == 403


def test_admin_sees_every_open_request_and_objections_waiting(app, client, db, login):
    waiting = _request(app, db, nama="Made Menunggu")
    returned = _request(app, db, nama="Nyoman Dikembalikan")
    objected = overdue_request(db, app.config["UPLOAD_FOLDER"], nama="Ketut Keberatan")
    data = _all_met(db, returned, "kembalikan")
    first = _requirements(db, returned)[0]
    data.update({f"periksa-m_{first['id']}": "tidak", f"periksa-alasan_{first['id']}": "Buram"})
    login("verifikator")
    assert client.post(f"/staf/permohonan/{returned['id']}/periksa", data=data).status_code == 302
    assert _status(db, returned["id"]) == "dikembalikan"
    with db.conn:
        objections.create(db, objected["id"], "Terlambat")
    login("admin")
    page = text_of(client.get("/staf/antrean"))
    assert "Semua permohonan yang belum selesai" in page
    for p in (waiting, returned, objected):
        assert nomor.grouped(p["nomor"]) in page
    assert "Keberatan menunggu keputusan" in page
    assert f"Periksa keberatan {nomor.grouped(objected['nomor'])}" in page
