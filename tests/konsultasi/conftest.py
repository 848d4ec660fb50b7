"""An approved consultation with its officer and time, and ways into its room as each side."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pwa.domain.workflow import Mode, Status
from pwa.store import permohonan as requests

from ..factories import staff_id, submitted_request


def office_now() -> datetime:
    return datetime.now(ZoneInfo("Asia/Makassar")).replace(tzinfo=None, second=0,
                                                           microsecond=0)


def approve(db, app, starts_in: timedelta = timedelta(minutes=5), **data) -> dict:
    """A consultation approved for the demo petugas, booked `starts_in` from now."""
    p = submitted_request(db, app.config["UPLOAD_FOLDER"], slug="konsultasi",
                          mode=Mode.KONSULTASI, **data)
    requests.update_fields(db, p["id"], {
        "status": Status.DISETUJUI, "petugas_id": staff_id(db, "petugas"),
        "jadwal_petugas": (office_now() + starts_in).isoformat(timespec="minutes")})
    return requests.get(db, p["id"])


@pytest.fixture
def konsultasi(db, app):
    """Open now: the booked time is five minutes ahead, inside the ten-minute opening."""
    return approve(db, app)


def as_citizen(client, permohonan_id: int) -> None:
    """This browser proved the request (as /status does)."""
    with client.session_transaction() as s:
        s["milik"] = [permohonan_id]
        s.pop("staf_session", None)


@pytest.fixture
def citizen(app, konsultasi):
    c = app.test_client()
    as_citizen(c, konsultasi["id"])
    return c


@pytest.fixture
def officer(app):
    c = app.test_client()
    assert c.post("/staf/masuk", data={"username": "petugas",
                                       "password": "mentari-demo"}).status_code == 302
    return c
