"""Every page of the app, as each visitor sees it, at 1280 and 320 CSS pixels, checked by axe.

Pages are discovered from `app.url_map`, so a new page is audited without anyone remembering to
add it. A route whose URL needs values gets them from ARG_SAMPLES (or ENDPOINT_CASES); a route
that is not a page (a download, a JSON answer, a POST action) must be listed in EXCLUDED with the
reason. `test_every_route_is_audited_or_excluded` fails for anything else.

Visitors: `anonim` is a citizen's browser that has proven it owns the demo requests (as after
"cek status"); the others are the demo staff accounts. A visitor who may not see a page sees a
sign-in page, a redirect or a 403 page instead: that is audited too. Who may see a page visits
every case of it; others visit its first case only (the refusal does not depend on the id).
Axe runs once per distinct page-state (same markup at the same width), so the run stays short.
"""
import hashlib
import inspect
import itertools
from dataclasses import dataclass, field

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pwa.demo import DEMO_PASSWORD

from .conftest import audit, click_and_wait, login_as, site

WIDTHS = (1280, 320)
HEIGHT = 900
STAFF = ("admin", "verifikator", "kasubag_tu", "kepala_kantor", "petugas", "satpam")
VISITORS = ("anonim",) + STAFF

# Routes that are not pages a person reads, with the reason. Keep each reason true.
EXCLUDED = {
    "static": "CSS, scripts and icons, not pages",
    "shell.healthz": "JSON for uptime monitors",
    "permohonan.dokumen": "sends the uploaded file itself (PDF or image)",
    "permohonan.keberatan": "POST only; its error state re-renders permohonan.lihat",
    "permohonan.lupakan": "POST only; redirects to permohonan.status (its list, or the number form)",
    "permohonan.perbaiki": "POST only; its error state re-renders permohonan.lihat",
    "staf.keluar": "POST only; redirects to the home page",
    "admin.laporan_csv": "CSV download of the report table (the table page is audited)",
    "staf.dokumen": "sends the uploaded file itself (PDF or image)",
    "staf.lampiran_laporan": "sends the officer's report attachment (PDF or image)",
    "staf.aksi": "POST only: a workflow action; refusals re-render staf.permohonan",
    "staf.periksa": "POST only: records a requirement check, then shows staf.permohonan",
    "staf.keberatan_diantar": "POST only: marks an upheld objection delivered",
    "meragatan.panggil": "POST only: calls the next ticket, then shows the counter page",
    "meragatan.selesai": "POST only: closes a ticket, then shows the counter page",
    "isyarat.berkas": "sends a sign-language clip's video, poster or captions file",
    "shell.manifest": "the web app manifest (JSON), checked by test_pwa_install.py",
    "shell.sw": "the service worker script, exercised by test_offline.py",
    "suara.prompt": "a voice prompt's sound (Ogg/Opus); played offline in test_offline.py",
    "suara.ucap": "POST only: text read aloud as sound; voice mode is audited in test_voice_ui.py",
    "suara.kenali": "POST only: JSON of what was recognised; driven in test_voice_ui.py",
    "komponen.submitted": "POST only: a gallery example form comes back to its own page",
    "admin.notifikasi_ulang": "POST only: queues a failed message again, then shows the list",
    "admin.hari_tutup_hapus": "POST only: takes back a closure day, then shows admin.hari_tutup",
    "admin.jejak_csv": "CSV download of the audit trail (the trail's page is audited)",
    "admin.akun_buka_kunci": "POST only: opens a locked account, then shows admin.akun_ubah",
    # Issue 17.9 (standar-aduan):
    "pengaduan.keterangan": "POST only: adds to a complaint; it and its error state re-render "
                            "the complaint on pengaduan.cek (test_complaint_thread_and_its_error)",
    "admin.alihkan": "POST only: hands a complaint to the integrity team; its error state "
                     "re-renders admin.tanggapi (ErrorCase alihkan-pengaduan-kosong)",
    # Issue 18 (konsultasi):
    "konsultasi.pesan": "JSON of a room's new messages for its script (test_konsultasi_ruang.py)",
    "konsultasi.kirim": "POST only: sends a message; its error state re-renders konsultasi.ruang "
                        "(ErrorCase konsultasi-pesan-kosong)",
    "konsultasi.selesai": "POST only: the officer ends the room, then shows staf.permohonan",
    "konsultasi.suara": "POST only: sends a voice note; its error state re-renders "
                        "konsultasi.ruang (test_konsultasi_ruang.py records and sends one)",
    "konsultasi.berkas": "sends a voice note's sound (Ogg/Opus) or a video message's rendition "
                         "or poster",
    "konsultasi.video": "POST only: sends a sign-language video message; its error state "
                        "re-renders konsultasi.ruang",
    "konsultasi.sinyal": "POST only: JSON signalling of the live call (test_konsultasi_ruang.py)",
}

# Pages that always redirect (audited where they land, but never expected to render).
REDIRECT_ONLY = {
    "staf.home": "sends each signed-in role to its own home page",
}

