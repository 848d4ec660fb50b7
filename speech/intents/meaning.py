"""Understanding by meaning, after the templates: what a transcript asks for when no hassil
template matches it, from the words that carry each intent or slot value (the `meaning:`
sections of id.yaml and ban.yaml, and every template's own words), found anywhere in what was
said, in any order, among fillers and politeness ("eh, tolong jemput saya ke kantor nggih").

Keyword spotting comes first, then (when no cue is found) the nearest known phrase by its
letters (`nearest`, a bag of three-letter pieces: what a sentence embedding gives, without a
model). Measured on the tuning part's Whisper transcripts (docs/voice-accuracy.md): templates
alone 118 of 174 commands right, keywords 129, nearest phrase alone 132, both 135, each with
the same 6 wrong actions (all digit strings, read back before use) and no false accept. No
sentence-embedding model for Indonesian and Balinese ships in a wheel here, and a classifier
trained on generated paraphrases learns the generator; a cue list is read, corrected and
extended by the office in the YAML.

A sentence is understood only when the lists can explain most of its words: out-of-domain
speech shares a cue now and then ("hari ini ada odalan di pura" names a temple), but its other
words are nothing MENTARI's questions are about. Confidence follows:

- every word a cue or neutral: 0.9, acted on;
- one word unexplained beside two or more cue words: 0.84, acted on;
- no more unexplained words than cue words, or two meanings named: 0.7, asked about;
- otherwise nothing.
"""
import difflib
import functools
import math
from collections import Counter
from dataclasses import dataclass

from ..words import DIGITS, source

SURE_ALL = 0.9       # every word explained
SURE_BUT_ONE = 0.84  # one word unexplained beside the cues
ASK_ONLY = 0.7       # asked "apakah maksud Anda …?"
_SUFFIXES = ("nya", "lah", "kah", "pun")
_ORDINALS = {"pertama": 1}
_MENU_NUMBERS = range(1, 11)


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    intent: str
    slots: tuple = ()


def _plain(text: str) -> tuple[str, ...]:
    from . import clean
    return tuple(clean(text).split())


@functools.cache
def neutral() -> frozenset[str]:
    return frozenset(w for code in ("id", "ban")
                     for w in source(code).get("meaning", {}).get("neutral", ()))


def _number_cues() -> list[Cue]:
    cues = []
    for word, digit in DIGITS.items():
        n = int(digit)
        if n in _MENU_NUMBERS:
            cues.append(Cue((word,), "pilih_menu", (("nomor", n),)))
            cues.append(Cue(("ke" + word,), "pilih_menu", (("nomor", n),)))
    for word, n in {**_ORDINALS, "sepuluh": 10, "kesepuluh": 10, "dasa": 10, "kalih": 2,
                    "telu": 3, "papat": 4}.items():
        cues.append(Cue((word,), "pilih_menu", (("nomor", n),)))
    return cues


@functools.cache
def cues() -> tuple[Cue, ...]:
    """Every cue: the YAML's meaning lists, each template sentence of an intent without
    slots, and the words of each slot value in the templates. Both languages' on every page:
    people mix them, and Whisper writes Balinese speech as Indonesian-looking words."""
    from . import _samples
    found = set()
    slot_intents = {"cara": "pilih_cara", "layanan": "pilih_layanan", "bahasa": "pilih_bahasa"}
    for code in ("id", "ban"):
        meaning = source(code).get("meaning", {})
        for intent, said in meaning.get("intents", {}).items():
            found.update(Cue(_plain(s), intent) for s in said)
        for slot, values in meaning.get("slots", {}).items():
            for value, said in values.items():
                found.update(Cue(_plain(s), slot_intents[slot], ((slot, value),))
                             for s in said)
        for intent in source(code).get("intents", {}):
            if intent == "pilih_menu":
                continue
            for sentence, slots, slot_words in _samples(code, intent):
                if slots:
                    found.update(Cue(_plain(w), intent, slots) for w in slot_words)
                else:
                    found.add(Cue(_plain(sentence), intent))
    found.update(_number_cues())
    return tuple(sorted((c for c in found if c.words), key=lambda c: -len(c.words)))


def _sounds(word: str) -> str:
    from . import sounds
    return sounds(word)


@functools.lru_cache(maxsize=20000)
def _same(said: str, cue: str) -> bool:
    """A transcript word that is the cue word, as said or as Whisper half-writes it."""
    if said == cue:
        return True
    for suffix in _SUFFIXES:
        if said.endswith(suffix) and said[:-len(suffix)] == cue:
            return True
    if len(cue) >= 3 and len(said) >= 3 and _sounds(said) == _sounds(cue):
        return True
    return (len(cue) >= 6 and len(said) >= 5
            and difflib.SequenceMatcher(None, said, cue).ratio() >= 0.85)


