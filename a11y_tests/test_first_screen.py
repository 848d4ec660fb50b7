"""The question on the first screen (issue 21), on a phone: 412x915 CSS pixels, scrollbars
over the page as on Android. For every citizen page, in both languages:

- with ordinary text the page's <h1> ends on the first screen; with the largest text (200%)
  within one and a half screens;
- on a first visit (the language and voice offers shown), the <h1> is still on the first
  screen of the pages people arrive on, and the largest paint is the page's own content;
- with Aksara Bali on, no heading's Balinese script breaks inside a word.

Pages are found from the URL map (every GET page a citizen may open, with the demo request
and draft as their values), so a new page is measured without anyone adding it.
"""
import pytest

from .harness.site import site

WIDTH, HEIGHT = 412, 915
# Not pages a person reads (files, sounds, the worker, JSON).
NOT_PAGES = ("static", "shell.healthz", "shell.manifest", "shell.sw", "shell.favicon", "suara.",
             "isyarat.berkas", "permohonan.dokumen", "komponen.")
ARRIVALS = ("/", "/layanan", "/ajukan", "/ajukan/satu-halaman", "/status", "/pengaduan",
            "/skm", "/skm/isi", "/luring")

MEASURE = """
const h1 = document.querySelector('main h1');
const r = h1 ? h1.getBoundingClientRect() : null;
return {status: performance.getEntriesByType('navigation')[0].responseStatus,
        lang: document.documentElement.lang,
        top: r ? r.top + scrollY : null, bottom: r ? r.bottom + scrollY : null};
"""

# Every word of Balinese script in a heading, and on how many lines it is drawn (1 is right).
AKSARA_WORDS = """
const words = [];
document.querySelectorAll('.aksara').forEach(el => {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    for (const m of t.nodeValue.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(t, m.index);
      range.setEnd(t, m.index + m[0].length);
      const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
      words.push([m[0], tops.size]);
    }
  }
});
return words;
"""

LCP = """
const done = arguments[arguments.length - 1];
new PerformanceObserver(list => {
  const last = list.getEntries().pop();
  const el = last && last.element;
  done(el ? {inMain: !!el.closest('main'), what: el.tagName + ' ' + (el.textContent || '')
             .trim().slice(0, 40)} : null);
}).observe({type: 'largest-contentful-paint', buffered: true});
setTimeout(() => done(null), 2000);
"""


def citizen_pages() -> list[tuple[str, str]]:
    """(endpoint, path) of every GET page a citizen may open."""
    from pwa.domain.langkah import STEPS
    s = site()
    adapter = s.app.url_map.bind("localhost")
    values = {"permohonan_id": s.demo.permohonan["diajukan"]["permohonan_id"]}
    pages = []
    for rule in s.app.url_map.iter_rules():
        view = s.app.view_functions[rule.endpoint]
        if ("GET" not in rule.methods or rule.endpoint.startswith(NOT_PAGES)
                or getattr(view, "roles", None) or rule.rule.startswith("/staf")):
            continue
        needed = rule.arguments - set(rule.defaults or {})
        if needed == {"step"}:
            pages += [(rule.endpoint, adapter.build(rule.endpoint, {"step": step}))
                      for step in STEPS]
        elif needed <= set(values):
            pages.append((rule.endpoint, adapter.build(rule.endpoint,
                                                       {k: values[k] for k in needed})))
    return sorted(set(pages), key=lambda p: p[1])


@pytest.fixture
def phone_screen(driver):
    """The shared browser as a phone's screen, given back as it was."""
    driver.visitor = None
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.delete_all_cookies()


def citizen(driver, display: str | None, lang: str, first_visit: bool = False) -> None:
    """A citizen's phone that owns the demo requests and has a draft under way."""
    s = site()
    if not driver.current_url.startswith(driver.base_url):
        driver.get(driver.base_url + "/healthz")
    driver.delete_all_cookies()
    session = s.app.session_interface.get_signing_serializer(s.app).dumps(
        {"milik": s.demo.owned, "draf_id": s.demo.drafts["antar_jemput"]})
    driver.add_cookie({"name": s.app.config["SESSION_COOKIE_NAME"], "value": session,
                       "path": "/", "httpOnly": True})
    if not first_visit:
        driver.add_cookie({"name": "ditawari", "value": "1", "path": "/"})
        driver.add_cookie({"name": "bahasa", "value": lang, "path": "/"})
    if display:
        driver.add_cookie({"name": "tampilan", "value": display, "path": "/"})


@pytest.mark.parametrize("lang", ["id", "ban"])
def test_the_question_is_on_the_first_screen(phone_screen, lang):
    driver = phone_screen
    pages = citizen_pages()
    assert len(pages) > 20, pages
    too_low, broken, measured = [], [], 0
    for state, display, limit in (("100%", "suara-mati", 1.0), ("200%", "suara-mati.teks-200", 1.5),
                                  ("Aksara Bali", "aksara-aktif.suara-mati", 1.0)):
        citizen(driver, display, lang)
        for endpoint, path in pages:
            driver.get(driver.base_url + path)
            m = driver.execute_script(MEASURE)
            if m["status"] != 200 or m["top"] is None:
                continue   # a redirect (a step not yet reachable) is measured where it lands
            assert m["lang"] == lang, (path, m)
            measured += 1
            if m["bottom"] > limit * HEIGHT:
                too_low.append(f"{path} at {state}: h1 ends {m['bottom'] / HEIGHT:.2f} screens "
                               f"down (limit {limit})")
            if state == "Aksara Bali":
                split = [w for w, lines in driver.execute_script(AKSARA_WORDS) if lines > 1]
                if split:
                    broken.append(f"{path}: {split}")
    assert measured > 2 * 20, measured
    assert not too_low and not broken, "\n".join(
        too_low + ["Aksara Bali words broken across lines:"] * bool(broken) + broken)


@pytest.mark.parametrize("lang", ["id", "ban"])
def test_a_first_visit_shows_the_offers_and_still_the_question(phone_screen, lang):
    driver = phone_screen
    problems = []
    for path in ARRIVALS:
        citizen(driver, None, lang, first_visit=True)
        driver.get(driver.base_url + path + ("?lang=ban" if lang == "ban" else ""))
        offers = driver.find_elements("css selector", "[data-suara-tawaran]")
        if not offers:
            problems.append(f"{path}: no voice offer on a first visit")
        m = driver.execute_script(MEASURE)
        if m["bottom"] is None or m["bottom"] > HEIGHT:
            problems.append(f"{path}: h1 ends {(m['bottom'] or 0) / HEIGHT:.2f} screens down")
        lcp = driver.execute_async_script(LCP)
        if lcp and not lcp["inMain"]:
            problems.append(f"{path}: the largest paint is outside the page's content: "
                            f"{lcp['what']}")
        # Asked once: the next page does not ask again.
        driver.get(driver.base_url + "/layanan")
        if driver.find_elements("css selector", "[data-suara-tawaran], .language-offer"):
            problems.append(f"{path}: the offers come back on the next page")
    assert not problems, "\n".join(problems)