# Requests in these states stand for "a permohonan" where a URL needs one (demo_requests.REQUESTS):
# what a request page shows (actions, forms, history) depends on the state.
REQUEST_LABELS = ("diajukan", "dikembalikan", "terlambat", "diparaf", "disetujui", "di_kantor",
                  "dilaporkan", "laporan_diparaf", "selesai", "ditolak", "keberatan")
# Arguments that come with a request: a URL with several of them gets one coherent set.
REQUEST_ARGS = ("permohonan_id", "dokumen_id")


def _services(demo):
    return [("layanan-dokumen", demo.permohonan["diajukan"]["layanan_id"]),
            ("layanan-tanpa-dokumen", demo.permohonan["selesai"]["layanan_id"])]


# How to build a URL argument: name → [(label, value)] from the demo data.
ARG_SAMPLES = {
    "layanan_id": _services,
    "persyaratan_id": lambda demo: [("persyaratan", demo.permohonan["diajukan"]["persyaratan_id"])],
    "keberatan_id": lambda demo: [("keberatan", demo.keberatan_id)],
    "pengaduan_id": lambda demo: [("pengaduan", demo.pengaduan_id)],
    "tiket_id": lambda demo: [("tiket", demo.tiket_id)],
    "staf_id": lambda demo: [("petugas", demo.staf_id),
                             ("terkunci", demo.staf_terkunci_id)],
    "nama": lambda demo: [("klip-isyarat", demo.isyarat_klip)],
    # A service's standard (issue 17.8): one with documents and every mode, one without.
    "slug": lambda demo: [("legalisir", "legalisir-ijazah"), ("tanpa-dokumen", "konsultasi")],
}


@dataclass(frozen=True)
class Case:
    endpoint: str
    label: str
    path: str
    session: dict = field(default_factory=dict, hash=False, compare=False)
    must_land: bool = False  # the owning citizen must see this very page, not a redirect

    @property
    def key(self) -> str:
        return f"{self.endpoint}[{self.label}]" if self.label else self.endpoint


def _citizen_step_cases(rule, demo, build):
    """Every step of the request form, with a draft answered up to it; mode-specific steps once
    per mode (the schedule, documents and check pages differ per mode)."""
    from pwa.domain import langkah as citizen
    cases = []
    for step in citizen.STEPS:
        per_mode = step in ("jadwal", "dokumen", "periksa")
        for mode in (demo.drafts if per_mode else ["antar_jemput"]):
            cases.append(Case(rule.endpoint, f"{step}-{mode}" if per_mode else step,
                              build(rule, {"step": step}), {"draf_id": demo.drafts[mode]},
                              must_land=True))
    return cases


def _gallery_cases(rule, demo, build):
    """Every example page of the component gallery (all states of every macro)."""
    from pwa.shell import komponen as gallery
    return [Case(rule.endpoint, name, build(rule, {"name": name}), must_land=True)
            for name in gallery.COMPONENTS]


def _complaint_sent_cases(rule, demo, build):
    """The confirmation shown right after filing a complaint (its number is in the session)."""
    from pwa.pengaduan import kirim as complaints
    return [Case(rule.endpoint, "", build(rule, {}),
                 {complaints._SESSION_KEY: demo.pengaduan_nomor}, must_land=True),
            # An anonymous report's number, shown once (issue 17.9).
            Case(rule.endpoint, "sekali", build(rule, {}),
                 {complaints._SESSION_KEY: demo.pengaduan_integritas_nomor,
                  complaints._ONCE_KEY: True}, must_land=True)]


def _status_cases(rule, demo, build):
    """Cek status on a phone that owns requests (the list) and on one that owns none (the
    number form; "?lain=1" shows the same form beside a list)."""
    return [Case(rule.endpoint, "daftar", build(rule, {}), must_land=True),
            Case(rule.endpoint, "tanpa-riwayat", build(rule, {}), {"milik": []},
                 must_land=True)]


def _prompt_recording_cases(rule, demo, build):
    """A Balinese prompt the office recorded (with "back to the computer voice") and one it
    did not."""
    from .scenario import RECORDED_PROMPT
    lang, key = RECORDED_PROMPT
    return [Case(rule.endpoint, "direkam", build(rule, {"bahasa": lang, "kunci": key})),
            Case(rule.endpoint, "suara-komputer", build(rule, {"bahasa": lang,
                                                               "kunci": "bantuan"}))]


def _prompt_removal_cases(rule, demo, build):
    """"Delete this recording?", asked only where there is one."""
    from .scenario import RECORDED_PROMPT
    lang, key = RECORDED_PROMPT
    return [Case(rule.endpoint, "direkam", build(rule, {"bahasa": lang, "kunci": key}))]


def _first_password_cases(rule, demo, build):
    """Replacing the first password: only someone signed in with one sees it (their staff
    session goes in the cookie, like a citizen's)."""
    return [Case(rule.endpoint, "", build(rule, {}), {"staf_session": demo.sesi_sandi_pertama},
                 must_land=True)]


def _role_cases(rule, demo, build):
    """Choosing a role: first as a person holding two, sent here from a page of the other
    (what visitors without the right to it see); then as each single-role visitor."""
    return [Case(rule.endpoint, "dua-peran",
                 build(rule, {"ke": "kasubag_tu", "next": "/staf/admin/laporan"}),
                 {"staf_session": demo.sesi_dua_peran}),
            Case(rule.endpoint, "satu-peran", build(rule, {}))]


