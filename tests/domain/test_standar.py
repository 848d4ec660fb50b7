"""The published standard's procedure is the workflow's (issue 17.8), and the complaint rules say
who handles what and when (issue 17.9)."""
import pytest

from pwa.bahasa import labels
from pwa.domain import pengaduan as rules, standar
from pwa.domain.workflow import Aksi, TRANSITIONS, Mode, Pelaku, Peran, Status, decide

OFFICER = 7


@pytest.mark.parametrize("mode", list(Mode))
def test_the_published_procedure_walks_the_workflow_to_the_end(mode):
    """Every action the page's steps name, taken in the page's order by the role the workflow
    gives it, is allowed and ends the request as finished: the page cannot promise a path the
    app does not have."""
    status = Status.DIAJUKAN
    for _code, actions in standar.prosedur(mode):
        for aksi in actions:
            if aksi is Aksi.AJUKAN:
                continue  # the citizen's submission makes the request (state diajukan)
            status = decide(aksi, Pelaku(TRANSITIONS[aksi].peran, OFFICER), status, mode,
                            petugas_id=OFFICER, note="catatan")
    assert status is Status.SELESAI


def test_every_step_of_every_mode_has_words():
    codes = {code for mode in Mode for code, _a in standar.prosedur(mode)}
    assert codes <= set(labels.PROSEDUR)


def test_the_page_lists_shared_steps_once_and_each_offered_mode_in_the_app_order():
    before, per_mode, after = standar.prosedur_ringkas({"langsung": {}, "jemput_bola": {}})
    assert before == ["ajukan", "verifikasi", "paraf", "setujui"]
    assert per_mode == [(Mode.JEMPUT_BOLA, ["kunjungan"]), (Mode.LANGSUNG, ["datang"])]
    assert after == ["lapor", "nilai"]


def test_services_are_free():
    assert standar.BIAYA == 0


# --- who handles a complaint ------------------------------------------------------------------

@pytest.mark.parametrize("jenis", sorted(rules.INTEGRITAS))
def test_integrity_complaints_go_to_the_head_and_the_team_and_never_the_admin(jenis):
    assert rules.handlers(jenis) == {Peran.KEPALA_KANTOR, Peran.TIM_INTEGRITAS}
    assert jenis not in rules.kinds_handled_by(Peran.ADMIN)
    assert jenis in rules.kinds_handled_by(Peran.TIM_INTEGRITAS)


def test_service_complaints_are_the_admins():
    assert rules.handlers(rules.LAYANAN) == {Peran.ADMIN}
    assert rules.kinds_handled_by(Peran.KEPALA_KANTOR) == (rules.PUNGLI, rules.GRATIFIKASI,
                                                          rules.PERILAKU)
    assert rules.kinds_handled_by(Peran.PETUGAS) == ()


def _complaint(jenis=rules.PUNGLI, status=rules.BARU):
    return {"jenis": jenis, "status": status}


@pytest.mark.parametrize("peran, item, status, reason", [
    (Peran.ADMIN, _complaint(), rules.SELESAI, "wrong_role"),
    (Peran.PETUGAS, _complaint(rules.LAYANAN), rules.SELESAI, "wrong_role"),
    (Peran.KEPALA_KANTOR, _complaint(status=rules.SELESAI), rules.SELESAI, "finished"),
    (Peran.KEPALA_KANTOR, _complaint(), rules.BARU, "wrong_state"),
])
def test_an_answer_is_refused_to_the_wrong_role_or_state(peran, item, status, reason):
    with pytest.raises(rules.PengaduanDitolak) as refused:
        rules.check_respond(peran, item, status)
    assert refused.value.reason == reason


def test_an_answer_by_a_handler_to_an_open_complaint_is_allowed():
    rules.check_respond(Peran.TIM_INTEGRITAS, _complaint(status=rules.DITINDAKLANJUTI),
                        rules.SELESAI)


@pytest.mark.parametrize("peran, item, jenis, reason", [
    (Peran.KEPALA_KANTOR, _complaint(rules.LAYANAN), rules.PUNGLI, "wrong_role"),
    (Peran.ADMIN, _complaint(rules.GRATIFIKASI), rules.PUNGLI, "already_integrity"),
    (Peran.ADMIN, _complaint(rules.LAYANAN, rules.SELESAI), rules.PUNGLI, "finished"),
    (Peran.ADMIN, _complaint(rules.LAYANAN), rules.LAYANAN, "wrong_kind"),
])
def test_handing_on_goes_one_way_from_the_admin_to_the_integrity_team(peran, item, jenis,
                                                                      reason):
    with pytest.raises(rules.PengaduanDitolak) as refused:
        rules.check_reroute(peran, item, jenis)
    assert refused.value.reason == reason


def test_the_complainant_adds_information_until_it_is_finished():
    rules.check_add_info(_complaint(status=rules.DITINDAKLANJUTI))
    with pytest.raises(rules.PengaduanDitolak):
        rules.check_add_info(_complaint(status=rules.SELESAI))


@pytest.mark.parametrize("status, last_by, needed", [
    (rules.BARU, None, True),
    (rules.DITINDAKLANJUTI, rules.OLEH_KANTOR, False),
    (rules.DITINDAKLANJUTI, rules.OLEH_PENGADU, True),   # the reporter answered the question
    (rules.SELESAI, rules.OLEH_PENGADU, False),
])
def test_what_needs_a_handler(status, last_by, needed):
    assert rules.needs_attention(_complaint(status=status), last_by) is needed
