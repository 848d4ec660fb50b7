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

from hassil import Intents, recognize
from hassil.sample import sample_intents

from ..words import DIGIT_FORMS, DIGITS, DIGITS_EXACT, source

COMMANDS = ("ulangi", "kembali", "batal", "bantuan", "lebih_pelan", "lebih_cepat", "cek_status",
            "ganti_pengguna")
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
# The longest number anyone is asked for: a NIK (16 digits). More is Whisper going round
# ("5, 2, 3, 4, 5, 2, 3, 4, …" for "lima enam tujuh delapan" in the development set).
MOST_DIGITS = 16
SURE = 0.82      # at or above: act on it
UNSURE = 0.62    # between: ask "apakah maksud Anda …?"; below: no intent
ASK = 0.8        # the most a match the recogniser doubts may have: asked about
# Answers the voice form always reads back and waits for a "ya" before using, however sure
# (pwa/static/js/voice-questions.js, number(): "Angka yang Anda sebutkan: 0 8 1 1. Benar?"),
# so a misheard one is asked about, never acted on.
READ_BACK = frozenset({"angka"})

# Digit words (speech/words.py, from the YAML): as said, as Whisper half-hears them, and those
# read only when said just so (never the nearest word of a fuzzy match).
_DIGIT_WORDS = DIGITS
_HEARD_AS = DIGIT_FORMS
_EXACT = DIGITS_EXACT


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
    return Intents.from_dict(source(lang))


def _languages(lang: str) -> tuple[str, ...]:
    return ("ban", "id") if lang == "ban" else ("id",)


@functools.cache
def _samples(lang: str, intent: str) -> tuple[tuple[str, tuple, tuple], ...]:
    """Every sentence the templates of one intent produce, with the slots each carries and the
    words that say them ("yang ke dua": nomor 2, said by "dua")."""
    found = []
    intents = _intents(lang)
    if intent not in intents.intents:
        return ()
    only = Intents(language=intents.language, intents={intent: intents.intents[intent]},
                   slot_lists=intents.slot_lists, expansion_rules=intents.expansion_rules,
                   skip_words=intents.skip_words)
    for _name, sentence in sample_intents(only, max_sentences_per_intent=400):
        result = recognize(sentence, only)
        entities = result.entities.values() if result else ()
        found.append((clean(sentence), tuple(sorted((e.name, e.value) for e in entities)),
                      tuple(clean(e.text) for e in entities)))
    return tuple(found)


# delapan as Whisper writes it: terlapan, sarapan, melapan, rapan, lapan, and (allowed only the digit
# words' pieces) dapan, napan, tapan.
_EIGHT = re.compile(r"^([dtgksm]?[aeiu]?r?[lr]|[dntk])apan$")


def _one_digit(word: str, cutoff: float = 0.72) -> str | None:
    if word.isdigit():
        return word
    if word in _DIGIT_WORDS:
        return _DIGIT_WORDS[word]
    if word in _HEARD_AS:
        return _HEARD_AS[word]
    if word in _EXACT:
        return _EXACT[word]
    if _EIGHT.match(word):
        return "8"
    if len(word) < 3:
        return None
    if sounds(word) in _DIGIT_SOUNDS:  # "diga" is tiga, "dudu" tujuh
        return _DIGIT_SOUNDS[sounds(word)]
    known = {**_DIGIT_WORDS, **_HEARD_AS}
    near = difflib.get_close_matches(word, known, n=1, cutoff=cutoff)
    return known[near[0]] if near else None


def _digit(word: str) -> str | None:
    """A spoken digit (or two run together: "nordua" is nol dua, "lapansat" delapan satu),
    also as Whisper half-hears it ("mpat" for empat, "terlapan" for delapan)."""
    if len(word) >= 5 and not word.isdigit():
        # Two digits heard exactly, run together, win over one digit heard roughly.
        for cut in range(2, len(word) - 1):
            left, right = _one_digit(word[:cut], 1.0), _one_digit(word[cut:], 1.0)
            if left and right:
                return left + right
    found = _one_digit(word)
    if found or len(word) < 5:
        return found
    for cut in range(2, len(word) - 1):
        left, right = _one_digit(word[:cut], 0.8), _one_digit(word[cut:], 0.8)
        if left and right:
            return left + right
    return None


def _digit_words(words: list[str]) -> list[tuple[str, str | None]]:
    """(words, digits) in order; a fragment Whisper split off joins the next word when the
    two make a digit ("de lapan", "di ga" for tiga, "tu du" for tujuh)."""
    out, n = [], 0
    while n < len(words):
        word = words[n]
        if (n + 1 < len(words) and len(word) <= 3 and not _one_digit(word, 1.0)
                and not _digit(words[n + 1])):
            joined = _one_digit(word + words[n + 1])
            if joined:
                out.append((f"{word} {words[n + 1]}", joined))
                n += 2
                continue
        out.append((word, _digit(word)))
        n += 1
    return out


def looping(words: list[str]) -> bool:
    """Whether one, two or three words come over and over (eight times for one word, five
    for more), as Whisper does when it is stuck. A real number repeats less: a random
    registration number may hold six 6s in a row, and that must still be heard."""
    for size in (1, 2, 3):
        times = 8 if size == 1 else 5
        for start in range(0, len(words) - size * times + 1):
            chunk = words[start:start + size]
            if all(words[start + k * size:start + (k + 1) * size] == chunk for k in range(times)):
                return True
    return False


def digits_in(text: str) -> str:
    """The digits said in `text`, however Whisper wrote them."""
    return "".join(d for _w, d in _digit_words(clean(text).split()) if d)


