"""Sign-language clips turned into what a cheap phone on 2G can play: two renditions and a poster.

Pure PyAV (FFmpeg's libraries as PyPI wheels), no Flask. The format is MP4 with H.264
Constrained Baseline and no sound:
- The PyAV wheels encode H.264 (libx264) and VP8/VP9 (libvpx). Every Android phone decodes
  Baseline H.264 in hardware, while VP9 on cheap chipsets is often decoded in software, which
  drains the battery and drops frames. The H.264 encoder also holds the low targets closely
  (bench/video.py: 72 kbps for a 70 kbps target), which a 2G link needs.
- `faststart` puts the index at the front, so playback and seeking start after the first few
  kilobytes instead of after the whole file.
- No audio track: the message is in the signing and in the captions; sound would only add bytes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.filter

MP4_TYPE = 'video/mp4; codecs="avc1.42E01E"'  # Constrained Baseline, level 3.0
POSTER_MAX_BYTES = 15 * 1024
MAX_SECONDS = 5 * 60  # a guidance clip explains one page or step; longer is a mistake
MIN_SECONDS = 0.5     # below this it is a still picture, not a video


@dataclass(frozen=True)
class Rendition:
    name: str          # file stem and the word the player shows
    short_side: int    # 240 for "240p": the shorter side, so portrait recordings work too
    fps: int
    kbps: int          # average target
    max_kbps: int      # ceiling over a few seconds, so a 2G link never stalls on a burst

    @property
    def file(self) -> str:
        return f"{self.name}.mp4"


# Low for 2G (about 70 kbps of a ~100 kbps EDGE link), standard for 3G and better.
RENDITIONS = (
    Rendition("rendah", 240, 12, 70, 80),
    Rendition("standar", 360, 15, 150, 180),
)
KEYFRAME_SECONDS = 2  # seeking on a slow link jumps to a keyframe: keep them close
POSTER_FILE = "poster.jpg"


class BukanVideo(ValueError):
    """The file is not a video we can read (a document, a picture, sound only, or broken).

    `reason` is a stable code the blueprint turns into a translated message."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Sumber:
    """What the uploaded video is, read from its content (never from its name)."""
    width: int
    height: int
    rotation: int  # degrees the picture must turn to stand upright (phone recordings)
    seconds: float | None  # None when the container does not say (MediaRecorder WebM)


@dataclass(frozen=True)
class Hasil:
    """The renditions, poster and measured facts of one transcoded clip."""
    seconds: float
    renditions: dict  # name → {"file", "bytes", "width", "height", "fps", "kbps"}
    poster_bytes: int


def periksa(path: str | os.PathLike) -> Sumber:
    """Open the file by its content and say whether it holds a usable video stream."""
    try:
        container = av.open(str(path))
    except (av.FFmpegError, UnicodeDecodeError, OSError) as e:
        raise BukanVideo("bukan_video", type(e).__name__) from None
    with container:
        video = next((s for s in container.streams if s.type == "video"), None)
        if video is None:
            raise BukanVideo("tanpa_gambar")
        # A PNG or JPEG opens as a one-frame "video": a still picture is not a sign clip.
        if container.format.name in ("png_pipe", "jpeg_pipe", "webp_pipe", "gif", "bmp_pipe",
                                     "image2", "tiff_pipe", "svg_pipe"):
            raise BukanVideo("gambar_diam")
        seconds = None
        if container.duration:
            seconds = container.duration / av.time_base
        elif video.duration and video.time_base:
            seconds = float(video.duration * video.time_base)
        try:
            first = next(container.decode(video))
        except (av.FFmpegError, StopIteration):
            raise BukanVideo("rusak") from None
        rotation = int(getattr(first, "rotation", 0) or 0) % 360
        if seconds is not None and seconds > MAX_SECONDS:
            raise BukanVideo("terlalu_panjang")
        return Sumber(first.width, first.height, rotation, seconds)


def _even(n: float) -> int:
    return max(2, int(round(n / 2)) * 2)


def _size(source: Sumber, short_side: int) -> tuple[int, int]:
    w, h = source.width, source.height
    if source.rotation in (90, 270):
        w, h = h, w
    short = min(short_side, min(w, h))  # never enlarge a small recording
    if w <= h:
        return _even(short), _even(h * short / w)
    return _even(w * short / h), _even(short)


def _rotation_filters(rotation: int) -> list[tuple[str, str]]:
    # FFmpeg's command line turns phone videos upright by itself; the libraries do not.
    return {90: [("transpose", "clock")], 180: [("hflip", ""), ("vflip", "")],
            270: [("transpose", "cclock")]}.get(rotation, [])