def _audit_trail_cases(rule, demo, build):
    """The trail, and its filters refused (a date that is not one, a kind not in the list)."""
    return [Case(rule.endpoint, "", build(rule, {})),
            Case(rule.endpoint, "saringan-salah",
                 build(rule, {"dari": "kemarin", "jenis": "rahasia"}))]
def _integrity_complaint_cases(rule, demo, build):
    """The integrity team's page of the demo's anonymous report (a service complaint is not
    theirs: it answers 404)."""
    return [Case(rule.endpoint, "pengaduan-integritas",
                 build(rule, {"pengaduan_id": demo.pengaduan_integritas_id}))]


# Endpoints that need more than ARG_SAMPLES (several values, or a citizen session state):
# endpoint → case builder.
def _consultation_cases(rule, demo, build):
    """A consultation's room in each state: open (with messages), not open yet, ended."""
    return [Case(rule.endpoint, state, build(rule, {"permohonan_id": pid}), must_land=True)
            for state, pid in demo.konsultasi.items()]


ENDPOINT_CASES = {
    "konsultasi.ruang": _consultation_cases,
    "staf.integritas_tanggapi": _integrity_complaint_cases,
    "permohonan.langkah": _citizen_step_cases,
    "komponen.component": _gallery_cases,
    "pengaduan.terkirim": _complaint_sent_cases,
    "permohonan.status": _status_cases,
    "suara.rekam": _prompt_recording_cases,
    "suara.hapus_rekaman": _prompt_removal_cases,
    "staf.sandi_pertama": _first_password_cases,
    "staf.peran": _role_cases,
    "admin.jejak": _audit_trail_cases,
}


def _request_samples(demo, needed):
    for label in REQUEST_LABELS:
        values = demo.permohonan[label]
        if all(values.get(a) is not None for a in needed):
            yield label, {a: values[a] for a in needed}


def cases_for(rule, demo, build) -> list[Case] | None:
    """The audited cases of a GET rule, or None when some argument has no sample."""
    if rule.endpoint in ENDPOINT_CASES:
        return ENDPOINT_CASES[rule.endpoint](rule, demo, build)
    args = sorted(rule.arguments - set(rule.defaults or {}))
    if not args:
        return [Case(rule.endpoint, "", build(rule, {}))]
    from_request = [a for a in args if a in REQUEST_ARGS]
    others = [a for a in args if a not in REQUEST_ARGS]
    if any(a not in ARG_SAMPLES for a in others):
        return None
    groups = [list(_request_samples(demo, from_request))] if from_request else []
    groups += [[(label, {a: value}) for label, value in ARG_SAMPLES[a](demo)] for a in others]
    cases, seen = [], set()
    for combo in itertools.product(*groups):
        values = {k: v for _label, part in combo for k, v in part.items()}
        path = build(rule, values)
        if path not in seen:
            seen.add(path)
            cases.append(Case(rule.endpoint, "+".join(label for label, _p in combo), path))
    return cases or None


