"""Sign-language clip renditions: size, bitrate and download time of each for a reference 30 s
clip, and how long transcoding takes on this machine. Prints figures; asserts nothing.

    .venv/bin/python bench/video.py [--seconds 30]

The reference clip is synthetic (no recording of a signer ships with the code): a 640×360
30 fps card with two moving shapes and sensor-like grain, so the encoder works roughly as hard
as on a phone recording of a signer against a plain wall.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pwa.isyarat import contoh as isyarat_contoh, media as isyarat_media  # noqa: E402

# Typical sustained throughput on the links of rural Karangasem (kbit/s).
LINKS = {"2G EDGE": 100, "3G": 750}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = tmp / "referensi.mp4"
        started = time.perf_counter()
        isyarat_contoh.buat_video(source, "bench", seconds=args.seconds, width=640, height=360,
                                  fps=30, noise=True)
        made = time.perf_counter() - started
        print(f"reference clip: {args.seconds:.0f} s, 640x360 30 fps, "
              f"{source.stat().st_size / 1024:.0f} KB (made in {made:.1f} s)")

        out = tmp / "out"
        out.mkdir()
        started = time.perf_counter()
        result = isyarat_media.transcode(source, out)
        took = time.perf_counter() - started
        print(f"transcode (both renditions + poster, one decode): {took:.1f} s "
              f"= {args.seconds / took:.1f}x real time")
        print()
        header = (f"{'rendition':<10} {'size':>9} {'frame':>9} {'fps':>4} {'target':>8} "
                  f"{'actual':>8} " + " ".join(f"{name:>9}" for name in LINKS))
        print(header)
        print("-" * len(header))
        for r in isyarat_media.RENDITIONS:
            facts = result.renditions[r.name]
            size = facts["bytes"]
            times = " ".join(f"{size * 8 / 1000 / kbps:>8.1f}s" for kbps in LINKS.values())
            print(f"{r.name:<10} {size / 1024:>6.0f} KB {facts['width']:>4}x{facts['height']:<4}"
                  f" {r.fps:>4} {r.kbps:>5} kb {facts['kbps']:>5.0f} kb {times}")
        print(f"{'poster':<10} {result.poster_bytes / 1024:>6.1f} KB (limit 15 KB)")


if __name__ == "__main__":
    main()
