"""Who may do what: every staff route × every role × anonymous, against a table written here;
citizens see only the requests they proved are theirs; officers only their own assignments;
workflow steps are refused in the wrong state and change nothing.

The table is explicit on purpose: giving a role a new power (or taking one away) must be a
visible change to this file, not a side effect of editing a decorator.
"""
import pytest

from pwa import store
from pwa.demo import kantor as demo_requests
from pwa.domain import nomor
from pwa.store import keberatan as objections, notifikasi as messages
from pwa.store import permohonan as request_store

from tests.pages import USER_FOR_ROLE, text_of

ROLES = ("admin", "verifikator", "kasubag_tu", "kepala_kantor", "petugas", "satpam",
         "tim_integritas")
CASEWORKERS = frozenset({"admin", "verifikator", "kasubag_tu", "kepala_kantor", "petugas"})
HEADS = frozenset({"admin", "kasubag_tu", "kepala_kantor"})
COUNTER = frozenset({"admin", "verifikator", "petugas"})
ADMIN = frozenset({"admin"})
STAFF = frozenset(ROLES)
# Integrity complaints (issue 17.9): the Kepala Kantor and the integrity team, never the admin.
INTEGRITY = frozenset({"kepala_kantor", "tim_integritas"})

# endpoint → the roles that may open it (GET and POST alike).
EXPECTED = {
    "admin.index": ADMIN,
    "admin.layanan_baru": ADMIN,
    "admin.layanan_ubah": ADMIN,
    "admin.persyaratan_baru": ADMIN,
    "admin.persyaratan_ubah": ADMIN,
    "admin.persyaratan_hapus": ADMIN,
    "admin.pengaduan": ADMIN,
    "admin.tanggapi": ADMIN,
    "admin.skm_tindak_lanjut": ADMIN,
    "admin.notifikasi": ADMIN,
    "admin.notifikasi_ulang": ADMIN,
    "admin.hari_tutup": ADMIN,
    "admin.hari_tutup_hapus": ADMIN,
    "admin.alihkan": ADMIN,
    "admin.maklumat": ADMIN,
    "admin.skm_laporan": HEADS,
    "staf.integritas": INTEGRITY,
    "staf.integritas_tanggapi": INTEGRITY,
    "admin.laporan": HEADS,
    "admin.laporan_csv": HEADS,
    "staf.antrean": CASEWORKERS,
    "staf.cari": CASEWORKERS,
    "staf.permohonan": CASEWORKERS,
    "staf.cetak": CASEWORKERS,
    "staf.dokumen": CASEWORKERS,
    "staf.lampiran_laporan": CASEWORKERS,
    "staf.aksi": CASEWORKERS,
    "staf.periksa": frozenset({"verifikator"}),
    "staf.keberatan": frozenset({"kepala_kantor", "admin"}),
    "staf.keberatan_diantar": frozenset({"petugas"}),
    "meragatan.satpam": frozenset({"satpam", "admin"}),
    "meragatan.loket": COUNTER,
    "meragatan.panggil": COUNTER,
    "meragatan.selesai": COUNTER,
    "isyarat.admin": ADMIN,
    "isyarat.tambah": ADMIN,
    "isyarat.hapus": ADMIN,
    "suara.rekaman_index": ADMIN,
    "suara.rekam": ADMIN,
    "suara.hapus_rekaman": ADMIN,
    "admin.akun": ADMIN,
    "admin.akun_baru": ADMIN,
    "admin.akun_ubah": ADMIN,
    "admin.akun_reset_sandi": ADMIN,
    "admin.akun_nonaktifkan": ADMIN,
    "admin.akun_aktifkan": ADMIN,
    "admin.akun_buka_kunci": ADMIN,
    "admin.jejak": ADMIN,
    "admin.jejak_csv": ADMIN,
    # Every staff member changes their own password, and chooses among the roles they hold.
    "staf.sandi": STAFF,
    "staf.peran": STAFF,
}
# Staff-area routes open to anyone: signing in and out, and the redirect to one's home page.
PUBLIC_STAFF_ROUTES = {"staf.masuk", "staf.keluar", "staf.home"}
# Only for someone signed in with a first password (tests/staf/test_staf_akun.py checks it).
FIRST_PASSWORD_ROUTES = {"staf.sandi_pertama"}

SIGN_IN = "/staf/masuk"


@pytest.fixture
def kantor(app):
    """The lived-in demo office (pwa/demo_requests.py) on this test's database."""
    db = store.connect(app.config["DATABASE"])
    try:
        yield demo_requests.build(app, db, base_url="http://localhost")
    finally:
        db.conn.close()


def guarded_endpoints(app) -> dict[str, frozenset]:
    """Endpoints whose view is wrapped by auth.role_required, with the roles it allows."""
    return {endpoint: frozenset(view.roles) for endpoint, view in app.view_functions.items()
            if hasattr(view, "roles")}


