"""Voice mode as the server renders it: offered on the first visit, switched on and off from any
page, remembered with its speech rate, and every question of the request form and of "cek
status" marked so the voice dialogue (static/js/voice-*.js) asks it and fills the real control.
The dialogue itself runs in a browser: a11y_tests/test_voice_ui.py."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pwa.web import tampilan as display

from tests.pages import text_of
from tests.flows import answers, next_working_day, service_id

ROOT = Path(__file__).resolve().parents[2]
VOICE_JS = "js/voice-dialogue.js"   # the last of the voice scripts: it starts the dialogue
OFFER_JS = "js/voice-offer.js"


class Page(HTMLParser):
    """What the voice script sees: the question wrappers and the controls inside each, the
    menu items, the read-aloud marks, and the voice panel's JSON."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "track", "wbr", "area",
            "base", "col", "embed", "param"}

    def __init__(self, html: str):
        super().__init__()
        self.questions: list[dict] = []   # {attrs, controls: [(tag, attrs)]}
        self.scripts: list[str] = []
        self.marked: list[dict] = []      # attrs of [data-suara-baca] / [data-suara-digit]
        self.menus = 0
        self.menu_items: list[str] = []
        self._stack: list[tuple[str, dict | None, bool]] = []  # (tag, question, in a menu)
        self._json_open = False
        self.data = None
        self._text: list[str] = []
        self.feed(html)

    def _question(self):
        return next((q for _t, q, _m in reversed(self._stack) if q is not None), None)

    def _in_menu(self):
        return any(m for _t, _q, m in self._stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        if tag == "script" and a.get("id") == "suara-data":
            self._json_open = True
        if "data-suara-baca" in a or "data-suara-digit" in a:
            self.marked.append(a)
        q = self._question()
        if q is not None and tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            q["controls"].append((tag, a))
        if self._in_menu() and tag in ("a", "button"):
            self.menu_items.append(tag)
        new_q = {"attrs": a, "controls": []} if "data-suara-tanya" in a else None
        if new_q is not None:
            self.questions.append(new_q)
        self.menus += "data-suara-menu" in a
        if tag not in self.VOID:
            self._stack.append((tag, new_q, "data-suara-menu" in a))

    def handle_endtag(self, tag):
        if tag == "script":
            self._json_open = False
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data):
        if self._json_open:
            self.data = json.loads(data)

    def question(self, name: str) -> dict:
        found = [q for q in self.questions if q["attrs"]["data-suara-tanya"] == name]
        assert len(found) == 1, f"question {name!r}: {len(found)} found"
        return found[0]


def page(client, path: str) -> Page:
    r = client.get(path)
    assert r.status_code == 200, (path, r.status_code)
    return Page(r.get_data(as_text=True))


def voice_on(client, rate: str | None = None):
    data = {"suara": "aktif", **({"laju": rate} if rate else {})}
    return client.post("/tampilan", data=data)


# --- the offer and the switch -----------------------------------------------------------------

def test_first_visit_offers_voice_mode_on_screen_and_loads_only_the_small_offer_script(client):
    r = client.get("/")
    text = text_of(r)
    assert "Ingin memakai MENTARI dengan suara?" in text
    assert "Ya, pakai suara" in text and "Tidak, terima kasih" in text
    p = Page(r.get_data(as_text=True))
    assert any(OFFER_JS in s for s in p.scripts)
    assert not any(VOICE_JS in s for s in p.scripts), "the voice script loads before it is wanted"
    assert p.data is None, "no voice panel before voice mode is on"


def test_refusing_the_offer_removes_it_and_loads_no_voice_script(client):
    r = client.post("/tampilan", data={"suara": "mati", "kembali": "/layanan"})
    assert r.status_code == 302 and r.location.endswith("/layanan")
    for path in ("/", "/layanan", "/status", "/ajukan"):
        p = page(client, path)
        assert "Ingin memakai MENTARI dengan suara?" not in text_of(client.get(path))
        assert not [s for s in p.scripts if "voice" in s], f"{path} loads {p.scripts}"


def test_voice_mode_is_switched_on_from_the_header_of_any_page_and_comes_back_there(client):
    html = client.get("/status").get_data(as_text=True)
    toggle = re.search(r'<form[^>]*class="voice-toggle".*?</form>', html, re.S).group(0)
    assert 'name="kembali" value="/status"' in toggle and 'aria-pressed="false"' in toggle
    r = client.post("/tampilan", data={"suara": "aktif", "kembali": "/status"})
    assert r.status_code == 302 and r.location.endswith("/status")
    r = client.get("/status")
    html = r.get_data(as_text=True)
    p = Page(html)
    assert any(VOICE_JS in s for s in p.scripts) and not any(OFFER_JS in s for s in p.scripts)
    text = text_of(r)
    assert "Bicara" in text and "Dengarkan" in text
    assert "Ctrl + Shift + Spasi" in text, "the keyboard shortcut is told on the page"
    assert re.search(r'role="status"[^>]*data-suara-status', html), "states go to a live region"
    assert re.search(r'class="voice-toggle__button" aria-pressed="true"', html)
    client.post("/tampilan", data={"suara": "mati"})
    assert not [s for s in page(client, "/status").scripts if "voice" in s]


