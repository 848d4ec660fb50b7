"""The complainant who left a phone is told of each follow-up (issue 17.9): one SMS when the
complaint arrives (with its number), one at each answer, one when it is handed to the integrity
team; never to an anonymous or email-only complainant; every message one SMS in both languages."""
import json
import re

import pytest

from pwa.domain import nomor, pengaduan as rules
from pwa.gateway import senders
from pwa.services import pengaduan as service, pengiriman, pesan_pengaduan
from pwa.store import notifikasi, pengaduan as complaints

from tests.pages import text_of

COMPLAINT = "Tidak ada kursi tunggu untuk lansia di loket PTSP."
ANSWER = "Sepuluh kursi prioritas sudah dipasang di depan loket PTSP."
# GSM 03.38's basic set: one character each. Anything else makes the gateway send UCS-2, where a
# single SMS holds only 70 characters.
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
           "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
# The longest public address an office may configure (MENTARI_PUBLIC_URL with /status must fit
# 50 characters: 43), and the longest number, in groups.
LONGEST_URL = "https://mentari.kemenag-karangasem.go.id/ab"
EVENTS = (pesan_pengaduan.DITERIMA, rules.DITINDAKLANJUTI, rules.SELESAI, rules.ALIHKAN)
FIGURES: dict = {}


def _file(client, **data) -> str:
    r = client.post("/pengaduan", data={"jenis": "layanan", "uraian": COMPLAINT, **data})
    assert r.status_code == 302, text_of(r)[:500]
    page = text_of(client.get(r.location))
    return nomor.normalise(re.search(r"(\d{4} \d{4} \d{4})", page).group(1))


def _messages(db, number: str) -> list[dict]:
    return notifikasi.for_pengaduan(db, complaints.by_nomor(db, number)["id"])


def test_a_complainant_with_a_phone_is_texted_on_filing_and_at_each_follow_up(app, client, db):
    number = _file(client, nama="I Ketut Arsa", kontak="+62 812-9876-5432")
    pid = complaints.by_nomor(db, number)["id"]
    with app.test_request_context():
        service.respond(db, pid, tindak_lanjut="Kami periksa minggu ini.",
                        status="ditindaklanjuti", peran="admin", staf_id=None)
        service.respond(db, pid, tindak_lanjut=ANSWER, status="selesai", peran="admin",
                        staf_id=None)
    sent = _messages(db, number)
    assert len(sent) == 3
    link = app.config["PUBLIC_URL"] + "/pengaduan/cek"
    for message, says in zip(sent, ("kami terima", "sudah ditanggapi", "selesai")):
        assert nomor.grouped(number) in message["isi"] and link in message["isi"]
        assert says in message["isi"]
        # Never what was complained about or answered: anyone holding the phone reads an SMS.
        assert COMPLAINT not in message["isi"] and ANSWER not in message["isi"]
        assert message["status"] == "antri"
    assert pengiriman.deliver_due(db, senders.FileSender(app.config["NOTIFY_OUTBOX_FILE"])) == (
        3, 0)
    with open(app.config["NOTIFY_OUTBOX_FILE"], encoding="utf-8") as f:
        delivered = [json.loads(line) for line in f]
    assert [d["to"] for d in delivered] == ["••••••••5432"] * 3


@pytest.mark.parametrize("data", [
    {"anonim": "y", "kontak": "0812 9876 5432"},   # anonymous: the phone is not even kept
    {"kontak": "arsa@contoh.id"},                 # an email: read on /pengaduan/cek
    {},
])
def test_nobody_else_is_texted(client, db, data):
    assert _messages(db, _file(client, **data)) == []


def test_handing_on_to_the_integrity_team_is_texted(app, client, db):
    number = _file(client, kontak="081298765432")
    with app.test_request_context():
        service.reroute(db, complaints.by_nomor(db, number)["id"], jenis="perilaku",
                        peran="admin", staf_id=None)
    assert "diteruskan kepada Kepala Kantor dan tim integritas" in _messages(db, number)[-1]["isi"]


def test_a_complaint_filed_in_basa_bali_is_texted_in_basa_bali(client, db):
    client.set_cookie("bahasa", "ban")
    number = _file(client, kontak="081298765432")
    assert "sampun katampi" in _messages(db, number)[0]["isi"]
    assert complaints.by_nomor(db, number)["bahasa"] == "ban"


def test_integrity_messages_stay_out_of_the_admins_outbox(client, db, login):
    service_number = _file(client, kontak="081298765432")
    integrity_number = _file(client, jenis="pungli", kontak="081377771234")
    login("admin")
    outbox = text_of(client.get("/staf/admin/notifikasi"))
    assert f"Pengaduan {nomor.grouped(service_number)}" in outbox
    assert nomor.grouped(integrity_number) not in outbox
    # Its handlers see what became of it, on the complaint's own page.
    login("kepala_kantor")
    pid = complaints.by_nomor(db, integrity_number)["id"]
    page = text_of(client.get(f"/staf/integritas/{pid}"))
    assert "SMS kepada pengadu" in page and "Menunggu dikirim" in page


@pytest.mark.parametrize("bahasa", ["id", "ban"])
@pytest.mark.parametrize("event", EVENTS)
def test_every_complaint_message_is_one_sms(app, bahasa, event):
    app.config["PUBLIC_URL"] = LONGEST_URL
    assert len(LONGEST_URL) == 43
    with app.test_request_context():
        text = pesan_pengaduan.message({"nomor": "999999999999", "bahasa": bahasa}, event)
    assert set(text) <= GSM7, f"not GSM-7: {sorted(set(text) - GSM7)}"
    assert len(text) <= 160, f"{len(text)} characters: {text}"
    FIGURES[(bahasa, event)] = len(text)


def test_print_the_longest_message_per_language():
    """Not an assertion: the figures the note reports (run with -s to see them)."""
    for bahasa in ("id", "ban"):
        lengths = {e: n for (b, e), n in FIGURES.items() if b == bahasa}
        if lengths:
            longest = max(lengths, key=lengths.get)
            print(f"\ncomplaint SMS, {bahasa}: longest {lengths[longest]} characters ({longest})")
