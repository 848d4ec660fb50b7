"""Windows High Contrast and Android's forced colours (issue 3 §2): the browser replaces every
colour and drops box shadows and background images. What MENTARI draws with a shadow or a
background alone (a focus ring, a button's edge) then vanishes; this proves it does not.

Forced colours are emulated through DevTools (Emulation.setEmulatedMedia), which Chromium
renders as the real mode: shadows become `none` in the computed style.
"""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

PAGES = ("/", "/ajukan/satu-halaman", "/status", "/tampilan", "/staf/masuk")

FOCUS_RING = """
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' +
                  (el.textContent || el.value || '').trim().slice(0, 30),
            outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
            shadow: cs.boxShadow};"""

EDGES = """
    const bare = [];
    for (const el of document.querySelectorAll('.button, .input, .select, .textarea')) {
      const r = el.getBoundingClientRect();
      if (!r.width) continue;
      const cs = getComputedStyle(el);
      const sides = ['Top', 'Right', 'Bottom', 'Left'].filter(
        s => cs['border' + s + 'Style'] !== 'none' && parseFloat(cs['border' + s + 'Width']) > 0);
      if (sides.length < 4) bare.push(el.tagName.toLowerCase() + '.' + el.className + ' ' +
                                     (el.textContent || el.name || '').trim().slice(0, 30));
    }
    return bare;"""


@pytest.fixture
def forced_colours(driver):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "forced-colors", "value": "active"}]})
    yield driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_focus_rings_and_edges_survive_forced_colours(forced_colours):
    driver = forced_colours
    driver.delete_all_cookies()
    driver.visitor = None
    driver.set_window_size(1280, 900)
    lost, bare = {}, {}
    for path in PAGES:
        driver.get(driver.base_url + path)
        assert driver.execute_script("return matchMedia('(forced-colors: active)').matches")
        assert driver.execute_script(
            "return getComputedStyle(document.querySelector('.button, a')).boxShadow") == "none", (
            "forced colours are not rendered: shadows should be dropped")
        for _ in range(25):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            ring = driver.execute_script(FOCUS_RING)
            if ring and not ring["outline"]:
                lost.setdefault(path, []).append(ring["what"])
        if edges := driver.execute_script(EDGES):
            bare[path] = edges[:5]
    assert not lost, f"focus invisible in forced colours (no outline): {lost}"
    assert not bare, f"controls without a full border in forced colours: {bare}"
