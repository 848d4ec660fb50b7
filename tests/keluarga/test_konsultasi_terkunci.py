"""The consultation room on a family phone (issues 18 and 19 together): a room is a request's
page like any other, so a member locked behind her PIN keeps it closed to whoever holds the
phone next, reading and writing alike, until she types her PIN."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pwa.domain.workflow import Mode, Status
from pwa.store import konsultasi as rooms, permohonan as requests

from ..factories import staff_id, submitted_request


def _room_for(db, app) -> dict:
    """An approved consultation, open now (booked five minutes ahead)."""
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], slug="konsultasi",
                          mode=Mode.KONSULTASI, telepon="081200003333")
    now = datetime.now(ZoneInfo("Asia/Makassar")).replace(tzinfo=None, second=0, microsecond=0)
    requests.update_fields(db, p["id"], {
        "status": Status.DISETUJUI, "petugas_id": staff_id(db, "petugas"),
        "jadwal_petugas": (now + timedelta(minutes=5)).isoformat(timespec="minutes")})
    return p


def test_a_locked_members_room_is_closed_to_the_next_person_on_the_phone(app, client, db):
    p = _room_for(db, app)
    assert client.post("/anggota/baru", data={"nama": "Nenek", "pin": "2580"}).status_code == 302
    r = client.post("/status", data={"nomor": p["nomor"], "telepon4": p["telepon"][-4:]})
    assert r.status_code == 302
    assert client.get(f"/konsultasi/{p['id']}").status_code == 200   # hers, unlocked
    assert client.post("/anggota/baru", data={"nama": "Made", "pin": ""}).status_code == 302
    made = db.execute("SELECT kode FROM anggota WHERE nama = 'Made'").fetchone()[0]
    nenek = db.execute("SELECT kode FROM anggota WHERE nama = 'Nenek'").fetchone()[0]
    client.post("/anggota/pilih", data={"kode": made})

    # Made holds the phone: her room neither shows nor takes a message in her name.
    assert client.get(f"/konsultasi/{p['id']}").status_code == 404
    assert client.get(f"/konsultasi/{p['id']}/pesan").status_code == 404
    sent = client.post(f"/konsultasi/{p['id']}/kirim", data={"isi": "Halo dari Made"})
    assert sent.status_code == 404
    assert not [m for m in rooms.messages(db, p["id"]) if "Made" in (m["isi"] or "")]

    client.post("/anggota/pilih", data={"kode": nenek})
    client.post(f"/anggota/{nenek}/buka", data={"pin": "2580"})
    assert client.get(f"/konsultasi/{p['id']}").status_code == 200
