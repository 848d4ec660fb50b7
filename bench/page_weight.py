"""What the first visit of every citizen page costs a phone: bytes transferred, compressed.

    .venv/bin/python bench/page_weight.py

Every page a citizen (anonymous) can open is found from the Flask URL map, with the sample
values of the accessibility audit (a11y_tests/harness/routes.py), and fetched as Chromium asks for
it (Accept-Encoding: gzip, deflate, br, zstd) with an empty cache: the page, then every file
it makes the browser fetch (stylesheets, scripts, images and posters, the icon, the web
manifest). Sizes are bodies as sent plus response headers. Audio and video files are left
out (they download only when played). Budget (issue 3 §6): 50 KB in all, 25 KB of JavaScript.

After the first page the service worker installs in the background: its script and the shell
it keeps for offline use are printed on their own line.
"""
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACCEPT_ENCODING = "gzip, deflate, br, zstd"   # Chromium's
BUDGET_TOTAL, BUDGET_JS = 50 * 1024, 25 * 1024


class Subresources(HTMLParser):
    """The files a browser fetches for a page, by kind."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel:
            self.found.append(("css", a["href"]))
        elif tag == "link" and "icon" in rel:
            self.found.append(("img", a["href"]))
        elif tag == "link" and "manifest" in rel:
            self.found.append(("other", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag == "img" and a.get("src"):
            self.found.append(("img", a["src"]))
        elif tag == "video" and a.get("poster") and a.get("preload") != "none" or (
                tag == "video" and a.get("poster")):
            self.found.append(("img", a["poster"]))


def transferred(response) -> int:
    headers = sum(len(k) + len(v) + 4 for k, v in response.headers.items())
    return len(response.data) + headers + len("HTTP/1.1 200 OK\r\n\r\n")


def fetch(client, url: str):
    return client.get(url, headers={"Accept-Encoding": ACCEPT_ENCODING})


def citizen_pages():
    """(label, path, session) of every page an anonymous citizen can see."""
    from a11y_tests.harness.routes import discover, may_see
    cases, _uncovered = discover()
    return [(c.key, c.path, c.session) for c in cases if may_see(c.endpoint, "anonim")
            and not c.endpoint.startswith("gallery.")]


def measure(client, path: str) -> dict:
    page = fetch(client, path)
    kinds = {"html": transferred(page), "css": 0, "js": 0, "img": 0, "other": 0}
    parser = Subresources()
    # The page as sent, decoded: a second request would be a second visit, which differs
    # (the first visit inlines the stylesheet and asks the first-visit questions).
    parser.feed(_decoded(page))
    seen = set()
    for kind, href in parser.found:
        url = urljoin("http://localhost" + path, href)
        if url in seen or urlsplit(url).netloc != "localhost":
            continue
        seen.add(url)
        parts = urlsplit(url)
        kinds[kind] += transferred(fetch(client, parts.path + ("?" + parts.query
                                                                 if parts.query else "")))
    kinds["status"] = page.status_code
    kinds["total"] = sum(v for k, v in kinds.items() if k in ("html", "css", "js", "img",
                                                                "other"))
    return kinds


def _decoded(response) -> str:
    import gzip

    import brotli
    data, encoding = response.get_data(), response.headers.get("Content-Encoding")
    if encoding == "br":
        data = brotli.decompress(data)
    elif encoding == "gzip":
        data = gzip.decompress(data)
    elif encoding == "zstd":
        import zstandard
        data = zstandard.ZstdDecompressor().decompressobj().decompress(data)
    return data.decode("utf-8")


def _plain(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


def session_cookie(app, data: dict) -> str:
    return app.session_interface.get_signing_serializer(app).dumps(data)


def main() -> None:
    from a11y_tests.harness.site import site
    s = site()
    app = s.app
    rows = []
    for label, path, extra in citizen_pages():
        client = app.test_client()
        # A citizen who has just looked up their requests (as the audit's "anonim").
        client.set_cookie(app.config["SESSION_COOKIE_NAME"],
                          session_cookie(app, {"milik": s.demo.owned, **extra}))
        rows.append((label, path, measure(client, path)))

    kb = lambda n: f"{n / 1024:6.1f}"  # noqa: E731
    print(f"{'page':44} {'status':>6} {'html':>6} {'css':>6} {'js':>6} {'img':>6} "
          f"{'other':>6} {'total':>6}  KB, compressed")
    for label, path, m in rows:
        flag = ""
        if m["total"] > BUDGET_TOTAL or m["js"] > BUDGET_JS:
            flag = "  OVER BUDGET"
        print(f"{label[:44]:44} {m['status']:6d} {kb(m['html'])} {kb(m['css'])} {kb(m['js'])} "
              f"{kb(m['img'])} {kb(m['other'])} {kb(m['total'])}{flag}")
    rows = [r for r in rows if r[2]["status"] == 200]   # a redirect is not a page
    totals = [m["total"] for _l, _p, m in rows]
    scripts = [m["js"] for _l, _p, m in rows]
    heaviest = max(rows, key=lambda r: r[2]["total"])
    print(f"\n{len(rows)} citizen pages; total per first visit: median "
          f"{sorted(totals)[len(totals) // 2] / 1024:.1f} KB, largest {max(totals) / 1024:.1f} KB "
          f"({heaviest[0]}); JavaScript largest {max(scripts) / 1024:.1f} KB. "
          f"Budget: {BUDGET_TOTAL // 1024} KB, JS {BUDGET_JS // 1024} KB: "
          f"{'within' if max(totals) <= BUDGET_TOTAL and max(scripts) <= BUDGET_JS else 'OVER'}.")

    # The service worker, installed once in the background after the first page. The shell's
    # static files were mostly fetched by that page already (the browser's cache serves them).
    client = app.test_client()
    sw = fetch(client, "/sw.js")
    urls = re.findall(r'"([^"]+)"', re.search(r"var PRECACHE = (\[.*?\]);",
                                              _plain(client, "/sw.js")).group(1))
    first_page = measure(app.test_client(), "/")
    already = set(re.findall(r'(?:href|src)="([^"]+)"', _plain(app.test_client(), "/")))
    # As the worker asks for them: without cookies, marked as its own copies.
    extra = sum(transferred(app.test_client().get(u, headers={
        "Accept-Encoding": ACCEPT_ENCODING, "X-Mentari-Simpan": "1"}))
        for u in urls if u not in already)
    print(f"service worker (background, once): sw.js {transferred(sw) / 1024:.1f} KB + shell "
          f"not already on the page {extra / 1024:.1f} KB ({len(urls)} files and pages); "
          f"first visit of / with it: {(first_page['total'] + transferred(sw) + extra) / 1024:.1f}"
          " KB")


if __name__ == "__main__":
    main()
