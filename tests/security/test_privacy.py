"""Nothing personal (NIK, phone, address) reaches logs or the local outbox."""
import logging

from tests.flows import deliver_notifications, submit_request

NIK = "5107014501700001"
PHONE_DIGITS = "081234567890"
ADDRESS = "Jl. Untung Surapati 5, Banjar Kaler"


def test_a_request_from_submission_to_status_leaves_no_personal_data_in_logs(
        app, client, db, caplog, capsys):
    caplog.set_level(logging.DEBUG)  # every logger, every level
    _pid, number = submit_request(client, db, "legalisir-ijazah", "jemput_bola", nik=NIK)
    client.post("/status", data={"nomor": number, "telepon4": PHONE_DIGITS[-4:]})
    client.post("/status", data={"nomor": number, "telepon4": "0000"})  # a failed lookup too

    logged = caplog.text + capsys.readouterr().out + capsys.readouterr().err
    assert NIK not in logged
    assert PHONE_DIGITS not in logged.replace(" ", "")
    assert ADDRESS not in logged
    deliver_notifications(app)
    with open(app.config["NOTIFY_OUTBOX_FILE"], encoding="utf-8") as outbox:
        written = outbox.read()
    assert written, "the submission wrote no notification at all"
    assert NIK not in written and ADDRESS not in written
    assert PHONE_DIGITS not in written.replace(" ", "")
