"""BISINDO sign-language clips: transcoding, the library, where clips appear, the files (range
requests), refusals and the coverage report. Clips are tiny (1 s, small frames) to keep CI fast."""
import io
import json

import av
import pytest

from pwa.isyarat import contoh as isyarat_contoh, media as isyarat_media, pustaka as isyarat_pustaka

from tests.pages import text_of

VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nSelamat datang di MENTARI.\n"
VTT_BAN = "WEBVTT\n\n00:00.000 --> 00:01.000\nRahajeng rauh ring MENTARI.\n"


@pytest.fixture(scope="session")
def source(tmp_path_factory):
    """A 1 s 640×360 recording: large enough that both renditions are scaled down."""
    path = tmp_path_factory.mktemp("isyarat") / "rekaman.mp4"
    isyarat_contoh.buat_video(path, "uji", seconds=1.0, width=640, height=360)
    return path


@pytest.fixture
def add_clip(app, source):
    def add(key, title="Penjelasan", contoh=False, captions=None):
        return isyarat_pustaka.add(app.config["ISYARAT_FOLDER"], source, key, title,
                                   "Ni Made Juru", captions=captions or {"id": VTT},
                                   contoh=contoh)
    return add


def _video_facts(path):
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        return {"codec": v.codec_context.name, "profile": v.codec_context.profile,
                "size": (v.codec_context.width, v.codec_context.height),
                "fps": v.average_rate, "audio": len(c.streams.audio),
                "format": c.format.name}


# --- transcoding ----------------------------------------------------------------------------

def test_transcode_makes_two_h264_renditions_and_a_small_poster(source, tmp_path):
    result = isyarat_media.transcode(source, tmp_path)

    low = _video_facts(tmp_path / "rendah.mp4")
    standard = _video_facts(tmp_path / "standar.mp4")
    assert low["size"] == (426, 240) and low["fps"] == 12
    assert standard["size"] == (640, 360) and standard["fps"] == 15
    for facts in (low, standard):
        # What every Android phone decodes in hardware, with nothing but the picture.
        assert facts["codec"] == "h264" and facts["profile"] == "Constrained Baseline"
        assert "mp4" in facts["format"] and facts["audio"] == 0
    poster = (tmp_path / "poster.jpg").read_bytes()
    assert poster[:2] == b"\xff\xd8" and len(poster) <= 15 * 1024
    assert result.seconds == pytest.approx(1.0, abs=0.1)
    assert result.renditions["rendah"]["bytes"] == (tmp_path / "rendah.mp4").stat().st_size


def test_mp4_index_is_at_the_front_so_playback_starts_before_the_download_ends(source, tmp_path):
    isyarat_media.transcode(source, tmp_path)
    head = (tmp_path / "rendah.mp4").read_bytes()[:4096]
    assert head.find(b"moov") != -1 and head.find(b"moov") < max(head.find(b"mdat"), 4096)


def test_a_small_recording_is_not_enlarged(tmp_path):
    small = tmp_path / "kecil.mp4"
    isyarat_contoh.buat_video(small, "kecil", seconds=1.0, width=160, height=90)
    out = tmp_path / "out"
    out.mkdir()
    result = isyarat_media.transcode(small, out)
    assert (result.renditions["standar"]["width"], result.renditions["standar"]["height"]) == (160, 90)


@pytest.mark.parametrize("content, reason", [
    (b"Ini surat, bukan video.\n", "bukan_video"),
    (b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "bukan_video"),
])
def test_non_video_content_is_refused_whatever_the_name(tmp_path, content, reason):
    path = tmp_path / "video.mp4"  # the name lies; the content decides
    path.write_bytes(content)
    with pytest.raises(isyarat_media.BukanVideo) as refusal:
        isyarat_media.periksa(path)
    assert refusal.value.reason == reason


def test_a_still_picture_and_sound_only_are_refused(source, tmp_path):
    poster_folder = tmp_path / "p"
    poster_folder.mkdir()
    isyarat_media.transcode(source, poster_folder)
    picture = tmp_path / "gambar.mp4"
    picture.write_bytes((poster_folder / "poster.jpg").read_bytes())
    with pytest.raises(isyarat_media.BukanVideo) as still:
        isyarat_media.periksa(picture)
    assert still.value.reason == "gambar_diam"

    sound = tmp_path / "suara.webm"
    with av.open(str(sound), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=48000)
        frame = av.AudioFrame(format="s16", layout="mono", samples=960)
        frame.planes[0].update(bytes(frame.planes[0].buffer_size))
        frame.sample_rate = 48000
        for i in range(5):
            frame.pts = i * 960
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    with pytest.raises(isyarat_media.BukanVideo) as audio:
        isyarat_media.periksa(sound)
    assert audio.value.reason == "tanpa_gambar"


