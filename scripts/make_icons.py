"""Draw MENTARI's app icons (a sun rising over the horizon, "mentari" is the sun) as PNG files
into pwa/static/icons/. Run once after changing the design; the output is committed.

    .venv/bin/python scripts/make_icons.py

Shapes are drawn at four times the size and scaled down, so edges are smooth without any
anti-aliasing support in the drawing calls. The maskable icon keeps the sun inside the central
80% circle (the "safe zone" every launcher mask leaves visible) on a full-bleed background.
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "pwa" / "static" / "icons"
BRAND = (11, 93, 59)       # --brand in mentari.css, Kemenag green
SUN = (255, 191, 71)       # --focus yellow: 8.1:1 against the green
OVERSAMPLE = 4


def _sun(draw: ImageDraw.ImageDraw, size: int, scale: float) -> None:
    """The rising sun, centred, its extent `scale` of the canvas."""
    cx, horizon = size / 2, size * (0.5 + 0.18 * scale)
    r = size * 0.2 * scale
    draw.pieslice((cx - r, horizon - r, cx + r, horizon + r), 180, 360, fill=SUN)
    for i in range(7):  # rays fanning over the half circle
        angle = math.pi + math.pi * (i + 0.5) / 7
        inner, outer, half = r * 1.3, r * 1.95, r * 0.12
        a, b = math.cos(angle), math.sin(angle)
        px, py = -b * half, a * half
        draw.polygon([(cx + a * inner + px, horizon + b * inner + py),
                      (cx + a * outer, horizon + b * outer),
                      (cx + a * inner - px, horizon + b * inner - py)], fill=SUN)
    line = size * 0.035 * scale
    draw.rectangle((cx - r * 2.1, horizon + line, cx + r * 2.1, horizon + line * 2.6), fill=SUN)


def icon(size: int, maskable: bool) -> Image.Image:
    big = size * OVERSAMPLE
    img = Image.new("RGB", (big, big), BRAND)
    draw = ImageDraw.Draw(img)
    if not maskable:
        # A plain square icon gets rounded corners drawn in; launchers show it as is.
        img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        draw = ImageDraw.Draw(img)
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.18, fill=BRAND)
    _sun(draw, big, 0.78 if maskable else 1.0)
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("maskable-512.png", 512, True),
                                 ("apple-touch-icon.png", 180, True),
                                 ("favicon-32.png", 32, False)):
        path = OUT / name
        # A palette of 16 colours holds the two colours and their smoothed edges: the files
        # are a third of the size of full-colour PNGs (each byte counts on 2G).
        image = icon(size, maskable)
        image.quantize(16, dither=Image.Dither.NONE).save(path, optimize=True)
        print(f"{path.relative_to(OUT.parent.parent.parent)}: {size}x{size}, "
              f"{path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