def discover():
    """(cases, uncovered): audited cases of every route, and routes nobody covers."""
    s = site()
    adapter = s.app.url_map.bind("localhost")

    def build(rule, values):
        return adapter.build(rule.endpoint, values)

    cases, uncovered = [], []
    for rule in sorted(s.app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint in EXCLUDED:
            continue
        found = cases_for(rule, s.demo, build) if "GET" in rule.methods else None
        if found is None:
            missing = sorted(rule.arguments - set(ARG_SAMPLES) - set(REQUEST_ARGS))
            why = (f"no sample value for {', '.join(missing)}" if "GET" in rule.methods
                   else f"not a GET page ({', '.join(sorted(rule.methods))})")
            uncovered.append(f"{rule.endpoint} {rule.rule}: {why}")
        else:
            cases.extend(found)
    keys = [c.key for c in cases]
    assert len(keys) == len(set(keys)), "two audited cases share a label"
    return cases, uncovered


def roles_of(endpoint) -> tuple | None:
    """The roles `role_required` allows for this view, or None for a public page."""
    view = site().app.view_functions[endpoint]
    while view is not None:
        try:
            found = inspect.getclosurevars(view).nonlocals.get("roles")
        except TypeError:
            found = None
        if found:
            return tuple(str(r) for r in found)
        view = getattr(view, "__wrapped__", None)
    return None


def may_see(endpoint, visitor) -> bool:
    roles = roles_of(endpoint)
    return visitor in roles if roles else visitor == "anonim"


def plan(cases) -> list[tuple]:
    """(visitor, width, case key) to visit. Who may see a page sees every case of it; anyone
    else meets the same refusal, redirect or citizen-less page whatever the id, so they visit
    only its first case."""
    first = {}
    for c in cases:
        first.setdefault(c.endpoint, c.key)
    return [(v, w, c.key) for v in VISITORS for w in WIDTHS for c in cases
            if may_see(c.endpoint, v) or first[c.endpoint] == c.key]


CASES, UNCOVERED = discover()
CASE_BY_KEY = {c.key: c for c in CASES}
PLAN = plan(CASES)

# What each visit showed, and what each distinct page-state's checks found.
VISITS: dict[tuple, bool] = {}      # (endpoint, visitor, width, label) → landed on the page
TITLES: dict[str, set] = {}          # title of a page shown as itself → its endpoints
RESULTS: dict[tuple, str | None] = {}  # page-state key → None (passed) or the failure report


# --- browser helpers ------------------------------------------------------------------------

SIGN_IN_FAILED: dict[str, str] = {}  # visitor → why signing in failed (not retried per page)


def become(driver, visitor: str) -> None:
    if driver.visitor == visitor:
        return
    if visitor in SIGN_IN_FAILED:
        raise AssertionError(SIGN_IN_FAILED[visitor])
    driver.visitor = None
    if visitor == "anonim":
        driver.delete_all_cookies()
    else:
        try:
            login_as(driver, visitor)
        except Exception as failure:
            SIGN_IN_FAILED[visitor] = (str(failure) if isinstance(failure, AssertionError)
                                       else f"{type(failure).__name__}: {failure}".strip())
            raise
    driver.visitor = visitor


def citizen_session(driver, extra: dict, cookies: dict | None = None) -> None:
    """Give this browser the signed session of a citizen who owns the demo requests (what
    "cek status" grants) plus `extra` (a form draft), without clicking through the lookup;
    `cookies` are other cookies to set (display settings)."""
    s = site()
    data = {"milik": s.demo.owned, **extra}
    value = s.app.session_interface.get_signing_serializer(s.app).dumps(data)
    if not driver.current_url.startswith(driver.base_url):
        driver.get(driver.base_url + "/healthz")
    driver.delete_all_cookies()
    driver.add_cookie({"name": s.app.config["SESSION_COOKIE_NAME"], "value": value,
                       "path": "/", "httpOnly": True, "sameSite": "Lax"})
    for name, cookie_value in (cookies or {}).items():
        driver.add_cookie({"name": name, "value": cookie_value, "path": "/"})


def resize(driver, width: int) -> None:
    if driver.execute_script("return window.innerWidth") != width:
        driver.set_window_size(width, HEIGHT)


def page_state(driver) -> dict:
    """Status, type, path and title of the shown page, plus a fingerprint of what axe would
    check: the markup with CSRF tokens blanked, text nodes reduced to a mark and the header to
    its links (the signed-in person's name differs per role; the structure does not)."""
    state = driver.execute_script("""
        const nav = performance.getEntriesByType('navigation')[0];
        const body = document.body.cloneNode(true);
        let links = '';
        const header = body.querySelector('header');
        if (header) {
          // Without their query: some carry "come back to this page".
          links = Array.from(header.querySelectorAll('a[href], button'),
                             e => (e.getAttribute('href') || e.tagName).split('?')[0]).join(' ');
          header.replaceWith(document.createTextNode(links));
        }
        body.querySelectorAll('input[name=csrf_token]').forEach(e => e.removeAttribute('value'));
        // Text reduced to "there is text": names, dates and numbers do not change what axe finds.
        const texts = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let t = texts.nextNode(); t; t = texts.nextNode()) {
          t.nodeValue = t.nodeValue.trim() ? 'T' : '';
        }
        return {
          status: nav ? nav.responseStatus : 0,
          type: document.contentType,
          path: location.pathname,
          title: document.title,
          markup: document.documentElement.className + '|' + document.title + '|' +
                  body.innerHTML,
        };""")
    state["fingerprint"] = hashlib.sha1(state.pop("markup").encode()).hexdigest()
    return state


def overflow_report(driver) -> str | None:
    """At 320 px nothing may need sideways scrolling (WCAG 1.4.10 Reflow). The report names
    what sticks out of the page (not what scrolls inside its own box, like a wide table in a
    .table-wrap), and text too long for its box (a big heading with a long word)."""
    found = driver.execute_script("""
        const w = window.innerWidth;
        if (document.documentElement.scrollWidth <= w) return null;
        // Is el cut off by a scrolling ancestor? An absolutely positioned element is cut off
        // only by its containing block (the nearest positioned ancestor) or those above it.
        const clipped = el => {
          const own = getComputedStyle(el).position;
          if (own === 'fixed') return false;
          let skipping = own === 'absolute';
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const cs = getComputedStyle(p);
            const positioned = cs.position !== 'static';
            if (cs.overflowX !== 'visible' && (!skipping || positioned)) return true;
            if (positioned) skipping = false;
          }
          return false;
        };
        const name = el => {
          let n = el.tagName.toLowerCase();
          if (el.id) n += '#' + el.id;
          else if (el.classList.length) n += '.' + Array.from(el.classList).join('.');
          return n;
        };
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
          if (clipped(el)) continue;
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          if (r.right > w + 1 && r.width > 0) {
            wide.push(name(el) + ' (right edge ' + Math.round(r.right) + ')');
          } else if (cs.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 &&
                     el.clientWidth > 0 &&
                     !Array.from(el.children).some(c => c.scrollWidth > c.clientWidth + 1 ||
                                                      c.getBoundingClientRect().right > r.right)) {
            wide.push(name(el) + ' (text ' + el.scrollWidth + ' px wide in a ' +
                      el.clientWidth + ' px box)');
          }
          if (wide.length >= 5) break;
        }
        return {scroll: document.documentElement.scrollWidth, width: w, wide: wide};""")
    if found is None:
        return None
    return (f"horizontal scroll at {found['width']} px: page is {found['scroll']} px wide; "
            f"sticking out: {', '.join(found['wide']) or '?'}")


def check_state(driver, state_key: tuple, label: str, width: int) -> None:
    """axe plus reflow once per distinct page-state; a repeat reports the first result."""
    if state_key not in RESULTS:
        problems = []
        try:
            audit(driver, label)
        except AssertionError as failure:
            problems.append(str(failure.args[0]))
        if width <= 320:
            reflow = overflow_report(driver)
            if reflow:
                problems.append(f"{label}: {reflow}")
        RESULTS[state_key] = "\n".join(problems) or None
    if RESULTS[state_key] is not None:
        raise AssertionError(RESULTS[state_key])


# --- the audits -----------------------------------------------------------------------------

def test_every_route_is_audited_or_excluded():
    stale = sorted(set(EXCLUDED) - set(site().app.view_functions))
    assert not UNCOVERED, (
        "Routes not audited: add sample values (ARG_SAMPLES / ENDPOINT_CASES) or list them in "
        "EXCLUDED with the reason:\n  " + "\n  ".join(UNCOVERED))
    assert not stale, f"EXCLUDED lists routes that no longer exist: {stale}"


@pytest.mark.parametrize("visitor, width, key", PLAN,
                         ids=[f"{v}-{w}-{k}" for v, w, k in PLAN])
def test_page(driver, visitor, width, key):
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session)
    driver.get(driver.base_url + case.path)
    state = page_state(driver)
    landed = state["status"] == 200 and state["path"] == case.path.split("?")[0]
    VISITS[(case.endpoint, visitor, width, case.label)] = landed
    if landed:
        TITLES.setdefault(state["title"], set()).add(case.endpoint)
    assert state["status"] < 500, f"{case.path} as {visitor}: server error {state['status']}"
    assert state["type"] == "text/html", (
        f"{case.path} is {state['type']}, not a page: list {case.endpoint} in EXCLUDED")
    if case.must_land and visitor == "anonim":
        assert landed, (f"{case.path} should show the page itself to its citizen, but showed "
                        f"{state['path']} ({state['status']}, {state['title']!r})")
    # Roles that see the same markup (a print page, a 403 page, the sign-in page reached from
    # any staff URL) share one audit: axe would find the same thing.
    check_state(driver, (width, state["status"], state["fingerprint"]),
                f"{case.key} as {visitor} at {width}px", width)