# --- the library ----------------------------------------------------------------------------

def test_added_clip_is_described_by_its_manifest_with_transcript_from_captions(app, add_clip):
    clip = add_clip("page:permohonan.beranda", captions={"id": VTT, "ban": VTT_BAN})
    manifest = json.loads((clip.folder / "klip.json").read_text())
    assert manifest["key"] == "page:permohonan.beranda" and manifest["signer"] == "Ni Made Juru"
    assert clip.captions == ("id", "ban")
    assert clip.transcript("ban") == ("ban", "Rahajeng rauh ring MENTARI.")
    assert clip.transcript("en") == ("id", "Selamat datang di MENTARI.")


def test_replacing_a_clip_changes_its_version_and_leaves_no_half_folders(app, add_clip, tmp_path):
    first = add_clip("page:permohonan.beranda", title="Lama")
    other_vtt = VTT.replace("Selamat datang", "Halo")
    second = add_clip("page:permohonan.beranda", title="Baru", captions={"id": other_vtt})
    assert second.versi != first.versi
    library = isyarat_pustaka.Pustaka(app.config["ISYARAT_FOLDER"])
    assert library.get("page:permohonan.beranda").title == "Baru"
    leftovers = [p.name for p in library.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.parametrize("key, captions, reason", [
    ("halaman:beranda", {"id": VTT}, "kunci"),
    ("page:permohonan.beranda", {}, "vtt_wajib"),
    ("page:permohonan.beranda", {"id": "bukan takarir"}, "vtt"),
])
def test_clip_refusals_leave_the_library_unchanged(app, source, key, captions, reason):
    root = app.config["ISYARAT_FOLDER"]
    with pytest.raises(isyarat_pustaka.KlipDitolak) as refusal:
        isyarat_pustaka.add(root, source, key, "Judul", "Juru", captions=captions)
    assert refusal.value.reason == reason
    assert isyarat_pustaka.Pustaka(root).all() == []


# --- where clips appear ---------------------------------------------------------------------

def test_page_with_a_clip_offers_the_sign_video_and_only_its_poster_loads(client, add_clip):
    add_clip("page:permohonan.beranda", title="Selamat datang")
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert "Video Bahasa Isyarat" in text_of(response)
    assert 'preload="none"' in html and "<details class=\"isyarat__buka\">" in html
    assert "js/isyarat.js" in html
    # Length and size are known before anything downloads.
    assert "Durasi 0:01" in text_of(response) and " KB" in text_of(response)
    assert 'kind="captions" srclang="id"' in html and " default>" in html
    assert "Selamat datang di MENTARI." in text_of(response)  # the transcript, below


def test_page_without_a_clip_shows_no_sign_video_control(client, add_clip):
    add_clip("page:permohonan.beranda")
    response = client.get("/status")
    assert "Video Bahasa Isyarat" not in text_of(response)
    assert "js/isyarat.js" not in response.get_data(as_text=True)


def test_always_show_setting_opens_the_player_and_prepares_the_video(client, add_clip):
    add_clip("page:permohonan.beranda")
    client.set_cookie("tampilan", "isyarat-selalu")
    html = client.get("/").get_data(as_text=True)
    assert '<details class="isyarat__buka" open>' in html and 'preload="auto"' in html


def test_settings_page_offers_always_show_sign_video(client):
    response = client.post("/tampilan", data={"isyarat": "selalu", "kembali": "/"})
    assert "isyarat-selalu" in response.headers["Set-Cookie"]
    assert "Selalu tampilkan dan siapkan videonya" in text_of(client.get("/tampilan"))


def test_form_step_shows_the_clip_of_that_step(client, add_clip):
    add_clip("langkah:layanan", title="Memilih layanan")
    client.post("/ajukan", data={"mulai": "baru"})
    response = client.get("/ajukan/layanan")
    assert response.status_code == 200
    assert "Memilih layanan" in text_of(response)


def test_samples_are_labelled_and_never_shown_when_samples_are_off(app, client, add_clip):
    add_clip("page:permohonan.beranda", title="Sampel", contoh=True)
    page = text_of(client.get("/"))
    assert "Contoh, bukan bahasa isyarat." in page
    assert "Juru bahasa isyarat:" not in page  # a sample names no signer

    app.extensions["isyarat"].samples = False
    app.extensions["isyarat"]._stamp = None
    assert "Video Bahasa Isyarat" not in text_of(client.get("/"))


def test_a_recorded_clip_replaces_the_sample_of_its_key(client, add_clip):
    add_clip("page:permohonan.beranda", title="Sampel", contoh=True)
    add_clip("page:permohonan.beranda", title="Rekaman kantor")
    page = text_of(client.get("/"))
    assert "Rekaman kantor" in page and "Contoh, bukan bahasa isyarat." not in page


def test_status_page_shows_the_clips_of_the_request_state_and_service(client, db, add_clip):
    from tests.flows import submit_request
    add_clip("status:diajukan", title="Permohonan sedang diperiksa")
    add_clip("layanan:surat-keterangan", title="Tentang surat keterangan")
    permohonan_id, _nomor = submit_request(client, db, "surat-keterangan", "langsung")
    page = text_of(client.get(f"/permohonan/{permohonan_id}"))
    assert "Permohonan sedang diperiksa" in page and "Tentang surat keterangan" in page


# --- the files ------------------------------------------------------------------------------

def test_range_request_answers_206_with_just_those_bytes(client, add_clip):
    clip = add_clip("page:permohonan.beranda")
    url = f"/isyarat/{clip.name}/{clip.versi}/rendah.mp4"
    whole = (clip.folder / "rendah.mp4").read_bytes()

    part = client.get(url, headers={"Range": "bytes=100-599"})
    assert part.status_code == 206
    assert part.data == whole[100:600]
    assert part.headers["Content-Range"] == f"bytes 100-599/{len(whole)}"
    assert part.headers["Content-Type"] == "video/mp4"

    tail = client.get(url, headers={"Range": f"bytes={len(whole) - 10}-"})
    assert tail.status_code == 206 and tail.data == whole[-10:]

    full = client.get(url)
    assert full.status_code == 200 and full.data == whole
    assert full.headers["Accept-Ranges"] == "bytes"
    assert "immutable" in full.headers["Cache-Control"]


def test_captions_and_poster_are_served_with_their_types(client, add_clip):
    clip = add_clip("page:permohonan.beranda")
    vtt = client.get(f"/isyarat/{clip.name}/{clip.versi}/id.vtt")
    assert vtt.status_code == 200 and vtt.mimetype == "text/vtt"
    assert vtt.get_data(as_text=True).startswith("WEBVTT")
    poster = client.get(f"/isyarat/{clip.name}/{clip.versi}/poster.jpg")
    assert poster.mimetype == "image/jpeg"


@pytest.mark.parametrize("path", [
    "/isyarat/page_permohonan.beranda/{versi}/klip.json",   # not a public file
    "/isyarat/page_permohonan.beranda/000000000000/rendah.mp4",  # an old version
    "/isyarat/page_permohonan.beranda/{versi}/..%2Fklip.json",
    "/isyarat/page_permohonan.status/{versi}/rendah.mp4",  # no clip for that key
])
def test_only_the_current_files_of_existing_clips_are_served(client, add_clip, path):
    clip = add_clip("page:permohonan.beranda")
    assert client.get(path.format(versi=clip.versi)).status_code == 404


# --- admin page -----------------------------------------------------------------------------

def test_admin_adds_a_clip_by_upload_and_it_appears_on_its_page(client, login, source):
    login("admin")
    page = client.get("/staf/admin/isyarat/tambah?kunci=page:permohonan.beranda")
    assert "Latar belakang polos, tidak hitam dan tidak putih" in text_of(page)
    assert "Wajah dan kedua tangan" in text_of(page)
    response = client.post("/staf/admin/isyarat/tambah", data={
        "kunci": "page:permohonan.beranda", "judul": "Selamat datang", "juru_isyarat": "Ni Made Juru",
        "video": (io.BytesIO(source.read_bytes()), "rekaman.webm"),
        "vtt_id": (io.BytesIO(VTT.encode()), "id.vtt"), "transkrip": "",
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    assert "Selamat datang" in text_of(client.get("/staf/admin/isyarat"))
    client.post("/staf/keluar")
    assert "Juru bahasa isyarat: Ni Made Juru" in text_of(client.get("/"))


def test_admin_upload_of_a_document_named_like_a_video_is_refused_and_keeps_answers(client, login):
    login("admin")
    response = client.post("/staf/admin/isyarat/tambah", data={
        "kunci": "page:permohonan.beranda", "judul": "Judul yang sudah diketik",
        "juru_isyarat": "Ni Made Juru",
        "video": (io.BytesIO(b"%PDF-1.4 bukan video"), "video.mp4"),
        "vtt_id": (io.BytesIO(VTT.encode()), "id.vtt"),
    }, content_type="multipart/form-data")
    assert response.status_code == 400
    page = text_of(response)
    assert "Berkas ini bukan video." in page
    html = response.get_data(as_text=True)
    assert "<title>Kesalahan:" in html
    assert 'value="Judul yang sudah diketik"' in html


def test_admin_without_captions_is_told_to_add_them(client, login, source):
    login("admin")
    response = client.post("/staf/admin/isyarat/tambah", data={
        "kunci": "page:permohonan.beranda", "judul": "Judul", "juru_isyarat": "Juru",
        "video": (io.BytesIO(source.read_bytes()), "rekaman.mp4"),
    }, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Pilih berkas takarir bahasa Indonesia (WebVTT)." in text_of(response)


def test_only_the_admin_manages_clips(client, login):
    login("petugas")
    assert client.get("/staf/admin/isyarat").status_code == 403
    assert client.get("/staf/admin/isyarat/tambah").status_code == 403


def test_admin_removes_a_recorded_clip(client, login, add_clip):
    clip = add_clip("page:permohonan.beranda", title="Akan dihapus")
    login("admin")
    assert "Akan dihapus" in text_of(client.get(f"/staf/admin/isyarat/{clip.name}/hapus"))
    client.post(f"/staf/admin/isyarat/{clip.name}/hapus")
    client.post("/staf/keluar")
    assert "Video Bahasa Isyarat" not in text_of(client.get("/"))


# --- commands -------------------------------------------------------------------------------

def test_cli_add_transcodes_and_reports_sizes(app, source, tmp_path):
    vtt = tmp_path / "id.vtt"
    vtt.write_text(VTT)
    result = app.test_cli_runner().invoke(args=[
        "isyarat", "add", str(source), "--key", "layanan:legalisir-ijazah",
        "--title", "Legalisir ijazah", "--signer", "Ni Made Juru", "--vtt-id", str(vtt)])
    assert result.exit_code == 0, result.output
    assert "rendah: 426x240 12 fps" in result.output
    assert "standar: 640x360 15 fps" in result.output
    assert app.extensions["isyarat"].get("layanan:legalisir-ijazah") is not None


def test_cli_add_refuses_a_non_video_with_a_clear_message(app, tmp_path):
    fake = tmp_path / "video.mp4"
    fake.write_text("bukan video")
    vtt = tmp_path / "id.vtt"
    vtt.write_text(VTT)
    result = app.test_cli_runner().invoke(args=[
        "isyarat", "add", str(fake), "--key", "page:permohonan.beranda", "--title", "T",
        "--signer", "S", "--vtt-id", str(vtt)])
    assert result.exit_code != 0
    assert "Berkas ini bukan video" in result.output


def test_coverage_lists_recorded_sample_and_missing_keys(app, add_clip):
    add_clip("page:permohonan.beranda")
    add_clip("status:disetujui", contoh=True)
    result = app.test_cli_runner().invoke(args=["isyarat", "coverage"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines()
            if line.startswith(("ada", "contoh", "perlu direkam"))]

    def mark(key):
        return next(line.split("  ")[0] for line in rows if f" {key} " in line)
    assert mark("page:permohonan.beranda") == "ada"
    assert mark("status:disetujui") == "contoh"  # a sample still needs recording
    # Services come from the catalogue, steps from the form, states from the workflow.
    for key in ("layanan:legalisir-ijazah", "langkah:kebutuhan", "status:ditolak",
                "page:permohonan.status"):
        assert mark(key) == "perlu direkam", key
    assert "staf.antrean" not in result.output and "healthz" not in result.output
    assert f"1 of {len(rows)} keys have a recorded clip" in result.output


def test_samples_command_makes_labelled_samples_for_a_few_keys(app):
    result = app.test_cli_runner().invoke(args=["isyarat", "contoh", "--seconds", "1"])
    assert result.exit_code == 0, result.output
    clips = app.extensions["isyarat"].all()
    assert clips and all(c.contoh for c in clips)
    assert all(c.folder.parent.name == "contoh" for c in clips)


def test_services_page_shows_a_clip_beside_its_service(client, add_clip):
    add_clip("layanan:legalisir-ijazah", title="Tentang legalisir ijazah")
    response = client.get("/layanan")
    assert "Tentang legalisir ijazah" in text_of(response)
    assert "js/isyarat.js" in response.get_data(as_text=True)
    assert text_of(response).count("Video Bahasa Isyarat") == 1  # only services with a clip


def test_readme_commands_are_the_real_ones(app):
    """docs/isyarat.md's `mentari isyarat` lines must keep working as the commands change."""
    import re
    from pathlib import Path
    readme = (Path(__file__).resolve().parents[2] / "docs" / "isyarat.md").read_text()
    runner = app.test_cli_runner()
    for command in ("add", "coverage", "contoh"):
        assert f"mentari isyarat {command}" in readme
        assert runner.invoke(args=["isyarat", command, "--help"]).exit_code == 0
    add_help = runner.invoke(args=["isyarat", "add", "--help"]).output
    for option in set(re.findall(r"(--[a-z-]+)", readme.split("## The clips are the office's")[1]
                                 .split("## The library")[0])):
        assert option in add_help, option


def test_recordings_larger_than_the_document_limit_are_accepted_up_to_their_own(app, client,
                                                                                login):
    """A 40 MB recording passes the admin page's limit (documents stop at 30 MB in all)."""
    app.config["ISYARAT_MAX_MB"] = 45
    login("admin")
    big = b"\0" * (40 * 1024 * 1024)
    response = client.post("/staf/admin/isyarat/tambah", data={
        "kunci": "page:permohonan.beranda", "judul": "Besar", "juru_isyarat": "Juru",
        "video": (io.BytesIO(big), "besar.mp4"), "vtt_id": (io.BytesIO(VTT.encode()), "id.vtt"),
    }, content_type="multipart/form-data")
    # Read and checked (it is not a video), not cut off at the door with 413.
    assert response.status_code == 400
    assert "Berkas ini bukan video." in text_of(response)
    app.config["ISYARAT_MAX_MB"] = 1
    too_big = client.post("/staf/admin/isyarat/tambah", data={
        "kunci": "page:permohonan.beranda", "judul": "Besar", "juru_isyarat": "Juru",
        "video": (io.BytesIO(big), "besar.mp4")}, content_type="multipart/form-data")
    assert too_big.status_code == 413


@pytest.mark.parametrize("headers, first", [
    ({}, "rendah"),                                   # nothing known: assume a slow link
    ({"ECT": "4g"}, "standar"),
    ({"ECT": "4g", "Save-Data": "on"}, "rendah"),     # the person asked to save data
    ({"ECT": "2g"}, "rendah"),
])
def test_first_rendition_follows_the_connection_hints(client, add_clip, headers, first):
    add_clip("page:permohonan.beranda")
    response = client.get("/", headers=headers)
    html = response.get_data(as_text=True)
    assert f'/{first}.mp4" type=' in html
    assert "ECT" in response.headers["Accept-CH"]


def test_a_browser_recording_in_webm_vp8_is_converted(source, tmp_path):
    """What MediaRecorder in Chrome on Android sends from the admin page's camera button."""
    webm = tmp_path / "rekaman.webm"
    with av.open(str(source)) as inp, av.open(str(webm), "w", format="webm") as out:
        stream = out.add_stream("libvpx", rate=15)
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        for frame in inp.decode(video=0):
            frame.pict_type = av.video.frame.PictureType.NONE
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    folder = tmp_path / "klip"
    folder.mkdir()
    result = isyarat_media.transcode(webm, folder)
    assert _video_facts(folder / "rendah.mp4")["codec"] == "h264"
    assert result.seconds == pytest.approx(1.0, abs=0.2)


def test_a_portrait_recording_keeps_its_shape(tmp_path):
    """Phones record upright: 240p means the short side, so a portrait clip is 240 wide."""
    tall = tmp_path / "tegak.mp4"
    isyarat_contoh.buat_video(tall, "tegak", seconds=1.0, width=360, height=640)
    folder = tmp_path / "klip"
    folder.mkdir()
    result = isyarat_media.transcode(tall, folder)
    low, standard = result.renditions["rendah"], result.renditions["standar"]
    assert (low["width"], low["height"]) == (240, 426)
    assert (standard["width"], standard["height"]) == (360, 640)
