"""Synthetic sample videos: a coloured card with "CONTOH" burned in and two moving shapes.

They let the player, the coverage report and the benchmarks be shown and tested before the
office has recorded anything. They are NOT sign language: the word CONTOH ("sample") is drawn
into every frame so a downloaded or shared copy still says so, and the library marks them
`contoh` so the page labels them too. Drawn with plain bytes (no NumPy, no fonts): the PyAV
wheels have no text filter.
"""
from __future__ import annotations

import hashlib
import os
from fractions import Fraction

import av
import av.filter

# 5×7 pixel letters of the one word we draw.
_FONT = {
    "C": ("01111", "10000", "10000", "10000", "10000", "10000", "01111"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "N": ("10001", "11001", "10101", "10011", "10001", "10001", "10001"),
    "T": ("11111", "00100", "00100", "00100", "00100", "00100", "00100"),
    "H": ("10001", "10001", "10001", "11111", "10001", "10001", "10001"),
}
WORD = "CONTOH"


def _colour(key: str) -> tuple[int, int]:
    """A chroma pair (U, V) from the key: each sample card has its own colour, never grey."""
    digest = hashlib.sha256(key.encode()).digest()
    return 64 + digest[0] % 128, 64 + digest[1] % 128


def _box(plane: bytearray, stride: int, x: int, y: int, w: int, h: int, value: int,
         limit_w: int, limit_h: int) -> None:
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(limit_w, x + w), min(limit_h, y + h)
    if x1 <= x0 or y1 <= y0:
        return
    row = bytes([value]) * (x1 - x0)
    for yy in range(y0, y1):
        start = yy * stride + x0
        plane[start:start + (x1 - x0)] = row


def _card(width: int, height: int) -> bytearray:
    """The still part: mid-grey luma (neither black nor white, like the recording advice) and
    the word CONTOH in light blocks across the top third."""
    luma = bytearray([110]) * (width * height)
    cell = max(2, width // (len(WORD) * 6 + 4))
    x = (width - cell * (len(WORD) * 6 - 1)) // 2
    y = height // 10
    for letter in WORD:
        for r, bits in enumerate(_FONT[letter]):
            for c, bit in enumerate(bits):
                if bit == "1":
                    _box(luma, width, x + c * cell, y + r * cell, cell, cell, 230, width, height)
        x += 6 * cell
    return luma


def buat_video(path: str | os.PathLike, key: str, seconds: float = 2.0, width: int = 320,
               height: int = 180, fps: int = 15, noise: bool = False) -> None:
    """Write a sample source video (H.264 at a generous bitrate, as a phone would record).

    Two squares swing like hands below the word; `noise=True` adds sensor-like grain so the
    encoder works about as hard as on a real recording (for the benchmark)."""
    u_value, v_value = _colour(key)
    base = _card(width, height)
    chroma = (width // 2) * (height // 2)
    u_plane, v_plane = bytes([u_value]) * chroma, bytes([v_value]) * chroma
    side = max(8, height // 6)
    frames = int(round(seconds * fps))
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.time_base = Fraction(1, fps)
        stream.codec_context.options = {"crf": "18", "preset": "veryfast"}
        graph = None
        if noise:
            graph = av.filter.Graph()
            graph.link_nodes(
                graph.add_buffer(width=width, height=height, format="yuv420p",
                                 time_base=Fraction(1, fps)),
                graph.add("noise", "alls=14:allf=t"),
                graph.add("buffersink"),
            ).configure()
        for i in range(frames):
            luma = bytearray(base)
            phase = (i % (2 * fps)) / fps  # one swing every two seconds
            swing = phase if phase <= 1 else 2 - phase
            cx = width // 4 + int(swing * width // 2)
            _box(luma, width, cx - side, height // 2, side, side, 40, width, height)
            _box(luma, width, width - cx, height // 2 + side // 2, side, side, 200, width,
                 height)
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane, data, w in ((0, luma, width), (1, u_plane, width // 2),
                                   (2, v_plane, width // 2)):
                _fill(frame.planes[plane], data, w)
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            if graph is not None:
                graph.push(frame)
                frame = graph.pull()
                frame.pts = i
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))


def _fill(plane, data: bytes, width: int) -> None:
    """Copy tightly packed rows into a plane whose rows may be padded (line_size ≥ width)."""
    if plane.line_size == width:
        plane.update(bytes(data))
        return
    padded = bytearray(plane.line_size * plane.height)
    for row in range(plane.height):
        padded[row * plane.line_size:row * plane.line_size + width] = \
            data[row * width:(row + 1) * width]
    plane.update(bytes(padded))