def url_values(kantor) -> dict:
    """One URL per guarded endpoint. The request is assigned to the demo petugas and its
    report has an attachment, so every allowed role can really open what it points at."""
    served = kantor.permohonan["laporan_diparaf"]
    return {
        "permohonan_id": served["permohonan_id"], "dokumen_id": served["dokumen_id"],
        "aksi": "terima_laporan", "layanan_id": served["layanan_id"],
        "persyaratan_id": served["persyaratan_id"], "pengaduan_id": kantor.pengaduan_id,
        "tiket_id": kantor.tiket_id, "keberatan_id": kantor.keberatan_id,
        "nama": "klip-yang-tidak-ada", "bahasa": "ban", "kunci": "bantuan", "kiriman_id": 1,
        "tanggal_iso": "2030-01-02",
        "staf_id": served["petugas_id"],
    }


# The upheld objection is the demo petugas's delivery; the pending one is to be decided.
VALUE_OVERRIDES = {"staf.keberatan_diantar": lambda k: {"keberatan_id":
                                                           k.keberatan_diterima_id},
                   # An integrity complaint: a service one does not exist on these pages.
                   "staf.integritas_tanggapi": lambda k: {"pengaduan_id":
                                                          k.pengaduan_integritas_id}}
QUERY = {"admin.laporan_csv": "?jenis=layanan"}
# What an allowed role gets from a GET other than the page itself, and why.
NOT_A_PAGE = {
    # Removing needs a recorded clip; the library holds only samples, which cannot be removed.
    "isyarat.hapus": 404,
    # Likewise: "delete this recording?" is asked only of a prompt the office recorded.
    "suara.hapus_rekaman": 404,
}


def _cases():
    from pwa import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE": ":memory:",
                      "UPLOAD_FOLDER": "/nonexistent", "NOTIFY_OUTBOX_FILE": "/nonexistent"})
    cases = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint):
        if rule.endpoint in EXPECTED:
            cases += [(rule.endpoint, m) for m in ("GET", "POST") if m in rule.methods]
    return cases


CASES = _cases()


def test_the_table_names_every_guarded_route_with_the_roles_its_view_allows(app):
    guarded = guarded_endpoints(app)
    assert set(guarded) == set(EXPECTED), (
        "add new staff routes to EXPECTED; remove routes that are gone")
    changed = {e: (sorted(guarded[e]), sorted(EXPECTED[e])) for e in EXPECTED
               if guarded[e] != EXPECTED[e]}
    assert not changed, f"who may open these changed (view, table): {changed}"


def test_every_staff_area_route_is_guarded(app):
    """A new /staf/ page that forgets role_required would be open to the world."""
    open_routes = [f"{r.endpoint} {r.rule}" for r in app.url_map.iter_rules()
                   if r.rule.startswith("/staf")
                   and r.endpoint not in PUBLIC_STAFF_ROUTES | FIRST_PASSWORD_ROUTES
                   and r.endpoint not in guarded_endpoints(app)]
    assert not open_routes


