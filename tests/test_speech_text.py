"""Speech without sound: the text an engine is given, and what a transcript asks for."""
import pytest

from speech import intents
from speech.normalise import normalise, number_words


@pytest.mark.parametrize("n, words", [
    (0, "nol"), (11, "sebelas"), (17, "tujuh belas"), (40, "empat puluh"),
    (100, "seratus"), (125, "seratus dua puluh lima"), (1000, "seribu"),
    (25000, "dua puluh lima ribu"), (2026, "dua ribu dua puluh enam"),
    (1_500_000, "satu juta lima ratus ribu"),
])
def test_numbers_in_indonesian(n, words):
    assert number_words(n) == words


def test_what_a_listener_must_write_down_is_read_digit_by_digit():
    said = normalise("Nomor registrasi Anda 2024 0000 0021.")
    assert said == ("Nomor registrasi Anda dua nol dua empat, nol nol nol nol, "
                    "nol nol dua satu.")


def test_money_times_dates_and_abbreviations():
    assert normalise("Biaya Rp 25.000.") == "Biaya dua puluh lima ribu rupiah."
    assert normalise("Datang pukul 09.30.") == "Datang pukul sembilan lewat tiga puluh."
    assert normalise("23 November 2026") == "dua puluh tiga November dua ribu dua puluh enam"
    assert normalise("Bawa KTP ke Jl. Raya No. 5") == "Bawa ka te pe ke jalan Raya nomor lima"
    assert normalise("IKM 87,5") == "i ka em delapan puluh tujuh koma lima"


@pytest.mark.parametrize("text, lang, context, intent, slots", [
    ("Ya.", "id", "yatidak", "ya", {}),
    ("iya betul", "id", "yatidak", "ya", {}),
    ("Tidak.", "id", "yatidak", "tidak", {}),
    ("Inggih", "ban", "yatidak", "ya", {}),
    ("nénten", "ban", "yatidak", "tidak", {}),
    ("Nomor tiga.", "id", "menu", "pilih_menu", {"nomor": 3}),
    ("telu", "ban", "menu", "pilih_menu", {"nomor": 3}),
    ("kutus", "ban", "menu", "pilih_menu", {"nomor": 8}),
    ("Saya mau legalisir ijazah", "id", "layanan", "pilih_layanan",
     {"layanan": "legalisir-ijazah"}),
    ("jemput bola", "id", "cara", "pilih_cara", {"cara": "jemput_bola"}),
    ("Bahasa Bali", "id", "bahasa", "pilih_bahasa", {"bahasa": "ban"}),
    ("dua nol dua empat", "id", "angka", "angka", {"angka": "2024"}),
    ("2024 0000 0021", "id", "angka", "angka", {"angka": "202400000021"}),
    ("Ulangi.", "id", "yatidak", "ulangi", {}),
    ("baosang malih", "ban", "menu", "ulangi", {}),
    ("lebih pelan", "id", "bebas", "lebih_pelan", {}),
    ("cek status", "id", "menu", "cek_status", {}),
])
def test_commands(text, lang, context, intent, slots):
    found = intents.match(text, lang, context)
    assert (found.intent, found.slots) == (intent, slots)
    assert found.sure


def test_a_near_miss_is_offered_not_acted_on_and_chatter_does_nothing():
    near = intents.match("ulangin", "id", "menu")
    assert near.intent == "ulangi" and near.confidence < 1
    for chatter in ("Cuaca hari ini sangat panas sekali di pantai",
                    "Saya suka makan nasi goreng pedas", "Anak saya sekolah di Amlapura"):
        for context in ("menu", "yatidak", "layanan"):
            assert intents.match(chatter, "id", context).intent is None, (chatter, context)


def test_an_answer_outside_the_question_is_not_taken():
    # "Nomor tiga" is no answer to a yes/no question.
    assert intents.match("Nomor tiga", "id", "yatidak").intent is None