def _display_plan():
    """Every display mode at both widths, on the first case of every page (shown to the citizen
    for a public page, to the first role allowed for a staff page) and every component example.
    Pages that look alike share one audit (the fingerprint), which keeps this affordable."""
    first, plan = set(), []
    for c in CASES:
        if c.endpoint in first and c.endpoint != "komponen.component":
            continue
        first.add(c.endpoint)
        roles = roles_of(c.endpoint)
        visitor = next((v for v in VISITORS if v in roles), None) if roles else "anonim"
        if visitor is None:
            continue
        plan += [(setting, width, visitor, c.key) for setting in ("kontras-tinggi", "teks-200")
                 for width in WIDTHS]
        # Aksara Bali (issue 4) adds a script line to every heading: every page on a phone.
        plan.append(("aksara-aktif", 320, visitor, c.key))
    # One visitor at a time: signing in again for every page would cost more than the audits.
    return sorted(plan, key=lambda p: (VISITORS.index(p[2]), p[0], p[1]))


DISPLAY_PLAN = _display_plan()


@pytest.mark.parametrize("setting, width, visitor, key", DISPLAY_PLAN,
                         ids=[f"{s}-{w}-{v}-{k}" for s, w, v, k in DISPLAY_PLAN])
def test_page_with_display_setting(driver, setting, width, visitor, key):
    """The display settings (/tampilan) restyle every page: they must stay accessible too."""
    from pwa.web import tampilan as display
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session, {display.COOKIE: setting})
    else:
        driver.add_cookie({"name": display.COOKIE, "value": setting, "path": "/"})
    try:
        driver.get(driver.base_url + case.path)
        state = page_state(driver)
        assert state["status"] < 500, f"{case.path}: server error {state['status']}"
        applied = driver.execute_script("return document.documentElement.className")
        assert setting in applied.split(), f"{setting} not applied to <html> ({applied!r})"
        check_state(driver, (width, setting, state["status"], state["fingerprint"]),
                    f"{case.key} as {visitor} with {setting} at {width}px", width)
    finally:
        # The signed-in visitor stays for the next test: in the default display.
        driver.delete_cookie(display.COOKIE)


