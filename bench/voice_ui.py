"""What voice mode costs a phone on 2G: the size of its scripts and of its markup, compressed.

    .venv/bin/python bench/voice_ui.py

Prints bytes (raw and gzip -9) of the voice scripts static/js/voice-*.js (loaded only while voice
mode is on; each file and all of them) and voice-offer.js (loaded only on a first visit, until
voice mode is chosen or refused), and what the offer and the voice panel add to a page's HTML.
"""
import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, 9))


def main() -> None:
    from pwa import create_app, demo, store
    from pwa.suara import SCRIPTS

    print(f"{'what':48} {'raw':>8} {'gzip':>8}")
    total = [0, 0]
    for name in SCRIPTS + ("js/voice-offer.js",):
        raw, packed = sizes((ROOT / "pwa/static" / name).read_bytes())
        print(f"{'static/' + name:48} {raw:8d} {packed:8d}")
        if name in SCRIPTS:
            total = [total[0] + raw, total[1] + packed]
    print(f"{'the voice scripts, each compressed':48} {total[0]:8d} {total[1]:8d}")

    folder = tempfile.mkdtemp(prefix="mentari-bench-")
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                      "DATABASE": os.path.join(folder, "m.db"),
                      "UPLOAD_FOLDER": os.path.join(folder, "up"),
                      "NOTIFY_OUTBOX_FILE": os.path.join(folder, "outbox.log")})
    with app.app_context():
        db = store.connect(app.config["DATABASE"])
        demo.load(db, app.config)
        db.conn.close()
    for path in ("/", "/ajukan", "/status"):
        row = {}
        for label, cookie in (("mati", "suara-mati"), ("tawaran", None), ("aktif", "suara-aktif")):
            client = app.test_client()
            if cookie:
                client.set_cookie("tampilan", cookie)
            html = client.get(path).get_data()
            # The CSRF token differs per visitor; blank it so the sizes compare markup only.
            row[label] = sizes(re.sub(rb'value="[^"]{40,}"', b'value=""', html))[1]
        print(f"{'HTML ' + path + ' gzip: off / offer / on':48} "
              f"{row['mati']:>5d} / {row['tawaran']:d} / {row['aktif']:d}")


if __name__ == "__main__":
    main()
