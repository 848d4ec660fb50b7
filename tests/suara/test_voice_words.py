"""Every word voice mode listens for is written once, in speech/intents/id.yaml and ban.yaml
(read by speech/words.py): the recogniser reads it there, and the page is given its word lists
from there (templates/suara/_data.html), so the voice scripts hear yes, no, digits and the rest
as the server does, and a word added to the YAML reaches the page. The voice scripts
(static/js/voice-*.js) load only in voice mode, in order, within the 2G budget."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from pwa.suara import SCRIPTS
from speech import intents, stt, words

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "pwa/static"
NODE = shutil.which("node")
BUDGET_JS = 25 * 1024          # JavaScript per page, compressed (issue 3 §6)
CHROMIUM_ENCODINGS = "gzip, deflate, br, zstd"


def voice_page(client, path: str = "/") -> str:
    client.post("/tampilan", data={"suara": "aktif"})
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def page_words(client, path: str = "/") -> dict:
    """The word lists the page gives its voice scripts."""
    found = re.search(r'<script type="application/json" id="suara-data">(.*?)</script>',
                      voice_page(client, path), re.S)
    return json.loads(found.group(1))["kata"]


# The page's voice-words.js, run as the browser runs it: with the page's data, then each call.
RUN_WORDS = r"""
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
globalThis.window = globalThis;
globalThis.document = { getElementById: (id) => (id === 'suara-data'
  ? { textContent: JSON.stringify({ teks: {}, kata: input.kata }) } : null) };
