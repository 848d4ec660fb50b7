"""The IKM arithmetic of Permen PANRB 14/2017, checked against examples worked by hand."""
from datetime import date
from fractions import Fraction

import pytest

from pwa.domain import skm as survey, skm_periode

# Four respondents, nine elements each (worked by hand below).
FOUR = [
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (4, 3, 4, 4, 3, 4, 4, 3, 4),
    (3, 3, 4, 4, 3, 3, 4, 3, 3),
    (3, 2, 4, 4, 3, 3, 4, 3, 3),
]


def test_nrr_per_element_and_ikm_match_the_hand_calculation():
    result = survey.ikm(FOUR)
    # Column sums 14, 12, 16, 16, 13, 14, 16, 13, 14, each divided by 4 respondents.
    assert result.respondents == 4
    assert result.nrr == (Fraction(7, 2), Fraction(3), Fraction(4), Fraction(4), Fraction(13, 4),
                          Fraction(7, 2), Fraction(4), Fraction(13, 4), Fraction(7, 2))
    # Σ NRR = 32; IKM = 32 × 1/9 × 25 = 800/9 = 88.888…
    assert result.ikm == Fraction(800, 9)
    assert survey.display(result.ikm) == "88.89"
    assert result.grade == "A"


def test_rounding_the_weight_early_shows_a_different_value():
    exact = survey.ikm(FOUR)
    early = sum(exact.nrr) * Fraction("0.111") * 25  # the peer app's shortcut
    assert survey.display(early) == "88.80"
    assert survey.display(early) != survey.display(exact.ikm)


def test_rounding_the_weight_early_can_even_lose_the_grade():
    # 3 respondents all 4, one all 3, one with six 3s and three 2s: 159 points over 5 people.
    answers = [(4,) * 9] * 3 + [(3,) * 9] + [(3, 3, 3, 3, 3, 3, 2, 2, 2)]
    exact = survey.ikm(answers)
    assert exact.ikm == Fraction(159, 5) / 9 * 25  # 88.333…
    assert survey.display(exact.ikm) == "88.33" and exact.grade == "A"
    early = sum(exact.nrr) * Fraction("0.111") * 25  # 88.245
    assert survey.grade_for(early) == "B"


@pytest.mark.parametrize("value, grade", [
    ("100", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
    ("65.00", "C"), ("64.99", "D"), ("25", "D"),
])
def test_grade_boundaries(value, grade):
    assert survey.grade_for(Fraction(value)) == grade


def test_answers_as_stored_rows_give_the_same_result():
    rows = [dict(zip(survey.ELEMENT_KEYS, a)) for a in FOUR]
    assert survey.ikm(rows) == survey.ikm(FOUR)


def test_nobody_answered_means_no_index_rather_than_zero():
    result = survey.ikm([])
    assert result.respondents == 0 and result.ikm is None and result.grade is None
    assert survey.display(result.ikm) == "–"


@pytest.mark.parametrize("bad", [(0,) + (4,) * 8, (5,) + (4,) * 8, (4,) * 8])
def test_scores_outside_one_to_four_are_refused(bad):
    with pytest.raises(ValueError):
        survey.ikm([bad])


@pytest.mark.parametrize("text, start, end", [
    ("2026-11", date(2026, 11, 1), date(2026, 12, 1)),
    ("2026-12", date(2026, 12, 1), date(2027, 1, 1)),
    ("2026-Q4", date(2026, 10, 1), date(2027, 1, 1)),
    ("2026-Q1", date(2026, 1, 1), date(2026, 4, 1)),
    ("2026", date(2026, 1, 1), date(2027, 1, 1)),
])
def test_period_strings_round_trip_and_cover_whole_months(text, start, end):
    periode = skm_periode.parse(text)
    assert str(periode) == text
    assert periode.bounds() == (start, end)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-Q5", "26-11", "2026-11-01", ""])
def test_malformed_periods_are_refused(text):
    with pytest.raises(ValueError):
        skm_periode.parse(text)


def test_neighbouring_periods_cross_year_ends():
    assert str(skm_periode.parse("2026-01").shift(-1)) == "2025-12"
    assert str(skm_periode.parse("2026-Q4").shift(1)) == "2027-Q1"
    assert str(skm_periode.parse("2026").shift(-1)) == "2025"
    assert str(skm_periode.containing(skm_periode.TRIWULAN, date(2026, 11, 5))) == "2026-Q4"
