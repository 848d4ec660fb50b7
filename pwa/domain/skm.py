"""SKM/IKM arithmetic (Permen PANRB 14/2017). Pure Python.

NRR per element = sum of scores / respondents; IKM = Σ(NRR × 1/9) × 25. Computed with exact
fractions and rounded only for display: rounding the weight to 0.111 early loses about a point.

The questionnaire of the regulation also asks who answered (the respondent profile: age, sex,
education, main occupation) and which service they received; the report counts the profile and
gives the IKM per service as well as for the whole office (issue 17.10).
"""
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

ELEMENTS = 9
ELEMENT_KEYS = tuple(f"u{i}" for i in range(1, ELEMENTS + 1))

# Lower bounds of the grades on the 25–100 scale (converted IKM), highest first.
GRADES = (
    (Fraction("88.31"), "A"),
    (Fraction("76.61"), "B"),
    (Fraction("65.00"), "C"),
    (Fraction("25.00"), "D"),
)

# The respondent profile: each question's answer codes, in the order they are offered. The
# regulation's sample form asks the age in years; bands answer the same need without a number
# that, with the other answers, could single a person out in a small office. The last band is
# the lansia threshold (UU 13/1998), a group MENTARI serves first.
UMUR = ("di_bawah_20", "20_29", "30_39", "40_49", "50_59", "60_ke_atas")
JENIS_KELAMIN = ("laki_laki", "perempuan")
PENDIDIKAN = ("sd", "smp", "sma", "diploma", "s1", "s2")
PEKERJAAN = ("pns", "tni", "polri", "swasta", "wirausaha", "lainnya")
PROFIL = {"umur": UMUR, "jenis_kelamin": JENIS_KELAMIN, "pendidikan": PENDIDIKAN,
          "pekerjaan": PEKERJAAN}


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    nrr: tuple            # Fraction per element
    ikm: Fraction | None  # None when nobody answered

    @property
    def grade(self) -> str | None:
        return grade_for(self.ikm) if self.ikm is not None else None


def grade_for(ikm: Fraction) -> str:
    # Compare the value as displayed (two decimals), so 88.305 shown as 88.31 is an A, matching
    # the table's published boundaries.
    shown = round(Fraction(ikm), 2)
    for lower, grade in GRADES:
        if shown >= lower:
            return grade
    return "D"


def ikm(answers: list) -> IkmResult:
    """answers: sequences of nine scores (1–4) or mappings with keys u1..u9."""
    count = len(answers)
    if count == 0:
        return IkmResult(0, tuple(None for _ in range(ELEMENTS)), None)
    sums = [0] * ELEMENTS
    for a in answers:
        scores = [a[k] for k in ELEMENT_KEYS] if isinstance(a, dict) else list(a)
        if len(scores) != ELEMENTS or any(s not in (1, 2, 3, 4) for s in scores):
            raise ValueError("each answer needs nine scores from 1 to 4")
        for i, s in enumerate(scores):
            sums[i] += s
    nrr = tuple(Fraction(s, count) for s in sums)
    index = sum(n * Fraction(1, ELEMENTS) for n in nrr) * 25
    return IkmResult(count, nrr, index)


def ikm_per_layanan(answers: list[dict]) -> dict:
    """{layanan_id (None: not said): IkmResult} of answers carrying a `layanan_id`."""
    groups: dict = {}
    for a in answers:
        groups.setdefault(a.get("layanan_id"), []).append(a)
    return {layanan_id: ikm(group) for layanan_id, group in groups.items()}


def profile(answers: list[dict]) -> dict:
    """{question: [(code, count), ...] in the offered order, plus (None, count) of those who
    left it blank} for each profile question."""
    out = {}
    for question, codes in PROFIL.items():
        counted = Counter(a.get(question) for a in answers)
        blank = len(answers) - sum(counted[c] for c in codes)
        out[question] = [(code, counted[code]) for code in codes] + [(None, blank)]
    return out


def lowest_elements(result: IkmResult) -> list[int]:
    """The element numbers (1–9) with the lowest NRR: where the office should improve first."""
    if result.ikm is None:
        return []
    lowest = min(result.nrr)
    return [i for i, n in enumerate(result.nrr, start=1) if n == lowest]


def display(value: Fraction | None, places: int = 2) -> str:
    if value is None:
        return "–"
    return f"{float(round(value, places)):.{places}f}"
