"""Figures for issue 17.3 and 17.7: how long a staff search takes in a large office, and how
long the waiting room's TV waits for a call to be spoken.

    .venv/bin/python bench/lapangan.py [--requests 20000] [--repeat 20]

- Search: a temporary database with `--requests` requests (names, phones and NIKs made up),
  each kind of search (registration number, name, phone, last NIK digits) run `--repeat`
  times through the store; prints the median and the slowest in milliseconds.
- Voice: the call sentence synthesised by speech/tts.py (espeak-ng, or the installed Piper
  voice) the first time, then from its cache; prints seconds and the Ogg's size.
"""
import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pwa.domain import nomor  # noqa: E402
from pwa.store import connect, migrate, permohonan as requests, transaction  # noqa: E402

GIVEN = ("Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede", "Luh", "Nengah")
FAMILY = ("Sukerti", "Murjana", "Suastini", "Sudira", "Rasmini", "Ardana", "Sukarni", "Andika",
          "Sumerta", "Dewi", "Arsa", "Budi", "Sari", "Rai", "Wirawan", "Sudarma")


def _office(db, count: int) -> list[dict]:
    db["layanan"].insert({"id": 1, "slug": "surat", "nama": "Surat keterangan"})
    rng = random.Random(17)
    made = []
    with transaction(db):
        for i in range(count):
            data = {"nama": f"{rng.choice(('I', 'Ni'))} {rng.choice(GIVEN)} "
                            f"{rng.choice(FAMILY)} {rng.choice(FAMILY)}",
                    "telepon": f"08{rng.randrange(10**9, 10**10)}",
                    "nik": f"5107{rng.randrange(10**11, 10**12)}",
                    "alamat": "-", "desa": "Subagan", "kecamatan": "Karangasem"}
            number = nomor.generate()
            requests.create(db, nomor=number, idempotency_key=None, layanan_id=1,
                            mode="langsung", status="diajukan", data=data, bahasa="id",
                            batas_sop="2099-01-01", now=f"2026-01-01T00:00:{i % 60:02d}+00:00")
            made.append(dict(data, nomor=number))
    return made


def _time(fn, repeat: int) -> tuple[float, float]:
    spent = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(spent), max(spent)


def search(count: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(str(Path(tmp) / "bench.db"))
        migrate(db)
        made = _office(db, count)
        target = made[count // 2]
        kinds = {
            "nomor": dict(nomor=target["nomor"]),
            "nama (2 words)": dict(nama=" ".join(target["nama"].split()[1:3])),
            "telepon": dict(telepon=target["telepon"]),
            "nik (4 digits)": dict(nik_akhir=target["nik"][-4:]),
            "nik (4 digits), petugas": dict(nik_akhir=target["nik"][-4:], petugas_id=1),
        }
        print(f"search over {count} requests ({repeat} runs each):")
        for kind, query in kinds.items():
            found = len(requests.search(db, **query, limit=51))
            median, worst = _time(lambda: requests.search(db, **query, limit=51), repeat)
            print(f"  {kind:26s} {found:3d} found   median {median:6.1f} ms   max {worst:6.1f} ms")
        db.conn.close()


def voice() -> None:
    from speech import tts
    sentence = "Nomor P 0 0 1, silakan ke Loket 1 PTSP."
    with tempfile.TemporaryDirectory() as tmp:
        tts.configure(tmp)
        start = time.perf_counter()
        path = tts.speak(sentence, "id")
        first = time.perf_counter() - start
        start = time.perf_counter()
        tts.speak(sentence, "id")
        cached = time.perf_counter() - start
        engine, name = tts.engine_for("id")
        print(f"call spoken by {engine} ({name}): first {first:.2f} s, cached {cached * 1000:.1f}"
              f" ms, {path.stat().st_size / 1024:.1f} KB Ogg/Opus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    search(args.requests, args.repeat)
    voice()


if __name__ == "__main__":
    main()