require('vm').runInThisContext(fs.readFileSync(input.script, 'utf8'));
const V = window.mentariSuara;
process.stdout.write(JSON.stringify(input.calls.map(([name, ...args]) => V[name](...args))));
"""


def heard_by_the_page(kata: dict, *calls) -> list:
    if not NODE:
        pytest.skip("node is not installed: the page's word matching runs in a browser only")
    done = subprocess.run(
        [NODE, "-e", RUN_WORDS], check=True, capture_output=True, text=True, timeout=30,
        input=json.dumps({"script": str(STATIC / "js/voice-words.js"), "kata": kata,
                          "calls": list(calls)}))
    return json.loads(done.stdout)


def transferred(response) -> int:
    """What a file costs on the wire, as bench/page_weight.py counts it: body and headers."""
    return (len(response.data) + sum(len(k) + len(v) + 4 for k, v in response.headers.items())
            + len("HTTP/1.1 200 OK\r\n\r\n"))


def forget_the_yaml():
    for cached in (words.source, words.for_page, intents._intents, intents._samples):
        cached.cache_clear()


@pytest.fixture
def changed_yaml(tmp_path):
    """Change the intents' YAML for one test: `change(lang, data)` edits the loaded YAML."""
    original = words.FOLDER

    def change(edit):
        for lang in words.LANGS:
            data = yaml.safe_load((original / f"{lang}.yaml").read_text("utf-8"))
            edit(lang, data)
            (tmp_path / f"{lang}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                   "utf-8")
        words.FOLDER = tmp_path
        forget_the_yaml()
    yield change
    words.FOLDER = original
    forget_the_yaml()


# --- one source -------------------------------------------------------------------------------

def test_a_word_added_to_the_yaml_is_heard_by_the_page_and_the_recogniser(client, changed_yaml):
    before = page_words(client)
    assert "sip" not in before["yes"] and "songo" not in before["digits"]

    def add(lang, data):
        if lang == "id":
            ya = data["intents"]["ya"]["data"][0]["sentences"]
            ya[0] = ya[0].replace("(ya|", "(ya|sip|")
            data["words"]["digit_forms"]["9"].append("songo")
            data["words"]["skip"].append("nggak usah")
            data["words"]["done"].append("rampung")
    changed_yaml(add)

    kata = page_words(client)
    assert "sip" in kata["yes"] and kata["digits"]["songo"] == "9"
    assert heard_by_the_page(
        kata, ["says", "yes", "Sip!"], ["digitsIn", "satu songo"],
        ["isNo", {"text": "nggak usah", "intent": None}], ["says", "done", "rampung"],
    ) == [True, "19", True, True]
    found = intents.match("sip", "id", "yatidak")
    assert found.intent == "ya" and found.sure, "the recogniser reads the same templates"


def test_the_page_hears_yes_no_and_digits_as_the_recogniser_does(client):
    kata = page_words(client)
    for key, intent in (("yes", "ya"), ("no", "tidak")):
        spoken = {words.plain(s) for s in words.said_for(intent)}
        assert len(spoken) >= 10 and spoken <= set(kata[key]), key
        for said in spoken:
            # A Balinese page hears both languages, as the page does whatever its language.
            found = intents.match(said, "ban", "yatidak")
            assert (found.intent, found.sure) == (intent, True), said
    assert len(kata["digits"]) >= 18
    for said, digit in kata["digits"].items():
        assert intents.digits_in(said) == digit, said
    # Whisper, listening again for a number or a yes or no, may write only the YAML's words.
    assert stt.CONSTRAINED["angka"] == list(words.DIGITS)
    assert set(stt.CONSTRAINED["yatidak"]) <= set(kata["yes"]) | set(kata["no"])


def test_the_voice_scripts_read_answers_with_the_pages_words(client):
    kata = page_words(client)
    jemput_bola = [{"value": "jemput_bola", "text": "Jemput bola"},
                   {"value": "antar_jemput", "text": "Antar jemput"}]
    assert heard_by_the_page(
        kata,
        ["says", "yes", "Inggih."], ["says", "yes", "yaaa"], ["says", "yes", "sudah benar"],
        ["says", "yes", "bukan"], ["says", "no", "Nénten"], ["says", "no", "2"],
        ["isNo", {"text": "tidak ada", "intent": None}], ["says", "done", "sampun puput"],
        ["digitsIn", "siki dua, nol, Sembilan"], ["digitsIn", "empat mpat terlapan"],
        ["spelled", "be u de i spasi es"],
        ["chosen", {"dataset": {}}, {"text": "saya pilih jemput bola", "slots": {}}, jemput_bola],
    ) == [True, True, True, False, True, True, True, True, "1209", "448", "Budi S",
          jemput_bola[0]]


def test_the_voice_scripts_hold_no_word_list_of_their_own(client):
    """Every rule once: a yes, no, skip, done or digit word written in a voice script (outside
    a comment) is a list kept beside the YAML's, which the two would soon disagree on."""
    kata = page_words(client)
    listed = {w for key in ("yes", "no", "skip", "done") for w in kata[key]} | set(kata["digits"])
    listed -= {"ya", "tidak", "setuju"}  # names in the scripts: two intents, a kind of question
    for name in SCRIPTS:
        code = (STATIC / name).read_text("utf-8")
        code = re.sub(r"/\*.*?\*/|(?<![:\\])//[^\n]*", " ", code, flags=re.S)
        # A word on its own, not a property (T.benar is a sentence's name).
        found = {w for w in listed
                 if len(w) > 2 and re.search(rf"(?<![.\w]){re.escape(w)}\b", code)}
        assert not found, f"{name} spells out {sorted(found)}: take them from cfg.kata"


# --- loading -----------------------------------------------------------------------------------

def test_voice_mode_loads_its_scripts_in_order_and_within_the_2g_budget(client):
    for path in ("/", "/layanan", "/ajukan", "/status"):
        html = voice_page(client, path)
        tags = re.findall(r"<script src=\"([^\"]+)\"([^>]*)>", html)
        voice = [(src, rest) for src, rest in tags if "/js/voice-" in src]
        assert [src.split("?")[0].split("/static/")[1] for src, _ in voice] == list(SCRIPTS)
        assert all("defer" in rest for _, rest in voice), "in order, after the page is read"
        sent = sum(transferred(client.get(src, headers={"Accept-Encoding": CHROMIUM_ENCODINGS}))
                   for src, _ in tags)
        assert sent <= BUDGET_JS, f"{path}: {sent} bytes of JavaScript"
    client.post("/tampilan", data={"suara": "mati"})
    assert "/js/voice-" not in client.get("/").get_data(as_text=True)
