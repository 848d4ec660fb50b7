"""Issue 18.6: the SMS that says when a consultation's room opens and how to enter it. One
message, queued with the approval and sent by the delivery worker as the room opens (the
approval's own SMS has no room left for a link to the room), with the room's address on
MENTARI_PUBLIC_URL, whatever Host the Kepala Kantor's request came with."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from pwa.domain.workflow import Aksi, Mode, Pelaku, Peran, Status
from pwa.services import aksi as actions
from pwa.services import pengiriman
from pwa.store import notifikasi as messages
from pwa.store import permohonan as requests

from ..factories import staff_id, submitted_request

WITA = ZoneInfo("Asia/Makassar")
BOOKED = "2027-01-06T10:30"          # a Wednesday, office time
OPENS_UTC = datetime(2027, 1, 6, 2, 20, tzinfo=timezone.utc)   # 10.20 WITA


class Phone:
    """The gateway as the citizen's phone sees it."""

    def __init__(self):
        self.received: list[tuple[str, str]] = []

    def send(self, to: str, text: str) -> None:
        self.received.append((to, text))


def approve(app, db, mode: Mode, bahasa: str = "id") -> dict:
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], slug="konsultasi", mode=mode)
    requests.update_fields(db, p["id"], {"status": Status.DIPARAF, "bahasa": bahasa})
    kepala = Pelaku(Peran.KEPALA_KANTOR, staff_id(db, "kepala"))
    actions.apply(db, requests.get(db, p["id"]), Aksi.SETUJUI, kepala, updates={
        "petugas_id": staff_id(db, "petugas"), "jadwal_petugas": BOOKED})
    return requests.get(db, p["id"])


def test_the_room_s_sms_comes_as_it_opens_with_its_address(app, db):
    app.config["PUBLIC_URL"] = "https://mentari.kemenag-karangasem.go.id"
    phone = Phone()
    with app.test_request_context("/", base_url="http://localhost:8000"):
        p = approve(app, db, Mode.KONSULTASI)
        before = OPENS_UTC - timedelta(minutes=1)
        pengiriman.deliver_due(db, phone, now=before)
        approval = [t for _to, t in phone.received]
        assert len(approval) == 1 and "konsultasi dengan" in approval[0]
        # Not yet on the request's page either: its time has not come.
        assert not any("ruang konsultasi" in m["isi"] for m in
                       messages.inbox(db, p["id"], before.isoformat(timespec="seconds")))

        pengiriman.deliver_due(db, phone, now=OPENS_UTC)
        assert len(phone.received) == 2
        to, reminder = phone.received[1]
        assert to == p["telepon"]
        assert "ruang konsultasi sudah buka, mulai 10.30" in reminder, reminder
        assert (f"https://mentari.kemenag-karangasem.go.id/konsultasi/{p['id']} "
                in reminder), reminder
        assert "localhost" not in reminder
        # Once: later rounds of the worker send nothing more.
        pengiriman.deliver_due(db, phone, now=OPENS_UTC + timedelta(hours=1))
        assert len(phone.received) == 2
        assert any(m["isi"] == reminder for m in messages.inbox(
            db, p["id"], OPENS_UTC.isoformat(timespec="seconds")))


def test_the_room_s_sms_is_in_the_citizen_s_language(app, db):
    phone = Phone()
    with app.test_request_context("/"):
        approve(app, db, Mode.KONSULTASI, bahasa="ban")
        pengiriman.deliver_due(db, phone, now=OPENS_UTC)
    assert "ruang konsultasi kabuka, kawit 10.30" in phone.received[-1][1], \
        phone.received


def test_other_modes_get_no_room_sms(app, db):
    phone = Phone()
    with app.test_request_context("/"):
        approve(app, db, Mode.LANGSUNG)
        pengiriman.deliver_due(db, phone, now=OPENS_UTC + timedelta(days=1))
    assert len(phone.received) == 1 and "konsultasi" not in phone.received[0][1]


def test_a_consultation_reported_before_its_room_opens_sends_no_room_sms(app, db):
    """The officer served the citizen early (she came to the office, or by telephone) and
    reported it: the room's SMS would call her to a consultation already held."""
    phone = Phone()
    with app.test_request_context("/"):
        p = approve(app, db, Mode.KONSULTASI)
        petugas = Pelaku(Peran.PETUGAS, staff_id(db, "petugas"))
        actions.apply(db, requests.get(db, p["id"]), Aksi.LAPOR, petugas)
        pengiriman.deliver_due(db, phone, now=OPENS_UTC + timedelta(hours=1))
        inbox = messages.inbox(db, p["id"], (OPENS_UTC + timedelta(hours=1)).isoformat())
    sent = [text for _to, text in phone.received]
    assert len(sent) == 2 and "konsultasi dengan" in sent[0], sent   # approval, then report
    assert not any("ruang konsultasi" in text for text in sent), sent
    assert not any("ruang konsultasi" in m["isi"] for m in inbox)
