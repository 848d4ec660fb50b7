"""Aksara Bali in a real browser (issue 4 §5): with the option on, headings carry their
Balinese-script copy in the self-hosted Noto Sans Balinese, and stacked consonants (a letter
with adeg-adeg followed by another, drawn as a gantungan below) are shaped as stacks. With the
option off, no font is fetched at all (2G budget)."""
import os
import tempfile

from selenium.webdriver.support.ui import WebDriverWait

from pwa.web import tampilan as display

FONT = "noto-sans-balinese-balinese-400-normal.woff2"

# Canvas text metrics in the Balinese font: a stack (na + adeg-adeg + ta: the ta hangs below
# the na as its gantungan) must be narrower than the two letters side by side and reach
# further down. (Not every pair hangs: pa and sa attach at the side as gempelan, so ma-pa in
# "tampilan" is shaped beside, correctly.)
STACK_METRICS = """
    const done = arguments[arguments.length - 1];
    document.fonts.load('40px "Noto Sans Balinese"', '\u1b2b').then(() => {
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = '40px "Noto Sans Balinese"';
      const m = t => { const r = ctx.measureText(t);
                       return {width: r.width, below: r.actualBoundingBoxDescent}; };
      done({loaded: document.fonts.check('40px "Noto Sans Balinese"', '\u1b2b'),
            stack: m('\u1b26\u1b44\u1b22'), pair: m('\u1b26\u1b22'),
            sastra: m('\u1b32\u1b32\u1b44\u1b22\u1b44\u1b2d'), sasa: m('\u1b32\u1b32')});
    });"""


def fonts_fetched(driver) -> list[str]:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('.woff'))")


def test_headings_in_aksara_bali_with_stacked_consonants(driver):
    driver.delete_all_cookies()
    driver.visitor = None
    driver.set_window_size(360, 800)
    driver.get(driver.base_url + "/tampilan")
    assert not driver.find_elements("css selector", ".aksara")
    assert fonts_fetched(driver) == [], "a font was fetched with Aksara Bali off"

    driver.add_cookie({"name": display.COOKIE, "value": "aksara-aktif", "path": "/"})
    driver.get(driver.base_url + "/tampilan")
    heading = driver.find_element("css selector", "main h1")
    script = heading.find_element("css selector", ".aksara")
    assert script.get_attribute("lang") == "ban-Bali"
    assert script.get_attribute("aria-hidden") == "true"
    assert all("\u1b00" <= ch <= "\u1b7f" or ch == " " for ch in script.text)
    # "tampilan": ma + adeg-adeg + pa (a gempelan, beside); "MENTARI": na + adeg-adeg + ta.
    assert "\u1b2b\u1b44\u1b27" in script.text
    assert "\u1b26\u1b44\u1b22" in driver.find_element(
        "css selector", ".site-header__name .aksara").text

    metrics = driver.execute_async_script(STACK_METRICS)
    assert metrics["loaded"], "Noto Sans Balinese did not load"
    assert any(FONT in name for name in fonts_fetched(driver))
    stack, pair = metrics["stack"], metrics["pair"]
    assert stack["width"] < pair["width"] * 0.8, f"na-ta not stacked: {metrics}"
    assert stack["below"] > pair["below"] + 5, f"the gantungan does not hang below: {metrics}"
    # s-t-r: two stacked consonants under the second sa.
    assert metrics["sastra"]["width"] < metrics["sasa"]["width"] * 1.2, metrics

    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "return document.fonts.status === 'loaded'"))
    shots = tempfile.mkdtemp(prefix="mentari-aksara-")
    driver.execute_script("arguments[0].scrollIntoView()", heading)
    heading.screenshot(os.path.join(shots, "tampilan-h1.png"))
    print(f"Aksara Bali heading screenshot: {shots}/tampilan-h1.png")
    driver.delete_cookie(display.COOKIE)