class _Jalur:
    """One rendition: filter graph (turn, scale, frame rate) → H.264 encoder → MP4 file."""

    def __init__(self, rendition: Rendition, stream, source: Sumber, path: Path):
        self.rendition = rendition
        self.width, self.height = _size(source, rendition.short_side)
        graph = av.filter.Graph()
        nodes = [graph.add_buffer(template=stream)]
        steps = _rotation_filters(source.rotation) + [
            ("scale", f"{self.width}:{self.height}:flags=bicubic"),
            ("fps", str(rendition.fps)),
            ("format", "yuv420p"),
        ]
        for name, args in steps:
            nodes.append(graph.add(name, args) if args else graph.add(name))
        nodes.append(graph.add("buffersink"))
        graph.link_nodes(*nodes).configure()
        self.graph = graph
        self.path = path
        self.out = av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"})
        enc = self.out.add_stream("libx264", rate=rendition.fps)
        enc.width, enc.height, enc.pix_fmt = self.width, self.height, "yuv420p"
        enc.time_base = Fraction(1, rendition.fps)
        enc.codec_context.time_base = Fraction(1, rendition.fps)
        enc.bit_rate = rendition.kbps * 1000
        enc.codec_context.gop_size = rendition.fps * KEYFRAME_SECONDS
        enc.codec_context.options = {
            "profile": "baseline", "level": "3.0", "preset": "slow",
            "maxrate": f"{rendition.max_kbps}k", "bufsize": f"{rendition.max_kbps * 2}k",
            # Same picture for every rendition even when two encodes run at once.
            "threads": "1",
        }
        self.stream = enc
        self.frames = 0
        self.first = None
        self.closed = False

    def push(self, frame) -> None:
        self.graph.push(frame)
        self._drain()

    def _drain(self) -> None:
        while True:
            try:
                out = self.graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            # Frame count in 1/fps: the stream's own time base changes once the MP4 header
            # is written, so it cannot be used here.
            out.pts = self.frames
            out.time_base = Fraction(1, self.rendition.fps)
            # The source's keyframe marks would force keyframes here; let the GOP decide.
            out.pict_type = av.video.frame.PictureType.NONE
            if self.first is None:
                self.first = out
            self.frames += 1
            self.out.mux(self.stream.encode(out))

    def close(self) -> dict:
        self.graph.push(None)
        self._drain()
        self.out.mux(self.stream.encode(None))
        self.out.close()
        self.closed = True
        size = self.path.stat().st_size
        seconds = self.frames / self.rendition.fps
        return {"file": self.rendition.file, "bytes": size, "width": self.width,
                "height": self.height, "fps": self.rendition.fps,
                "kbps": round(size * 8 / 1000 / seconds, 1) if seconds else 0.0}


def transcode(source_path: str | os.PathLike, folder: str | os.PathLike) -> Hasil:
    """Write every rendition and the poster of the clip into `folder` (which must exist).

    The source is decoded once and each frame feeds every rendition, so a clip costs one
    decode however many renditions there are."""
    source = periksa(source_path)
    folder = Path(folder)
    lines: list[_Jalur] = []
    poster_frame = None
    try:
        with av.open(str(source_path)) as container:
            stream = next(s for s in container.streams if s.type == "video")
            stream.thread_type = "AUTO"
            lines = [_Jalur(r, stream, source, folder / r.file) for r in RENDITIONS]
            last_time = 0.0
            for frame in container.decode(stream):
                if frame.time is not None:
                    last_time = frame.time
                    if last_time > MAX_SECONDS + 1:
                        raise BukanVideo("terlalu_panjang")
                for line in lines:
                    line.push(frame)
                # The poster: about half a second in, when the signer has settled.
                if poster_frame is None and lines[-1].frames >= lines[-1].rendition.fps // 2:
                    poster_frame = lines[-1].first
            renditions = {line.rendition.name: line.close() for line in lines}
            poster_frame = poster_frame or lines[-1].first
    except av.FFmpegError as e:
        raise BukanVideo("rusak", f"{type(e).__name__}: {e}") from None
    finally:
        for line in lines:
            if not line.closed:  # a failure halfway: release the half-written files
                line.out.close()
    standard = renditions[RENDITIONS[-1].name]
    seconds = lines[-1].frames / lines[-1].rendition.fps
    if seconds < MIN_SECONDS or poster_frame is None:
        raise BukanVideo("gambar_diam")
    poster = tulis_poster(poster_frame, folder / POSTER_FILE,
                          (standard["width"], standard["height"]))
    return Hasil(seconds=round(seconds, 2), renditions=renditions, poster_bytes=poster)


def _jpeg(frame, width: int, height: int, quality: int) -> bytes:
    ctx = av.codec.CodecContext.create("mjpeg", "w")
    ctx.width, ctx.height, ctx.pix_fmt = width, height, "yuvj420p"
    ctx.time_base = Fraction(1, 1)
    # qmin = qmax pins the JPEG quantiser: 2 is best, 31 worst.
    ctx.options = {"qmin": str(quality), "qmax": str(quality)}
    picture = frame.reformat(width=width, height=height, format="yuvj420p")
    picture.pts = 0
    return b"".join(bytes(p) for p in ctx.encode(picture) + ctx.encode(None))


def tulis_poster(frame, path: Path, size: tuple[int, int]) -> int:
    """A JPEG of at most 15 KB: lower the quality first, then the size, until it fits."""
    width, height = size
    for scale in (1.0, 0.75, 0.5):
        w, h = _even(width * scale), _even(height * scale)
        for quality in (5, 8, 11, 15, 20, 26, 31):
            data = _jpeg(frame, w, h, quality)
            if len(data) <= POSTER_MAX_BYTES:
                path.write_bytes(data)
                return len(data)
    raise BukanVideo("poster")  # unreachable for real pictures: 160 px at q31 is ~3 KB