def _is_neutral(word: str, quiet: frozenset[str]) -> bool:
    if word in quiet:
        return True
    return any(word.endswith(s) and word[:-len(s)] in quiet for s in _SUFFIXES)


@dataclass
class Meaning:
    intent: str
    slots: dict
    confidence: float


def _split(words: list[str], known: set[str]) -> list[str]:
    """Words Whisper ran together ("Apatadi" for apa tadi) apart, when both halves are
    words the lists know."""
    out = []
    for word in words:
        if word not in known and len(word) >= 6:
            for cut in range(3, len(word) - 2):
                if word[:cut] in known and word[cut:] in known:
                    out.extend((word[:cut], word[cut:]))
                    break
            else:
                out.append(word)
        else:
            out.append(word)
    return out


def understand(text: str, lang: str, allowed: tuple[str, ...]) -> Meaning | None:
    """The intent (and slots) `text` means among `allowed`, or None."""
    usable = [c for c in cues() if c.intent in allowed]
    known = {w for c in cues() for w in c.words} | neutral()
    words = _split(list(_plain(text)), known)
    if not words:
        return None
    # A word that is itself a cue here ("ya" on a yes/no question) is not neutral here.
    single = {c.words[0] for c in usable if len(c.words) == 1}
    quiet = neutral() - single
    taken = [None] * len(words)
    # Longest cues first: "tidak jadi" is batal before "tidak" is a no.
    for cue in usable:
        size = len(cue.words)
        for start in range(len(words) - size + 1):
            if any(taken[start + k] for k in range(size)):
                continue
            # Numbers only as said: by sound "tua" is dua and "cari" kalih. A word the
            # lists know is that word ("tolong" is not "durung", a Balinese no).
            if all((words[start + k] == cue.words[k]) if (cue.intent == "pilih_menu"
                                                          or words[start + k] in known)
                   else _same(words[start + k], cue.words[k]) for k in range(size)):
                for k in range(size):
                    taken[start + k] = cue
    named: dict[tuple, list[int]] = {}
    for position, cue in enumerate(taken):
        if cue is not None:
            named.setdefault((cue.intent, cue.slots), []).append(position)
    if not named:
        return None
    unexplained = sum(1 for w, c in zip(words, taken) if c is None and not _is_neutral(w, quiet))
    # The meaning said with the most words wins; a tie goes to the one said first.
    ranked = sorted(named.items(), key=lambda item: (-len(item[1]), item[1][0]))
    (intent, slots), positions = ranked[0]
    said = len(positions)
    if unexplained == 0:
        confidence = SURE_ALL
    elif unexplained == 1 and said >= 2:
        confidence = SURE_BUT_ONE
    elif unexplained <= said:
        confidence = ASK_ONLY
    else:
        return None
    if len(ranked) > 1:
        confidence = min(confidence, ASK_ONLY)
    return Meaning(intent, dict(slots), confidence)


# When no cue is found: the nearest phrase by letters. Each phrase the lists and templates know
# is a bag of its three-letter pieces; a transcript close enough to one of them means it
# ("Terlalu gambat" is near "terlalu lambat"). Thresholds chosen on the tuning part's
# transcripts: 0.7 to act and 0.45 to ask kept the wrong actions at 6 and no false accept;
# 0.6 or 0.65 to act gave 8 to 10 wrong actions, 0.8 or 0.9 fewer commands right.
NEAR_SURE = 0.7
NEAR_ASK = 0.45


def _grams(text: str) -> Counter:
    text = f"  {text} "
    return Counter(text[i:i + 3] for i in range(len(text) - 2))


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(count * b[gram] for gram, count in a.items() if gram in b)
    size = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / size if size else 0.0


@functools.cache
def _phrases() -> tuple[tuple[Counter, str, tuple], ...]:
    from . import _samples
    found = {(" ".join(c.words), c.intent, c.slots) for c in cues()}
    for code in ("id", "ban"):
        for intent in source(code).get("intents", {}):
            found.update((sentence, intent, slots) for sentence, slots, _w in
                         _samples(code, intent))
    return tuple((_grams(text), intent, slots) for text, intent, slots in sorted(found))


def nearest(text: str, allowed: tuple[str, ...]) -> Meaning | None:
    """The phrase nearest to `text` by its letters, among `allowed` intents, or None."""
    said = " ".join(_plain(text))
    if not said:
        return None
    grams = _grams(said)
    score, intent, slots = max(((_cosine(grams, g), i, s) for g, i, s in _phrases()
                                if i in allowed), default=(0.0, None, ()),
                               key=lambda found: found[0])
    if intent is None or score < NEAR_ASK:
        return None
    return Meaning(intent, dict(slots), SURE_ALL if score >= NEAR_SURE else ASK_ONLY)
