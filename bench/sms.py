"""The messages a citizen receives (issue 17 §5): how long each is, per kind and language, and
how many a request sends in each mode along its usual path.

    .venv/bin/python bench/sms.py [--public-url URL] [--telepon PHONE]

Long real values: the office's longest service name, an officer's name with titles, two-digit
days. Lengths are GSM 03.38 septets (one SMS holds 160); tests/services/test_pesan.py asserts
the limit, this prints the figures.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pwa import create_app, demo  # noqa: E402
from pwa.domain import pesan  # noqa: E402
from pwa.domain.workflow import Aksi, Mode  # noqa: E402
from pwa.services import notifikasi  # noqa: E402

OFFICER = "Dra. Ni Komang Ayu Sri Wahyuni"
# The usual path of a request in each mode, from submission to the report received.
PATHS = {
    Mode.ANTAR_JEMPUT: (Aksi.AJUKAN, Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.JEMPUT,
                        Aksi.TIBA_DI_KANTOR, Aksi.ANTAR_PULANG, Aksi.LAPOR, Aksi.PARAF_LAPORAN,
                        Aksi.TERIMA_LAPORAN),
}
for _mode in (Mode.JEMPUT_BOLA, Mode.KONSULTASI, Mode.LANGSUNG):
    PATHS[_mode] = (Aksi.AJUKAN, Aksi.TERUSKAN, Aksi.PARAF, Aksi.SETUJUI, Aksi.LAPOR,
                    Aksi.PARAF_LAPORAN, Aksi.TERIMA_LAPORAN)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--public-url", default="https://mentari.kemenag-karangasem.go.id")
    parser.add_argument("--telepon", default="(0363) 21011")
    args = parser.parse_args()
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE": ":memory:",
                      "PUBLIC_URL": args.public_url, "KANTOR_TELEPON": args.telepon})
    service = max((s[1] for s in demo.DEMO_SERVICES), key=len)
    print(f"service {service!r} ({len(service)}), officer {OFFICER!r} ({len(OFFICER)}), "
          f"link {args.public_url}/status, phone {args.telepon}")
    print(f"{'kind':<28} {'id':>4} {'ban':>4}")
    with app.test_request_context():
        def request(language, mode):
            return {"id": 1, "nomor": "482173056294", "layanan_nama": service,
                    "mode": str(mode), "bahasa": language, "petugas_nama": OFFICER,
                    "batas_sop": "2026-12-30", "jadwal_petugas": "2026-12-30T10:30"}
        rows = [(f"{a}" + (f" ({m})" if a is Aksi.SETUJUI else ""),
                 lambda lang, a=a, m=m: notifikasi.message(request(lang, m), a))
                for a in sorted(pesan.TELLS)
                for m in (Mode if a is Aksi.SETUJUI else (Mode.LANGSUNG,))]
        rows += [(f"keberatan {s}", lambda lang, s=s: notifikasi.keberatan_message(
            request(lang, Mode.LANGSUNG), s, OFFICER)) for s in sorted(pesan.KEBERATAN_TELLS)]
        for kind, make in rows:
            lengths = [pesan.septets(make(lang)) for lang in ("id", "ban")]
            print(f"{kind:<28} {lengths[0]:>4} {lengths[1]:>4}")
        print()
        for mode, path in PATHS.items():
            sent = [a for a in path if pesan.tells_citizen(a)]
            parts = sum(pesan.sms_parts(notifikasi.message(request("id", mode), a))
                        for a in sent)
            print(f"{mode}: {len(sent)} messages ({parts} SMS) over {len(path)} steps")


if __name__ == "__main__":
    main()
