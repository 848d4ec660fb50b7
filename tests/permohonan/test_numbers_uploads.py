"""Registration numbers (domain/nomor.py) and uploaded documents (domain/uploads.py, store/files.py).

A mistyped number must be refused before any lookup, and a file must be judged by its bytes:
a citizen's phone may name a photo "scan.pdf", and an attacker may name a web page "ktp.jpg".
"""
import base64
import os
import struct
import zlib

import pytest

from pwa.domain import nomor, uploads
from pwa.store import files

# --- nomor ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def numbers():
    return [nomor.generate() for _ in range(1000)]


def test_generated_numbers_are_valid_twelve_digits_without_leading_zero(numbers):
    for n in numbers:
        assert len(n) == nomor.LENGTH == 12
        assert n.isdigit() and n[0] != "0"
        assert nomor.is_valid(n)


def test_generated_numbers_are_distinct(numbers):
    assert len(set(numbers)) == len(numbers)


def test_every_single_wrong_digit_is_detected(numbers):
    for n in numbers[:200]:
        for i, digit in enumerate(n):
            for other in "0123456789":
                if other != digit:
                    typo = n[:i] + other + n[i + 1:]
                    assert not nomor.is_valid(typo), (n, typo)


def test_every_swap_of_neighbouring_digits_is_detected(numbers):
    for n in numbers[:200]:
        for i in range(len(n) - 1):
            if n[i] != n[i + 1]:
                typo = n[:i] + n[i + 1] + n[i] + n[i + 2:]
                assert not nomor.is_valid(typo), (n, typo)


def test_typed_separators_are_ignored(numbers):
    n = numbers[0]
    typed = f"{n[:4]} {n[4:8]}-{n[8:]}"
    assert nomor.normalise(typed) == n
    assert nomor.is_valid(typed)
    assert nomor.is_valid(f" {n[:4]}.{n[4:8]}.{n[8:]} ")
    assert nomor.normalise("1234 5678-9012") == "123456789012"


@pytest.mark.parametrize("text", ["", None, "abc", "1234", "12345678901234"])
def test_wrong_length_or_no_digits_is_invalid(text):
    assert not nomor.is_valid(text)


def test_numbers_are_shown_in_groups_of_four(numbers):
    n = numbers[0]
    assert nomor.grouped(n) == f"{n[:4]} {n[4:8]} {n[8:]}"
    assert nomor.grouped("1234-5678-9012") == "1234 5678 9012"


# --- uploads --------------------------------------------------------------------------------

MAX = 1024 * 1024


def _png_1x1() -> bytes:
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    pixels = zlib.compress(b"\x00\x00")                     # filter byte + one black pixel
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
PNG = _png_1x1()
# A 16×16 baseline JPEG (CPython's imghdr test image) and a 1×1 lossless WebP.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsO"
    "CwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQ"
    "EBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAA"
    "BwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/E"
    "ACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPk"
    "JWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kq"
    "cWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9"
    "XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KO"
    "p1KM6iCNvngZHwetf//Z")
WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 112


@pytest.mark.parametrize("data, name, mime", [
    (PDF, "surat.pdf", "application/pdf"),
    (PNG, "ktp.png", "image/png"),
    (JPEG, "ijazah.jpg", "image/jpeg"),
    (WEBP, "kk.webp", "image/webp"),
])
def test_real_documents_are_accepted_with_their_type(data, name, mime):
    checked = uploads.check(data, name, MAX)
    assert checked.mime == mime
    assert checked.data == data
    assert checked.original_name == name


def test_type_comes_from_the_content_not_the_name():
    assert uploads.check(PNG, "scan.pdf", MAX).mime == "image/png"
    assert uploads.check(PDF, "foto.jpg", MAX).mime == "application/pdf"


@pytest.mark.parametrize("data", [HTML, EXE, b"just some text\n"], ids=["html", "exe", "text"])
def test_other_files_renamed_as_images_are_refused(data):
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check(data, "ktp.jpg", MAX)
    assert refused.value.reason == "wrong_type"


def test_a_requirement_may_accept_fewer_types():
    assert uploads.check(PDF, "a.pdf", MAX, accepted=("pdf",)).mime == "application/pdf"
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check(PNG, "a.png", MAX, accepted=("pdf",))
    assert refused.value.reason == "wrong_type"


def test_empty_file_is_refused():
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check(b"", "kosong.pdf", MAX)
    assert refused.value.reason == "empty"


def test_oversize_file_is_refused_and_the_limit_itself_is_allowed():
    big = PDF + b"%" + b"x" * (MAX - len(PDF) - 1)
    assert len(big) == MAX
    assert uploads.check(big, "besar.pdf", MAX).mime == "application/pdf"
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check(big + b"x", "besar.pdf", MAX)
    assert refused.value.reason == "too_large"


@pytest.mark.parametrize("sent, shown", [
    ("C:\\Users\\Ibu\\Documents\\ktp.jpg", "ktp.jpg"),
    ("../../etc/passwd.png", "passwd.png"),
    ("", "dokumen"),
    ("a\x00b\x07.pdf", "ab.pdf"),
])
def test_display_name_keeps_only_a_printable_base_name(sent, shown):
    assert uploads.safe_display_name(sent) == shown


def test_saved_file_has_a_random_name_and_lands_whole(tmp_path):
    folder = tmp_path / "unggahan"
    names = [files.save(str(folder), uploads.check(data, "ktp.jpg", MAX))
             for data in (PNG, PNG, JPEG, PDF, WEBP)]
    assert len(set(names)) == len(names)
    for name in names:
        assert "/" not in name and "ktp" not in name
        stem, ext = name.rsplit(".", 1)
        assert len(stem) == 32 and int(stem, 16) >= 0
    assert [n.rsplit(".", 1)[1] for n in names] == ["png", "png", "jpeg", "pdf", "webp"]
    assert (folder / names[0]).read_bytes() == PNG
    assert (folder / names[2]).read_bytes() == JPEG
    assert sorted(os.listdir(folder)) == sorted(names)  # no .part left behind


def test_an_interrupted_write_leaves_no_file_under_a_stored_name(tmp_path, monkeypatch):
    def crash(*_args):
        raise OSError("disk full")
    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(OSError):
        files.save(str(tmp_path), uploads.check(PDF, "a.pdf", MAX))
    assert not [n for n in os.listdir(tmp_path) if not n.endswith(".part")]