def match(text: str, lang: str = "id", context: str | None = None) -> Match:
    allowed = CONTEXTS.get(context, tuple({i for c in CONTEXTS.values() for i in c}))
    said = clean(text)
    if not said:
        return Match(None)
    if "angka" in allowed:
        if looping(said.split()):
            return Match(None)  # Whisper stuck ("tujuh satu, tujuh satu, …"), not a number
        read = _digit_words(said.split())
        digits = "".join(d for _w, d in read if d)
        # A number only when (nearly) everything said is a digit: one other word, or a few
        # short ones Whisper makes of unclear digits ("di kaya empat").
        others = [w for w, d in read if not d]
        if len(digits) > MOST_DIGITS:
            return Match(None)
        if digits and (len(others) <= 1 or (len(others) <= len(read) // 3
                                            and all(len(w) <= 4 for w in others))):
            return Match("angka", {"angka": digits}, 0.85 if others else 1.0)
    # "Ya. Ya." is Whisper repeating itself, not two answers.
    said = " ".join(w for n, w in enumerate(said.split()) if n == 0 or w != said.split()[n - 1])
    for code in _languages(lang):
        result = recognize(said, _intents(code))
        if result and result.intent.name in allowed:
            return Match(result.intent.name,
                         {k: e.value for k, e in result.entities.items()}, 1.0)
    best, meaning = Match(None), ()
    heard = sounds(said)
    for code in _languages(lang):
        for intent in allowed:
            for sentence, slots, slot_words in _samples(code, intent):
                score = _likeness(said, heard, sentence)
                if score > best.confidence:
                    best, meaning = Match(intent, dict(slots), round(score, 3)), slot_words
    # A sentence can be close while the word that carries its meaning was not said: "yang ke
    # dalam" is near "yang ke dua", but nothing in it says two. The match is then no surer than
    # its least-heard slot, though a close sentence is still worth asking about.
    if meaning:
        least = min(_heard_in(words, said.split()) for words in meaning)
        best.confidence = round(min(best.confidence, max(least, UNSURE)), 3)
    best = _with_meaning(best, said, lang, allowed)
    return best if best.confidence >= UNSURE else Match(None, {}, best.confidence)


def _with_meaning(close: Match, said: str, lang: str, allowed) -> Match:
    """The fuzzy match to a template sentence, or what the words mean (meaning.py) when that
    is surer. When the two disagree and both could be meant, the surer is only asked about."""
    from . import meaning
    meant = meaning.understand(said, lang, tuple(allowed))
    if meant is None:
        near = meaning.nearest(said, tuple(allowed))
        if near is None:
            return close
        found = Match(near.intent, near.slots, near.confidence)
        if close.intent is None or close.confidence < UNSURE or found.confidence > close.confidence:
            return found
        return close
    found = Match(meant.intent, meant.slots, meant.confidence)
    if close.intent is None or close.confidence < UNSURE:
        return found
    if (close.intent, close.slots) == (found.intent, found.slots):
        return found if found.confidence > close.confidence else close
    best = found if found.confidence >= close.confidence else close
    return Match(best.intent, best.slots, min(best.confidence, ASK))


def doubted(found: Match) -> Match:
    """The same meaning, to be asked about rather than acted on."""
    return Match(found.intent, found.slots, min(found.confidence, ASK))


def likeness(said: str, sentence: str) -> float:
    """How close a (clean) transcript is to a sentence, by letters or by sound."""
    return _likeness(said, sounds(said), sentence)


def _likeness(said: str, heard: str, sentence: str) -> float:
    """How close a transcript is to a sentence, by letters or (a little less) by sound."""
    return max(difflib.SequenceMatcher(None, said, sentence).ratio(),
               SOUND_WEIGHT * difflib.SequenceMatcher(None, heard, _sounds_of(sentence)).ratio())


def _heard_in(words: str, said: list[str]) -> float:
    """How well the words of one slot ("dua", "antar jemput") were said somewhere in the
    transcript. Windows one word shorter and longer allow Whisper's odd word breaks
    ("rekomen tasi" for rekomendasi)."""
    size = len(words.split())
    best = 0.0
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(max(1, len(said) - width + 1)):
            window = " ".join(said[start:start + width])
            best = max(best, _likeness(window, sounds(window), words))
    return best


# Sounds Whisper confuses in Indonesian speech, written alike: voiced and voiceless pairs,
# r and l, o and u, a silent h; word breaks it puts in odd places ("di mak" for tidak) go.
# A match on sounds alone counts a little less than one on letters.
SOUND_WEIGHT = 0.92
_DIGRAPHS = (("ng", "N"), ("ny", "Y"), ("sy", "s"), ("kh", "k"), ("oe", "u"), ("dj", "j"))
_SOUND_CLASS = str.maketrans({"b": "p", "d": "t", "g": "k", "q": "k", "c": "k", "z": "j",
                              "f": "p", "v": "p", "x": "s", "l": "r", "o": "u", "h": None,
                              " ": None})


def sounds(text: str) -> str:
    for pair, sound in _DIGRAPHS:
        text = text.replace(pair, sound)
    text = text.translate(_SOUND_CLASS)
    return re.sub(r"(.)\1+", r"\1", text)


@functools.cache
def _sounds_of(sentence: str) -> str:
    return sounds(sentence)


# Digit words by sound, for words Whisper writes with the wrong voicing ("diga", "dudu").
_DIGIT_SOUNDS = {sounds(w): d for w, d in {**_DIGIT_WORDS, **_HEARD_AS}.items() if len(w) >= 3}
