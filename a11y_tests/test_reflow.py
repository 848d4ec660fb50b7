"""Large text on a small phone: at 150% and 200% text in a 320 px window, the words a person
reads to find their way (the header, headings, buttons, the labels of choices) stay whole.

The audit (test_pages_*) already proves there is no sideways scroll. This checks what it cannot:
that the page did not get there by cutting words in two ("MENTA / RI", "Tampila / n"), which
makes a grandmother with 200% text read nonsense. A word too long for a line of its own may
still break; every other word must sit on one line.
"""
import pytest

from pwa.web import tampilan as display

PAGES = ("/", "/layanan", "/ajukan", "/status", "/tampilan", "/skm/isi", "/pengaduan",
         "/staf/masuk")

SPLIT_WORDS = """
    const root = document.documentElement;
    const found = [];
    const places = document.querySelectorAll(
      '.site-header, h1, h2, h3, .button, .choice__label, label, legend');
    for (const place of places) {
      const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (!t.parentElement.offsetParent) continue;           // not shown
        const re = /\\S+/g;
        let m;
        while ((m = re.exec(t.nodeValue))) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
          if (lines.size < 2) continue;
          // Would the word fit on a line of its own in its box? Measure it unbroken.
          const probe = document.createElement('span');
          probe.style.whiteSpace = 'nowrap';
          probe.textContent = m[0];
          t.parentElement.appendChild(probe);
          const width = probe.getBoundingClientRect().width;
          probe.remove();
          // ...in the column that holds it: the nearest box whose width the page sets (a
          // fieldset, panel, card, cell or section), not a flex item that shrank to its text.
          // A choice's label is the column beside its radio button: that is all it can have.
          const column = t.parentElement.closest(
            '.choice__label, fieldset, .panel, .card, li, td, th, section, form, header, main, ' +
            'footer, body');
          const cs = getComputedStyle(column);
          const room = column.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          if (width <= room - 10) found.push(m[0] + ' (in ' + place.tagName.toLowerCase() +
                                             (place.className ? '.' + place.className : '') + ')');
        }
      }
    }
    return found;"""


@pytest.mark.parametrize("setting", ["teks-150", "teks-200"])
def test_words_stay_whole_with_large_text_at_320(driver, setting):
    driver.delete_all_cookies()
    driver.visitor = None
    driver.set_window_size(320, 800)
    driver.get(driver.base_url + "/healthz")
    driver.add_cookie({"name": display.COOKIE, "value": setting, "path": "/"})
    split = {}
    for path in PAGES:
        driver.get(driver.base_url + path)
        assert setting in driver.execute_script("return document.documentElement.className")
        words = driver.execute_script(SPLIT_WORDS)
        if words:
            split[path] = words[:6]
    driver.delete_all_cookies()
    assert not split, f"words cut in two at 320 px with {setting}: {split}"