def _locale_plan():
    """Every page in Basa Bali too (issue 4 §6), at both widths: the first case of every page,
    seen by the citizen or by the first role allowed to open it. Balinese words are longer
    and the lang attribute differs, so these are page-states of their own."""
    first, plan = set(), []
    for c in CASES:
        if c.endpoint in first and c.endpoint != "komponen.component":
            continue
        first.add(c.endpoint)
        roles = roles_of(c.endpoint)
        visitor = next((v for v in VISITORS if v in roles), None) if roles else "anonim"
        if visitor is not None:
            plan += [(width, visitor, c.key) for width in WIDTHS]
    return sorted(plan, key=lambda p: (VISITORS.index(p[1]), p[0]))


LOCALE_PLAN = _locale_plan()


@pytest.mark.parametrize("width, visitor, key", LOCALE_PLAN,
                         ids=[f"ban-{w}-{v}-{k}" for w, v, k in LOCALE_PLAN])
def test_page_in_balinese(driver, width, visitor, key):
    from pwa.web import language
    case = CASE_BY_KEY[key]
    become(driver, visitor)
    resize(driver, width)
    if visitor == "anonim":
        citizen_session(driver, case.session, {language.COOKIE: "ban"})
    else:
        driver.add_cookie({"name": language.COOKIE, "value": "ban", "path": "/"})
    try:
        driver.get(driver.base_url + case.path)
        state = page_state(driver)
        assert state["status"] < 500, f"{case.path}: server error {state['status']}"
        lang = driver.execute_script("return document.documentElement.lang")
        assert lang == "ban", f"{case.path} in Balinese has lang={lang!r}"
        check_state(driver, (width, "ban", state["status"], state["fingerprint"]),
                    f"{case.key} as {visitor} in Basa Bali at {width}px", width)
    finally:
        driver.delete_cookie(language.COOKIE)


@dataclass(frozen=True)
class ErrorCase:
    label: str
    endpoint: str
    values: tuple = ()            # URL arguments, as (name, value) pairs
    visitor: str = "anonim"
    draft: str | None = None      # which demo draft the citizen session carries
    button: str = "main form button[type=submit]"  # the submit button to press
    fill: tuple = ()              # (field id, value) typed after clearing the form
    session: tuple = ()           # more (key, value) pairs of the anonim visitor's session


def _error_cases():
    """Forms submitted empty (or wrong), chosen so the submission can only fail: nothing in the
    demo data changes."""
    demo = site().demo
    req = {label: (("permohonan_id", r["permohonan_id"]),) for label, r in demo.permohonan.items()}
    act = "main form[action$='/aksi/{}'] button[type=submit]".format
    cases = [
        ErrorCase("masuk-kosong", "staf.masuk"),
        ErrorCase("masuk-salah", "staf.masuk",
                  fill=(("username", "admin"), ("password", "bukan-sandinya"))),
        ErrorCase("ajukan-layanan-kosong", "permohonan.langkah", (("step", "layanan"),),
                  draft=demo.empty_drafts["baru"]),
        ErrorCase("ajukan-cara-kosong", "permohonan.langkah", (("step", "cara"),),
                  draft=demo.empty_drafts["langsung"]),
        ErrorCase("ajukan-data-diri-kosong", "permohonan.langkah", (("step", "data-diri"),),
                  draft=demo.empty_drafts["langsung"]),
        ErrorCase("ajukan-alamat-kosong", "permohonan.langkah", (("step", "alamat"),),
                  draft=demo.drafts["langsung"]),
        ErrorCase("ajukan-kebutuhan-kosong", "permohonan.langkah", (("step", "kebutuhan"),),
                  draft=demo.drafts["langsung"]),
        ErrorCase("ajukan-periksa-tanpa-persetujuan", "permohonan.langkah", (("step", "periksa"),),
                  draft=demo.drafts["langsung"]),
        ErrorCase("cek-status-kosong", "permohonan.status", (("lain", "1"),)),
        ErrorCase("pengaduan-kosong", "pengaduan.kirim"),
        ErrorCase("cek-pengaduan-kosong", "pengaduan.cek"),
        ErrorCase("skm-kosong", "skm.isi"),
        ErrorCase("periksa-kembalikan-tanpa-alasan", "staf.permohonan", req["diajukan"],
                  visitor="verifikator", button="main button[value=kembalikan]"),
        ErrorCase("kembalikan-ke-verifikator-tanpa-alasan", "staf.permohonan", req["terlambat"],
                  visitor="kasubag_tu", button=act("kembalikan_ke_verifikator")),
        ErrorCase("setujui-kosong", "staf.permohonan", req["diparaf"], visitor="kepala_kantor",
                  button=act("setujui")),
        ErrorCase("tolak-tanpa-alasan", "staf.permohonan", req["diparaf"],
                  visitor="kepala_kantor", button=act("tolak")),
        ErrorCase("keberatan-kosong", "staf.keberatan", (("keberatan_id", demo.keberatan_id),),
                  visitor="kepala_kantor"),
        ErrorCase("layanan-baru-kosong", "admin.layanan_baru", visitor="admin"),
        ErrorCase("persyaratan-baru-kosong", "admin.persyaratan_baru",
                  (("layanan_id", demo.permohonan["diajukan"]["layanan_id"]),), visitor="admin"),
        ErrorCase("hari-tutup-kosong", "admin.hari_tutup", visitor="admin"),
        ErrorCase("tanggapan-pengaduan-kosong", "admin.tanggapi",
                  (("pengaduan_id", demo.pengaduan_id),), visitor="admin"),
        ErrorCase("satpam-kosong", "meragatan.satpam", visitor="satpam"),
        ErrorCase("akun-baru-kosong", "admin.akun_baru", visitor="admin"),
        ErrorCase("akun-ubah-tanpa-peran", "admin.akun_ubah", (("staf_id", demo.staf_id),),
                  visitor="admin"),
        ErrorCase("sandi-kosong", "staf.sandi", visitor="petugas"),
        ErrorCase("sandi-umum", "staf.sandi", visitor="verifikator",
                  fill=(("sandi_sekarang", DEMO_PASSWORD), ("sandi_baru", "password123"),
                        ("sandi_ulang", "password123"))),
        ErrorCase("sandi-pertama-kosong", "staf.sandi_pertama",
                  session=(("staf_session", demo.sesi_sandi_pertama),)),
        ErrorCase("maklumat-kosong", "admin.maklumat", visitor="admin"),
        ErrorCase("alihkan-pengaduan-kosong", "admin.tanggapi",
                  (("pengaduan_id", demo.pengaduan_id),), visitor="admin",
                  button="main form[action$='/alihkan'] button[type=submit]"),
        ErrorCase("tanggapan-integritas-kosong", "staf.integritas_tanggapi",
                  (("pengaduan_id", demo.pengaduan_integritas_id),), visitor="kepala_kantor"),
        ErrorCase("konsultasi-pesan-kosong", "konsultasi.ruang",
                  (("permohonan_id", demo.konsultasi["buka"]),),
                  button="main form[action$='/kirim'] button[type=submit]"),
        ErrorCase("rekaman-suara-kosong", "suara.rekam",
                  (("bahasa", "ban"), ("kunci", "bantuan")), visitor="admin"),
    ]
    for mode in demo.drafts:
        cases.append(ErrorCase(f"ajukan-jadwal-kosong-{mode}", "permohonan.langkah",
                               (("step", "jadwal"),), draft=demo.drafts[mode]))
    return cases


