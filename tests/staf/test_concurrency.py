"""Two staff acting on the same request at the same moment: only the first action counts."""
import pytest

from pwa.services import aksi as actions
from pwa.store import permohonan as requests
from pwa.domain.workflow import Aksi, Pelaku, Peran, Status, TransisiDitolak

from tests.factories import staff_id, submitted_request


def test_second_action_on_a_request_that_already_moved_is_refused(app, db):
    with app.test_request_context():
        p = submitted_request(db, app.config["UPLOAD_FOLDER"])
        verifikator = Pelaku(Peran.VERIFIKATOR, staff_id(db, "verifikator"))
        # Both verifiers opened the request while it was `diajukan`: both hold this copy.
        seen_by_both = dict(p)
        actions.apply(db, seen_by_both, Aksi.TERUSKAN, verifikator)
        history_before = requests.history(db, p["id"])
        messages_before = db.execute("SELECT count(*) FROM pesan").fetchone()[0]

        with pytest.raises(TransisiDitolak) as refused:
            actions.apply(db, seen_by_both, Aksi.KEMBALIKAN, verifikator,
                          note="Foto KTP buram")

        assert refused.value.reason == "wrong_state"
        assert requests.get(db, p["id"])["status"] == Status.DIVERIFIKASI
        # Nothing of the refused action was written: no audit entry, no message to the citizen.
        assert requests.history(db, p["id"]) == history_before
        assert db.execute("SELECT count(*) FROM pesan").fetchone()[0] == messages_before