def _url(app, kantor, endpoint: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = dict(url_values(kantor), **VALUE_OVERRIDES.get(endpoint, lambda k: {})(kantor))
    with app.test_request_context():
        from flask import url_for
        return url_for(endpoint, **{a: values[a] for a in rule.arguments}) + QUERY.get(
            endpoint, "")


def _signed_in(app, role: str):
    client = app.test_client()
    r = client.post(SIGN_IN, data={"username": USER_FOR_ROLE[role],
                                   "password": "mentari-demo"})
    assert r.status_code == 302, f"demo sign-in as {role} failed"
    return client


@pytest.mark.parametrize("endpoint, method", CASES, ids=[f"{m} {e}" for e, m in CASES])
def test_route_answers_each_visitor_as_the_table_says(app, kantor, endpoint, method):
    url = _url(app, kantor, endpoint)
    wrong = []

    anonymous = app.test_client().open(url, method=method)
    if anonymous.status_code != 302 or not anonymous.location.startswith(SIGN_IN):
        wrong.append(f"anonymous got {anonymous.status_code} {anonymous.location}")

    allowed = EXPECTED[endpoint]
    # Refused roles first: they must change nothing, so the allowed ones meet the same data.
    for role in sorted(ROLES, key=lambda r: r in allowed):
        r = _signed_in(app, role).open(url, method=method)
        if role not in allowed:
            if r.status_code != 403:
                wrong.append(f"{role} got {r.status_code}, expected 403")
        elif method == "GET" and r.status_code != NOT_A_PAGE.get(endpoint, 200):
            wrong.append(f"{role} got {r.status_code}, expected the page (200)")
        elif r.status_code in (401, 403) or r.status_code >= 500 or (
                r.status_code == 302 and r.location.startswith(SIGN_IN)):
            wrong.append(f"{role} got {r.status_code} {r.location or ''}, expected to be let in")
    assert not wrong, f"{method} {url}: " + "; ".join(wrong)


# --- citizens: only their own requests -------------------------------------------------------

def _look_up(app, number: str, phone: str):
    """A fresh browser proving ownership on 'cek status' (number + last four phone digits)."""
    client = app.test_client()
    r = client.post("/status", data={"nomor": number,
                                     "telepon4": demo_requests.phone_digits(phone)})
    assert r.status_code == 302 and r.location.startswith("/permohonan/"), text_of(r)[:500]
    return client


def test_a_citizen_sees_only_the_request_they_looked_up(app, db, kantor):
    mine, theirs = kantor.permohonan["dilaporkan"], kantor.permohonan["dikembalikan"]
    client = _look_up(app, mine["nomor"], mine["telepon"])
    own = f"/permohonan/{mine['permohonan_id']}"
    assert client.get(own).status_code == 200
    assert client.get(f"{own}/dokumen/{mine['dokumen_id']}").status_code == 200
    assert client.get(f"{own}/nilai").status_code == 200

    other = theirs["permohonan_id"]
    before = request_store.get(db, other)
    for path in (f"/permohonan/{other}", f"/permohonan/{other}/nilai",
                 f"/permohonan/{other}/survei", f"/permohonan/{other}/terima-kasih",
                 f"/ajukan/selesai/{other}"):
        r = client.get(path)
        assert r.status_code == 303 and r.location.endswith("/status"), path
    # One answer for every page, file and action of a request not proven on this phone: sent
    # to Cek status, where the number and phone digits prove it. Nothing is shown or changed.
    refused = [
        client.get(f"/permohonan/{other}/dokumen/{theirs['dokumen_id']}"),
        client.post(f"/permohonan/{other}/perbaiki", data={}),
        client.post(f"/permohonan/{other}/keberatan", data={"alasan": "bukan milik saya"}),
        client.post(f"/permohonan/{other}/nilai", data={"skor": "1"}),
        client.post(f"/permohonan/{other}/lupakan"),
    ]
    assert all(r.status_code == 303 and r.location.endswith("/status") for r in refused)
    # My document under their address, or theirs under mine: not found.
    assert client.get(f"{own}/dokumen/{theirs['dokumen_id']}").status_code == 404
    after = request_store.get(db, other)
    assert after["status"] == before["status"] == "dikembalikan"
    assert objections.for_request(db, other) == []
    assert request_store.penilaian(db, other) is None


def test_wrong_phone_digits_grant_nothing(app, kantor):
    mine = kantor.permohonan["dilaporkan"]
    client = app.test_client()
    r = client.post("/status", data={"nomor": mine["nomor"], "telepon4": "0000"})
    assert r.status_code == 200
    assert "Nomor registrasi atau 4 angka HP tidak cocok" in text_of(r)
    assert client.get(f"/permohonan/{mine['permohonan_id']}").location.endswith("/status")


# --- officers: only their own assignments ----------------------------------------------------

def test_a_petugas_sees_only_their_own_assignments(app, db, kantor):
    assigned = kantor.permohonan["di_kantor"]  # assigned to "petugas", not "petugas2"
    pid = assigned["permohonan_id"]
    mine, other = app.test_client(), app.test_client()
    mine.post(SIGN_IN, data={"username": "petugas", "password": "mentari-demo"})
    other.post(SIGN_IN, data={"username": "petugas2", "password": "mentari-demo"})

    shown = nomor.grouped(assigned["nomor"])
    assert shown in text_of(mine.get("/staf/antrean"))
    queue = text_of(other.get("/staf/antrean"))
    assert shown not in queue and "Tidak ada pengantaran untuk Anda." in queue
    for path in (f"/staf/permohonan/{pid}", f"/staf/permohonan/{pid}/cetak",
                 f"/staf/dokumen/{assigned['dokumen_id']}"):
        assert mine.get(path).status_code == 200, path
        assert other.get(path).status_code == 403, path
    # A request no officer is assigned to yet is nobody's task.
    waiting = kantor.permohonan["diajukan"]["permohonan_id"]
    assert mine.get(f"/staf/permohonan/{waiting}").status_code == 403

    r = other.post(f"/staf/permohonan/{pid}/aksi/antar_pulang")
    assert r.status_code == 403 and request_store.get(db, pid)["status"] == "di_kantor"
    delivery = kantor.keberatan_diterima_id
    assert other.post(f"/staf/keberatan/{delivery}/diantar").status_code == 403
    assert objections.get(db, delivery)["status"] == objections.DITERIMA
    r = mine.post(f"/staf/permohonan/{pid}/aksi/antar_pulang", follow_redirects=True)
    assert "Status sekarang: Diantar pulang" in text_of(r)


# --- the workflow refuses steps out of turn ---------------------------------------------------

# The demo requests (label → state), and the only steps their state allows.
ALLOWED_NOW = {
    "diajukan": {"teruskan", "kembalikan"},
    "dikembalikan": set(),              # waiting for the citizen's fix
    "terlambat": {"paraf", "kembalikan_ke_verifikator"},  # diverifikasi
    "diparaf": {"setujui", "tolak"},
    "disetujui": {"jemput"},            # antar jemput: the pick-up comes first
    "di_kantor": {"antar_pulang"},
    "dilaporkan": {"paraf_laporan"},
    "laporan_diparaf": {"terima_laporan"},
    "selesai": set(),
    "ditolak": set(),
}
# The role that takes each step (demo username).
ACTOR = {
    "paraf": "kasubag_tu", "kembalikan_ke_verifikator": "kasubag_tu",
    "paraf_laporan": "kasubag_tu", "setujui": "kepala_kantor", "tolak": "kepala_kantor",
    "terima_laporan": "kepala_kantor", "jemput": "petugas", "tiba_di_kantor": "petugas",
    "antar_pulang": "petugas", "lapor": "petugas",
}
PICKUP = {"jemput", "tiba_di_kantor", "antar_pulang"}
WRONG_STATE = "Langkah ini tidak bisa dilakukan pada status permohonan sekarang."
WRONG_MODE = "Langkah ini tidak berlaku untuk jenis layanan ini."


def _snapshot(db, pid: int) -> tuple:
    p = request_store.get(db, pid)
    return (p["status"], p["petugas_id"], p["jadwal_petugas"],
            len(request_store.history(db, pid)), len(messages.inbox(db, pid)),
            request_store.report(db, pid), request_store.checks(db, pid))


@pytest.mark.parametrize("label", list(ALLOWED_NOW))
def test_steps_out_of_turn_are_refused_and_change_nothing(app, db, kantor, label):
    r = kantor.permohonan[label]
    pid = r["permohonan_id"]
    p = request_store.get(db, pid)
    petugas_sees_it = p["petugas_id"] is not None
    clients = {role: _signed_in(app, role) for role in set(ACTOR.values()) | {"verifikator"}}
    before = _snapshot(db, pid)
    refused = []
    for aksi, role in ACTOR.items():
        if aksi in ALLOWED_NOW[label] or (role == "petugas" and not petugas_sees_it):
            continue
        # Filled in as if meant: only the state (or the mode) may stop it.
        data = {f"{aksi}-catatan": "Catatan", f"{aksi}-hasil": "berhasil",
                f"{aksi}-petugas": str(p["petugas_id"] or 1), f"{aksi}-tanggal": "2030-01-07",
                f"{aksi}-jam": "10:00"}
        answer = clients[role].post(f"/staf/permohonan/{pid}/aksi/{aksi}", data=data)
        message = WRONG_MODE if aksi in PICKUP and p["mode"] != "antar_jemput" else WRONG_STATE
        if answer.status_code != 409 or message not in text_of(answer):
            refused.append(f"{aksi} by {role}: {answer.status_code}")
    if not ALLOWED_NOW[label] & {"teruskan", "kembalikan"}:
        answer = clients["verifikator"].post(f"/staf/permohonan/{pid}/periksa",
                                             data={"tombol": "teruskan"})
        if answer.status_code != 409 or WRONG_STATE not in text_of(answer):
            refused.append(f"check by verifikator: {answer.status_code}")
    assert not refused, f"{label} ({p['status']}) let these through: {refused}"
    assert _snapshot(db, pid) == before


def test_a_petugas_not_assigned_cannot_even_try_a_step(app, db, kantor):
    pid = kantor.permohonan["diparaf"]["permohonan_id"]  # nobody assigned yet
    client = _signed_in(app, "petugas")
    assert client.post(f"/staf/permohonan/{pid}/aksi/lapor",
                       data={"lapor-hasil": "berhasil"}).status_code == 403
    assert request_store.get(db, pid)["status"] == "diparaf"


def test_the_demo_office_has_each_state_the_refusal_table_covers(db, kantor):
    # The table above is keyed by demo label; it must name the state each one is really in.
    states = {label: request_store.get(db, r["permohonan_id"])["status"]
              for label, r in kantor.permohonan.items() if label in ALLOWED_NOW}
    assert states == {"diajukan": "diajukan", "dikembalikan": "dikembalikan",
                      "terlambat": "diverifikasi", "diparaf": "diparaf",
                      "disetujui": "disetujui", "di_kantor": "di_kantor",
                      "dilaporkan": "dilaporkan", "laporan_diparaf": "laporan_diparaf",
                      "selesai": "selesai", "ditolak": "ditolak"}