ERROR_CASES = {c.label: c for c in _error_cases()}

CLEAR_FORM = """
const form = arguments[0];
for (const el of form.elements) {
  if (el.type === 'hidden' || el.type === 'submit' || el.type === 'file' ||
      el.tagName === 'BUTTON') continue;
  if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
  else if (el.tagName === 'SELECT') el.selectedIndex = 0;
  else el.value = '';
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("label", list(ERROR_CASES))
def test_form_after_failed_submission(driver, label, width):
    """The error state: title prefixed "Kesalahan:", the error summary shown, and the whole
    page still passing axe (and reflowing at 320)."""
    case = ERROR_CASES[label]
    path = site().app.url_map.bind("localhost").build(case.endpoint, dict(case.values))
    become(driver, case.visitor)
    resize(driver, width)
    if case.visitor == "anonim":
        citizen_session(driver, {**({"draf_id": case.draft} if case.draft else {}),
                                 **dict(case.session)})
    driver.get(driver.base_url + path)
    state = page_state(driver)
    assert (state["status"], state["path"]) == (200, path.split("?")[0]), (
        f"{path} as {case.visitor} did not show its form: {state}")
    submit = driver.find_element(By.CSS_SELECTOR, case.button)
    form = submit.find_element(By.XPATH, "./ancestor::form")
    driver.execute_script(CLEAR_FORM, form)
    for field_id, value in case.fill:
        driver.find_element(By.ID, field_id).send_keys(value)
    click_and_wait(driver, submit)
    state = page_state(driver)
    assert state["status"] < 500, f"submitting {label}: server error {state['status']}"
    assert state["title"].startswith("Kesalahan:"), (
        f"after submitting {label} the title is {state['title']!r} ({state['path']})")
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), (
        f"{label}: no error summary shown")
    check_state(driver, (width, "error", label), f"{label} (after submitting) at {width}px",
                width)


def test_error_summary_takes_focus(driver):
    """A screen reader announces the summary at once; keyboard users start from it."""
    become(driver, "anonim")
    resize(driver, 1280)
    citizen_session(driver, {})
    driver.get(driver.base_url + "/staf/masuk")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    focused = driver.execute_script("return document.activeElement.className")
    assert "error-summary" in focused, f"focus is on {focused!r}, not the error summary"


def test_titles_tell_pages_apart():
    """A screen reader reads the title first, and the browser's tab list and history show
    only titles: two different pages must never share one (WCAG 2.4.2)."""
    if not TITLES:
        pytest.skip("no page audit ran in this session")
    shared = {title: sorted(endpoints) for title, endpoints in TITLES.items()
              if len(endpoints) > 1}
    assert not shared, f"pages sharing a title: {shared}"
    untitled = sorted(e for t, es in TITLES.items() if not t.split("MENTARI")[0].strip(" –")
                      for e in es)
    assert not untitled, f"pages without a title of their own: {untitled}"


def test_each_page_was_seen_by_who_may_see_it():
    """Coverage must not quietly shrink: every page rendered (not redirected) for the citizen
    (public pages) or for each role allowed to open it, in at least one of its cases."""
    planned = {(CASE_BY_KEY[k].endpoint, v, w, CASE_BY_KEY[k].label) for v, w, k in PLAN}
    if not planned <= set(VISITS):
        pytest.skip("only part of the page audits ran in this session")
    missing = []
    for endpoint in sorted({c.endpoint for c in CASES} - set(REDIRECT_ONLY)):
        for visitor in (v for v in VISITORS if may_see(endpoint, v)):
            if not any(landed for (e, v, _w, _l), landed in VISITS.items()
                       if e == endpoint and v == visitor):
                missing.append(f"{endpoint} as {visitor}")
    assert not missing, ("Pages never shown to those allowed to see them (redirected or "
                         "refused in every case; fix the page or its sample data):\n  "
                         + "\n  ".join(missing))


# --- Staff accounts (issue 17.1): last, since they change the accounts the audits above visit --
# The page showing a first password is a POST's answer (no URL to visit); a newcomer replaces
# their first password with the keyboard alone.

NEW_PASSWORD = "kebo ngigel di carik"
STAFF_FOCUS = """
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {id: el.id, name: el.name || '', inMain: !!el.closest('main'),
            drawn: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
                   cs.boxShadow !== 'none',
            submit: el.matches('main form button[type=submit]')};"""


def test_the_first_password_page_passes_axe(driver):
    from pwa.web import language
    become(driver, "admin")
    for lang in ("id", "ban"):
        for width in (1280, 320):
            resize(driver, width)
            driver.add_cookie({"name": language.COOKIE, "value": lang, "path": "/"})
            path = f"/staf/admin/akun/{site().demo.staf_reset_id}/reset-sandi"
            driver.get(driver.base_url + path)
            click_and_wait(driver, driver.find_element(
                By.CSS_SELECTOR, "main form button[type=submit]"))
            state = page_state(driver)
            assert state["status"] == 200 and driver.find_elements(By.CSS_SELECTOR,
                                                                   ".reg-number"), state
            check_state(driver, (width, lang, "kata-sandi-pertama", state["fingerprint"]),
                        f"first password page ({lang}) at {width}px", width)
    driver.delete_cookie(language.COOKIE)


def test_a_first_password_is_replaced_with_the_keyboard_alone(driver):
    become(driver, "anonim")
    resize(driver, 1280)
    citizen_session(driver, {"staf_session": site().demo.sesi_sandi_pertama})
    driver.get(driver.base_url + "/staf/sandi-pertama")
    typed = {"sandi_baru": NEW_PASSWORD, "sandi_ulang": NEW_PASSWORD}
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focus = driver.execute_script(STAFF_FOCUS)
        if focus is None:
            continue
        assert focus["drawn"], f"focus not visible on {focus}"
        if focus["name"] in typed:
            ActionChains(driver).send_keys(typed.pop(focus["name"])).perform()
        if focus["submit"]:
            assert not typed, f"the button came before the fields {sorted(typed)}"
            driver.execute_script("window.__oldPage = true")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            WebDriverWait(driver, 15).until(lambda d: d.execute_script(
                "return !window.__oldPage && document.readyState === 'complete'"))
            break
    else:
        raise AssertionError("80 Tabs never reached the button")
    state = page_state(driver)
    assert state["path"] == "/staf/antrean", state
    driver.visitor = None  # signed in as the newcomer now: the next test signs in afresh
# --- a complaint followed up with its number (issue 17.9) --------------------------------------

THREAD_VIEWS = [(width, None) for width in WIDTHS] + [
    (320, "kontras-tinggi"), (320, "teks-200"), (320, "ban")]


@pytest.mark.parametrize("width, setting", THREAD_VIEWS,
                         ids=[f"{w}-{s or 'biasa'}" for w, s in THREAD_VIEWS])
def test_complaint_thread_and_its_error(driver, width, setting):
    """The complaint's page, shown only as the answer to its number (never by address): its
    thread of follow-ups and the form to add to it, then that form refused (empty), in each
    language and display mode."""
    from pwa.web import language, tampilan as display
    demo = site().demo
    become(driver, "anonim")
    resize(driver, width)
    cookies = {}
    if setting == "ban":
        cookies[language.COOKIE] = "ban"
    elif setting:
        cookies[display.COOKIE] = setting
    citizen_session(driver, {}, cookies)
    driver.get(driver.base_url + "/pengaduan/cek")
    driver.find_element(By.ID, "nomor").send_keys(demo.pengaduan_integritas_nomor)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR,
                                               "main form[action$='/cek'] button"))
    state = page_state(driver)
    assert state["status"] == 200 and driver.find_elements(By.ID, "keterangan"), state
    check_state(driver, (width, setting, "pengaduan-utas", state["fingerprint"]),
                f"complaint thread ({setting or 'default'}) at {width}px", width)
    click_and_wait(driver, driver.find_element(
        By.CSS_SELECTOR, "main form[action$='/keterangan'] button[type=submit]"))
    state = page_state(driver)
    assert state["title"].startswith(("Kesalahan:", "Iwang:")), state["title"]
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    check_state(driver, (width, setting, "pengaduan-utas-error", state["fingerprint"]),
                f"complaint thread, addition refused ({setting or 'default'}) at {width}px",
                width)
