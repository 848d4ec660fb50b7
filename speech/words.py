"""Every word voice mode listens for, once: speech/intents/id.yaml and ban.yaml, their sentence
templates (hassil) and their `words` lists. Read here for the recogniser (speech.intents,
speech.stt, speech.normalise) and, through `for_page`, for the voice scripts of the page, so a
word added to the YAML is heard by both.

Each list is the Indonesian one followed by the Balinese one: people mix both languages, and
Whisper writes Balinese speech as Indonesian-looking words whatever the page's language.
"""
import functools
import re
import unicodedata
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent / "intents"
LANGS = ("id", "ban")


@functools.cache
def source(lang: str) -> dict:
    """One language's YAML as it stands (hassil reads its templates and ignores `words`)."""
    return yaml.safe_load((FOLDER / f"{lang}.yaml").read_text("utf-8"))


def _words(lang: str) -> dict:
    return source(lang).get("words", {})


def _lists(name: str, within: str | None = None) -> list[str]:
    """One list of both languages (`within`: one list of a group, as constrained.yatidak)."""
    return [word for lang in LANGS
            for word in (_words(lang).get(within, {}) if within else _words(lang)).get(name, ())]


def _by_digit(name: str) -> dict[str, str]:
    return {word: digit for lang in LANGS
            for digit, said in _words(lang).get(name, {}).items() for word in said}


# word → digit: each digit said as a word, Indonesian then Balinese ("tiga": "3", "telu": "3").
DIGITS = _by_digit("digits")
# word → digit: digit words as Whisper half-hears them ("nor" for nol).
DIGIT_FORMS = _by_digit("digit_forms")
# word → digit: read only when said just so, never as the nearest of a fuzzy match ("siki").
DIGITS_EXACT = _by_digit("digits_exact")
# How MENTARI says each digit 0–9 (the first Indonesian word of each).
SPOKEN_DIGITS = tuple(_words("id")["digits"][str(n)][0] for n in range(10))
# letter → its names ("v": ["fe", "ve"]); " " is "spasi".
LETTERS = _words("id")["letters"]
# context → the only words Whisper may write when it listens again (speech/stt.py).
CONSTRAINED = {"angka": list(DIGITS),
               **{context: _lists(context, within="constrained")
                  for context in _words("id")["constrained"]}}


def plain(text: str) -> str:
    """Text as the page compares words: lower case, no accents, letters and digits only
    ("Nénten!" → "nenten"); voice-words.js does the same to what it hears."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _unique(words) -> list[str]:
    return list(dict.fromkeys(plain(w) for w in words if plain(w)))


def said_for(intent: str) -> list[str]:
    """Every sentence the templates of one intent produce, in both languages ("sudah benar")."""
    from hassil import Intents
    from hassil.sample import sample_intents
    found = []
    for lang in LANGS:
        intents = Intents.from_dict(source(lang))
        if intent not in intents.intents:
            continue
        only = Intents(language=intents.language, intents={intent: intents.intents[intent]},
                       slot_lists=intents.slot_lists, expansion_rules=intents.expansion_rules,
                       skip_words=intents.skip_words)
        found.extend(sentence for _name, sentence in sample_intents(only))
    return found


@functools.cache
def for_page() -> dict:
    """The word lists of the voice scripts (templates/suara/_data.html gives them to the page),
    in the form the page compares words. Read from the YAML as it stands."""
    return {
        "digits": {plain(w): d for name in ("digits", "digit_forms", "digits_exact")
                   for w, d in _by_digit(name).items()},
        "yes": _unique(said_for("ya") + _lists("typed_yes")),
        "no": _unique(said_for("tidak") + _lists("typed_no")),
        "skip": _unique(_lists("skip")),
        "done": _unique(_lists("done")),
        "filler": _unique(_lists("filler")),
        # A one-letter word is that letter already.
        "letters": {name: letter for letter, names in _words("id")["letters"].items()
                    for name in names if len(name) > 1},
    }
