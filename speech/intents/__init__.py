"""What a transcript asks for: hassil sentence templates (speech/intents/id.yaml, ban.yaml)
matched exactly first, then fuzzily against every sentence the templates can produce, with a
confidence the page uses to act, to ask "apakah maksud Anda …?", or to do nothing.

Balinese speech reaches us as Whisper's Indonesian transcript, so a Balinese page matches the
Balinese templates and the Indonesian ones (people mix both). Numbers said as digits or words
are their own intent in the `angka` context (registration numbers, phone digits).
"""
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from hassil import Intents, recognize
from hassil.sample import sample_intents

HERE = Path(__file__).resolve().parent
COMMANDS = ("ulangi", "kembali", "batal", "bantuan", "lebih_pelan", "lebih_cepat", "cek_status")
CONTEXTS = {
    "menu": ("pilih_menu", "pilih_layanan", "pilih_cara") + COMMANDS,
    "bahasa": ("pilih_bahasa",) + COMMANDS,
    "layanan": ("pilih_layanan", "pilih_menu") + COMMANDS,
    "cara": ("pilih_cara", "pilih_menu") + COMMANDS,
    "yatidak": ("ya", "tidak") + COMMANDS,
    # The check-answers page: "ya" sends, a row's number changes that answer.
    "ringkasan": ("ya", "pilih_menu") + COMMANDS,
    "angka": ("angka",) + COMMANDS,
    "bebas": COMMANDS,
}
SURE = 0.82      # at or above: act on it
UNSURE = 0.62    # between: ask "apakah maksud Anda …?"; below: no intent

_DIGIT_WORDS = {"nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
                "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9",
                "besik": "1", "telu": "3", "papat": "4", "nem": "6", "pitu": "7",
                "kutus": "8", "sia": "9"}


@dataclass
class Match:
    intent: str | None
    slots: dict = field(default_factory=dict)
    confidence: float = 0.0

    @property
    def sure(self) -> bool:
        return self.intent is not None and self.confidence >= SURE


def clean(text: str) -> str:
    text = text.lower().replace("é", "e")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


@functools.cache
def _intents(lang: str) -> Intents:
    return Intents.from_dict(yaml.safe_load((HERE / f"{lang}.yaml").read_text("utf-8")))


def _languages(lang: str) -> tuple[str, ...]:
    return ("ban", "id") if lang == "ban" else ("id",)


@functools.cache
def _samples(lang: str, intent: str) -> tuple[tuple[str, tuple], ...]:
    """Every sentence the templates of one intent produce, with the slots each carries."""
    found = []
    intents = _intents(lang)
    if intent not in intents.intents:
        return ()
    only = Intents(language=intents.language, intents={intent: intents.intents[intent]},
                   slot_lists=intents.slot_lists, expansion_rules=intents.expansion_rules,
                   skip_words=intents.skip_words)
    for _name, sentence in sample_intents(only, max_sentences_per_intent=400):
        result = recognize(sentence, only)
        slots = tuple(sorted((k, e.value) for k, e in result.entities.items())) if result else ()
        found.append((clean(sentence), slots))
    return tuple(found)


# How Whisper writes digit words it half-hears: "nor" for nol, "terapan" for delapan.
_HEARD_AS = {"nor": "0", "no": "0", "tuju": "7", "tujuh": "7", "sebilan": "9"}
_EIGHT = re.compile(r"^[dtgk]?[aeiu]?r?[lr]apan$")  # delapan, terlapan, talapan, rapan, lapan


def _one_digit(word: str) -> str | None:
    if word.isdigit():
        return word
    if word in _DIGIT_WORDS:
        return _DIGIT_WORDS[word]
    if word in _HEARD_AS:
        return _HEARD_AS[word]
    if _EIGHT.match(word):
        return "8"
    near = difflib.get_close_matches(word, _DIGIT_WORDS, n=1, cutoff=0.72)
    return _DIGIT_WORDS[near[0]] if near else None


def _digit(word: str) -> str | None:
    """A spoken digit (or two run together: "nordua" is nol dua), also as Whisper half-hears
    it ("mpat" for empat, "terlapan" for delapan)."""
    found = _one_digit(word)
    if found or len(word) < 5:
        return found
    for cut in range(2, len(word) - 1):
        left, right = _one_digit(word[:cut]), _one_digit(word[cut:])
        if left and right and len(word[:cut]) >= 2 and len(word[cut:]) >= 3:
            return left + right
    return None


def _digits(text: str) -> str:
    return "".join(d for d in map(_digit, clean(text).split()) if d)


def match(text: str, lang: str = "id", context: str | None = None) -> Match:
    allowed = CONTEXTS.get(context, tuple({i for c in CONTEXTS.values() for i in c}))
    said = clean(text)
    if not said:
        return Match(None)
    if "angka" in allowed:
        digits = _digits(said)
        words = said.split()
        # A number only when (nearly) everything said is a digit.
        numeric = sum(1 for w in words if _digit(w))
        if digits and numeric >= max(1, len(words) - 1):
            return Match("angka", {"angka": digits}, 1.0 if numeric == len(words) else 0.85)
    # "Ya. Ya." is Whisper repeating itself, not two answers.
    said = " ".join(w for n, w in enumerate(said.split()) if n == 0 or w != said.split()[n - 1])
    for code in _languages(lang):
        result = recognize(said, _intents(code))
        if result and result.intent.name in allowed:
            return Match(result.intent.name,
                         {k: e.value for k, e in result.entities.items()}, 1.0)
    best = Match(None)
    for code in _languages(lang):
        for intent in allowed:
            for sentence, slots in _samples(code, intent):
                score = difflib.SequenceMatcher(None, said, sentence).ratio()
                if score > best.confidence:
                    best = Match(intent, dict(slots), round(score, 3))
    return best if best.confidence >= UNSURE else Match(None, {}, best.confidence)
