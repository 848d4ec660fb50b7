"""Every route of the app as page cases, in one place: the Case lists the page audit visits
(a11y_tests/test_pages_*.py), the forms' error states, the visitors and who may see what, and
how a browser is put in a visitor's place. bench/page_weight.py measures the same pages.

Pages are discovered from `app.url_map`, so a new page is audited without anyone remembering to
add it. A route whose URL needs values gets them from ARG_SAMPLES (or ENDPOINT_CASES); a route
that is not a page (a download, a JSON answer, a POST action) must be listed in EXCLUDED with the
reason. `test_every_route_is_audited_or_excluded` fails for anything else. A new page with a
state the URL alone does not reach: add a Case function to ENDPOINT_CASES; a new form: add its
failed submission to `_error_cases`.

Visitors: `anonim` is a citizen's browser that has proven it owns the demo requests (as after
"cek status"); the others are the demo staff accounts.
"""
import hashlib
import inspect
import itertools
from dataclasses import dataclass, field

from pwa.demo import DEMO_PASSWORD

from .axe import audit
from .site import login_as, site

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
    "shell.favicon": "the 32 px icon (PNG) for browsers that ask /favicon.ico",
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
    # Issue 19 (keluarga):
    "keluarga.pilih": "POST only: chooses a member, then shows where she was going (or her PIN)",
    "keluarga.hapus": "POST only: removes a member, then shows keluarga.anggota",
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


def _family_cases(rule, demo, build):
    """The family pages on a phone with members (Nenek with a PIN, Putu without): the chooser
    also on a phone with none; her PIN page; changing or removing Putu."""
    on_phone = {"perangkat": demo.keluarga_hp}
    if rule.endpoint == "keluarga.anggota":
        return [Case(rule.endpoint, "kosong", build(rule, {}), {}, must_land=True),
                Case(rule.endpoint, "keluarga", build(rule, {}), on_phone, must_land=True)]
    if rule.endpoint == "keluarga.baru":
        return [Case(rule.endpoint, "", build(rule, {}), on_phone, must_land=True)]
    kode = demo.anggota_pin if rule.endpoint == "keluarga.buka" else demo.anggota_tanpa_pin
    return [Case(rule.endpoint, "", build(rule, {"kode": kode}), on_phone, must_land=True)]


# Endpoints that need more than ARG_SAMPLES (several values, or a citizen session state):
# endpoint → case builder.
def _consultation_cases(rule, demo, build):
    """A consultation's room in each state: open (with messages), not open yet, ended."""
    return [Case(rule.endpoint, state, build(rule, {"permohonan_id": pid}), must_land=True)
            for state, pid in demo.konsultasi.items()]


# Pages whose every case (not only the first) the display-mode and Basa Bali sweeps visit
# (test_pages_display.py): their cases are states that look different, not one page with
# another id. The room's states the URL does not reach (a call ringing, connected, a message
# refused) are swept in test_konsultasi_ruang.py::test_every_call_state_in_each_language_and_mode.
EVERY_CASE_SWEPT = ("komponen.component", "konsultasi.ruang")

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
    "keluarga.anggota": _family_cases,
    "keluarga.baru": _family_cases,
    "keluarga.buka": _family_cases,
    "keluarga.ubah": _family_cases,
    "keluarga.hapus_tanya": _family_cases,
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
        ErrorCase("anggota-baru-kosong", "keluarga.baru",
                  session=(("perangkat", demo.keluarga_hp),)),
        ErrorCase("anggota-pin-kosong", "keluarga.buka", (("kode", demo.anggota_pin),),
                  session=(("perangkat", demo.keluarga_hp),)),
        ErrorCase("anggota-ubah-pin-salah", "keluarga.ubah", (("kode", demo.anggota_tanpa_pin),),
                  fill=(("nama", "Putu"), ("pin", "12")),
                  session=(("perangkat", demo.keluarga_hp),)),
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


# What each distinct page-state's checks found, for every audit of this process: a page-state
# (same markup at the same width and setting) is checked once.
RESULTS: dict[tuple, str | None] = {}  # page-state key → None (passed) or the failure report


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