def test_staff_are_not_offered_voice_mode(client, login):
    login("verifikator")
    assert "Ingin memakai MENTARI dengan suara?" not in text_of(client.get("/staf/antrean"))


def test_speech_rate_is_remembered_and_shown(client):
    voice_on(client)
    assert page(client, "/").data["laju"] == 1.0
    client.post("/tampilan", data={"laju": "075"})
    html = client.get("/").get_data(as_text=True)
    assert Page(html).data["laju"] == 0.75
    assert re.search(r'data-suara-laju="075" aria-pressed="true"', html)
    assert re.search(r'data-suara-laju="100" aria-pressed="false"', html)
    client.post("/tampilan", data={"laju": "9"})  # not a rate: ignored, the choice stays
    assert page(client, "/").data["laju"] == 0.75
    assert display.VOICE_RATES == {"075": 0.75, "100": 1.0, "125": 1.25}


def test_the_voice_scripts_sentences_come_translated_with_their_placeholders(client):
    voice_on(client)
    data = page(client, "/").data
    assert data["lang"] == "id" and data["kenali"].endswith("/suara/kenali")
    assert all(isinstance(v, str) and v.strip() for v in data["teks"].values())
    assert "%(teks)s" in data["teks"]["anda_mengatakan"]
    assert "%(nomor)s" in data["teks"]["pilihan"] and "%(teks)s" in data["teks"]["pilihan"]
    assert "Ctrl" not in data["teks"]["sambutan"], "spoken as words, not abbreviations"


# --- the request form, step by step -----------------------------------------------------------

def _start(client):
    voice_on(client)
    client.post("/ajukan", data={"mulai": "baru"})


def _assert_fillable(q: dict):
    """The script fills the control named like the question, inside the question's wrapper."""
    name = q["attrs"]["data-suara-tanya"]
    names = {a.get("name") for _tag, a in q["controls"]}
    if name != "ringkasan":
        assert name in names, f"question {name!r} wraps {names}, not its own control"


def test_every_step_marks_its_questions_with_the_control_and_recogniser_context(client, db):
    _start(client)
    lid = service_id(db, "konsultasi")
    p = page(client, "/ajukan/layanan")
    q = p.question("layanan")
    assert q["attrs"]["data-suara-konteks"] == "layanan"
    slugs = json.loads(q["attrs"]["data-suara-slug"])
    radios = {a["value"] for tag, a in q["controls"] if a.get("type") == "radio"}
    assert set(slugs.values()) == radios and slugs["konsultasi"] == str(lid)
    client.post("/ajukan/layanan", data={"layanan": str(lid)})

    q = page(client, "/ajukan/cara").question("mode")
    assert q["attrs"]["data-suara-konteks"] == "cara"
    # The recogniser's cara slot values are the radio values themselves.
    assert {a["value"] for _t, a in q["controls"]} <= {"antar_jemput", "jemput_bola",
                                                      "konsultasi", "langsung"}
    client.post("/ajukan/cara", data={"mode": "langsung"})

    p = page(client, "/ajukan/data-diri")
    expected = {"nama": ("teks", "bebas"), "telepon": ("angka", "angka"),
                "nik": ("angka", "angka")}
    for name, (jenis, konteks) in expected.items():
        q = p.question(name)
        assert (q["attrs"]["data-suara-jenis"], q["attrs"]["data-suara-konteks"]) == (jenis,
                                                                                     konteks)
        _assert_fillable(q)
    assert p.question("nik")["attrs"]["data-suara-panjang"] == "16"
    a = answers("langsung")
    client.post("/ajukan/data-diri", data={k: a[k] for k in ("nama", "telepon", "nik")})

    p = page(client, "/ajukan/alamat")
    assert [q["attrs"]["data-suara-tanya"] for q in p.questions] == ["alamat", "desa",
                                                                     "kecamatan"]
    for q in p.questions:
        _assert_fillable(q)
    client.post("/ajukan/alamat", data={k: a[k] for k in ("alamat", "desa", "kecamatan")})

    p = page(client, "/ajukan/kebutuhan")
    assert p.question("disabilitas")["attrs"]["data-suara-jika"] == "kategori=disabilitas"
    assert "data-suara-opsional" in p.question("bantuan")["attrs"]
    for q in p.questions:
        _assert_fillable(q)
    client.post("/ajukan/kebutuhan", data={"kategori": ["lansia"]})

    p = page(client, "/ajukan/jadwal")
    _assert_fillable(p.question("tanggal"))
    client.post("/ajukan/jadwal", data={"tanggal": next_working_day().isoformat()})

    p = page(client, "/ajukan/periksa")
    assert [q["attrs"]["data-suara-tanya"] for q in p.questions] == ["ringkasan", "catatan",
                                                                     "persetujuan"]
    assert p.question("persetujuan")["attrs"]["data-suara-jenis"] == "setuju"


