"""The respondent profile and the IKM per service (issue 17.10), computed exactly."""
from fractions import Fraction

from pwa.domain import skm


def _answer(score, layanan_id=None, **profile):
    return {**{k: score for k in skm.ELEMENT_KEYS}, "layanan_id": layanan_id, **profile}


def test_ikm_per_service_groups_the_answers_by_service():
    answers = [_answer(4, 1), _answer(4, 1), _answer(1, 2), _answer(3)]
    per = skm.ikm_per_layanan(answers)
    assert per[1].respondents == 2 and per[1].ikm == 100 and per[1].grade == "A"
    assert per[2].ikm == 25 and per[2].grade == "D"
    assert per[None].ikm == 75 and per[None].grade == "C"


def test_per_service_ikm_is_exact_not_rounded_early():
    # NRR 3.5 on every element: 87.5 exactly, a B (the A starts at 88.31).
    answers = [_answer(4, 5), _answer(3, 5)]
    assert skm.ikm_per_layanan(answers)[5].ikm == Fraction(175, 2)
    assert skm.ikm_per_layanan(answers)[5].grade == "B"


def test_profile_counts_each_answer_and_those_left_blank_in_the_offered_order():
    answers = [_answer(4, umur="60_ke_atas", jenis_kelamin="perempuan"),
               _answer(4, umur="60_ke_atas", jenis_kelamin="laki_laki", pekerjaan="pns"),
               _answer(4)]
    counted = skm.profile(answers)
    assert counted["umur"] == [("di_bawah_20", 0), ("20_29", 0), ("30_39", 0), ("40_49", 0),
                               ("50_59", 0), ("60_ke_atas", 2), (None, 1)]
    assert dict(counted["jenis_kelamin"]) == {"laki_laki": 1, "perempuan": 1, None: 1}
    assert dict(counted["pendidikan"])[None] == 3
    assert sum(n for _code, n in counted["pekerjaan"]) == 3


def test_the_lowest_elements_are_where_to_improve_first():
    scores = [4, 4, 2, 4, 4, 4, 4, 2, 3]
    result = skm.ikm([scores])
    assert skm.lowest_elements(result) == [3, 8]
    assert skm.lowest_elements(skm.ikm([])) == []