@pytest.mark.parametrize("mode", ["antar_jemput", "jemput_bola"])
def test_a_date_and_time_chosen_by_number_are_ones_the_form_accepts(client, db, mode):
    """Dates and times are offered as numbered menus; every one offered must pass validation."""
    _start(client)
    client.post("/ajukan/layanan", data={"layanan": str(service_id(db, "legalisir-ijazah"))})
    client.post("/ajukan/cara", data={"mode": mode})
    a = answers(mode)
    client.post("/ajukan/data-diri", data={k: a[k] for k in ("nama", "telepon", "nik")})
    client.post("/ajukan/alamat", data={k: a[k] for k in ("alamat", "desa", "kecamatan")})
    client.post("/ajukan/kebutuhan", data={"kategori": ["lansia"]})
    p = page(client, "/ajukan/jadwal")
    days = json.loads(p.question("tanggal")["attrs"]["data-suara-pilihan"])
    hours = json.loads(p.question("jam")["attrs"]["data-suara-pilihan"])
    assert len(days) == 5 and len({d for d, _w in days}) == 5
    assert [h for h, _w in hours][0] == "08:00" and [h for h, _w in hours][-1] == "15:00"
    assert all(re.match(r"\w+, \d{1,2} \w+$", words) for _d, words in days), days
    extra = {"alamat_jemput": a["alamat"]} if mode == "antar_jemput" else {"bawaan": ""}
    for (day, _w), (hour, _h) in ((days[0], hours[0]), (days[-1], hours[-1])):
        r = client.post("/ajukan/jadwal", data={"tanggal": day, "jam": hour, **extra})
        assert r.status_code == 302, f"{day} {hour} refused: {text_of(r)[:300]}"
    # Pick-up address is already filled from the home address: the voice offers it back.
    page_after = client.get("/ajukan/jadwal").get_data(as_text=True)
    if mode == "antar_jemput":
        assert a["alamat"] in page_after


def test_documents_page_lets_voice_answer_only_the_officer_collects_question(client, db):
    _start(client)
    client.post("/ajukan/layanan", data={"layanan": str(service_id(db, "surat-keterangan"))})
    client.post("/ajukan/cara", data={"mode": "jemput_bola"})
    a = answers("jemput_bola")
    client.post("/ajukan/data-diri", data={k: a[k] for k in ("nama", "telepon", "nik")})
    client.post("/ajukan/alamat", data={k: a[k] for k in ("alamat", "desa", "kecamatan")})
    client.post("/ajukan/kebutuhan", data={"kategori": ["lansia"]})
    client.post("/ajukan/jadwal", data={"tanggal": a["tanggal"], "jam": a["jam"], "bawaan": ""})
    p = page(client, "/ajukan/dokumen")
    assert p.questions and all(q["attrs"]["data-suara-jenis"] == "centang" for q in p.questions)
    for q in p.questions:
        _assert_fillable(q)
    client.post("/ajukan/cara?ubah=1", data={"mode": "langsung"})
    client.post("/ajukan/jadwal", data={"tanggal": a["tanggal"]})
    assert not page(client, "/ajukan/dokumen").questions, "a file cannot be chosen by voice"


# --- cek status and the registration number ---------------------------------------------------

def test_status_check_asks_for_twelve_then_four_digits(client):
    voice_on(client)
    p = page(client, "/status")
    assert [(q["attrs"]["data-suara-tanya"], q["attrs"]["data-suara-konteks"],
             q["attrs"].get("data-suara-panjang")) for q in p.questions] == [
        ("nomor", "angka", "12"), ("telepon4", "angka", "4")]
    for q in p.questions:
        _assert_fillable(q)


def test_registration_number_is_marked_to_be_read_digit_by_digit(client, db):
    from tests.flows import submit_request
    voice_on(client)
    pid, number = submit_request(client, db, "konsultasi", "langsung")
    html = client.get(f"/ajukan/selesai/{pid}").get_data(as_text=True)
    digit = re.search(r'<p class="reg-number" data-suara-digit>([^<]+)</p>', html)
    assert digit and re.sub(r"\D", "", digit.group(1)) == number
    assert Page(html).marked, "nothing marked to read on arrival"
    view = client.get(f"/permohonan/{pid}").get_data(as_text=True)
    assert re.search(r'class="reg-number" data-suara-baca data-suara-digit', view)


def test_home_page_menu_is_made_of_its_real_links_and_buttons(client):
    voice_on(client)
    p = page(client, "/")
    assert p.menus >= 2 and len(p.menu_items) >= 4


def test_keyboard_shortcut_is_documented_where_it_is_implemented():
    """The page, the voice docs and the script must name the same keys."""
    js = (ROOT / "pwa/static" / VOICE_JS).read_text()
    assert "e.ctrlKey && e.shiftKey" in js and "'Space'" in js
    assert "Ctrl + Shift + Spasi" in (ROOT / "pwa/templates/suara/panel.html").read_text()
    assert "Ctrl + Shift + Space" in (ROOT / "docs" / "voice.md").read_text()
