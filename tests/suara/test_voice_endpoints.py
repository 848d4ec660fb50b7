"""The /suara endpoints voice mode calls: reading text aloud, fixed prompts from versioned URLs,
and recognising what the citizen said, with the answers a phone gets when something is wrong."""
import io
import json
import logging
import re

import av
import numpy as np
import pytest

from pwa.suara import teks as suara_teks
from speech import audio, espeak, stt, tts


@pytest.fixture
def speech_app(app, tmp_path, tmp_path_factory):
    tts.configure(tmp_path / "cache")
    # One joined Whisper model for the whole run (joining writes 140 MB).
    stt.configure(tmp_path_factory.getbasetemp() / "whisper-base")
    return app


@pytest.fixture
def voice_client(speech_app):
    client = speech_app.test_client()
    client.post("/tampilan", data={"suara": "aktif"})
    return client


def seconds_of(data: bytes) -> float:
    with av.open(io.BytesIO(data)) as container:
        assert container.streams.audio[0].codec_context.name == "opus"
        return float(container.duration) / av.time_base


def page_data(client, path="/") -> dict:
    html = client.get(path).get_data(as_text=True)
    found = re.search(r'<script type="application/json" id="suara-data">(.*?)</script>', html,
                      re.S)
    assert found, "voice mode is on but the page has no voice data"
    return json.loads(found.group(1))


def spoken(text: str) -> bytes:
    samples, rate = espeak.synthesise(text, voice="id", rate=0.9)
    pause = np.zeros(rate // 3, dtype=np.int16)
    return audio.to_ogg_opus(np.concatenate([pause, samples, pause]), rate)


# --- reading aloud ----------------------------------------------------------------------------

def test_ucap_reads_text_as_small_opus_at_the_chosen_rate(voice_client):
    text = "Nomor registrasi Anda 2611 2345 6789. Simpan nomor ini."
    normal = voice_client.post("/suara/ucap", data={"teks": text, "lang": "id", "laju": "1"})
    slow = voice_client.post("/suara/ucap", data={"teks": text, "lang": "id", "laju": "0.75"})
    assert normal.status_code == slow.status_code == 200
    assert normal.mimetype == "audio/ogg"
    assert seconds_of(slow.data) > seconds_of(normal.data) * 1.15
    assert len(normal.data) / seconds_of(normal.data) <= 2.5 * 1024


def test_ucap_refuses_empty_or_huge_text_with_a_translated_reason(voice_client):
    empty = voice_client.post("/suara/ucap", data={"teks": "  ", "lang": "id"})
    assert empty.status_code == 422 and "kosong" in empty.json["error"]
    huge = voice_client.post("/suara/ucap?lang=ban", data={"teks": "a " * 1500, "lang": "ban"})
    assert huge.status_code == 422
    assert huge.json["error"] != empty.json["error"], "the Balinese page got Indonesian"


# --- fixed prompts ----------------------------------------------------------------------------

def test_every_fixed_prompt_on_a_voice_page_plays_from_a_cacheable_url(voice_client):
    data = page_data(voice_client)
    prompts = data["prompts"]
    assert data["teks"]["bantuan"] in prompts, "the help sentence is not a fixed prompt"
    assert not any("%(" in text for text in prompts), "a sentence with a blank is not fixed"
    assert data["teks"]["memproses"] not in prompts, "a shown-only status got a sound file"
    for text, url in prompts.items():
        response = voice_client.get(url + "&laju=1")
        assert response.status_code == 200 and response.mimetype == "audio/ogg", text
        assert "immutable" in response.headers["Cache-Control"]
        assert seconds_of(response.data) > 0.3, text


def test_prompts_follow_the_language_and_a_changed_text_changes_the_url(voice_client):
    indonesian = page_data(voice_client, "/?lang=id")
    balinese = page_data(voice_client, "/?lang=ban")
    assert indonesian["lang"] == "id" and balinese["lang"] == "ban"
    url_id = indonesian["prompts"][indonesian["teks"]["bantuan"]]
    url_ban = balinese["prompts"][balinese["teks"]["bantuan"]]
    assert "lang=ban" in url_ban and url_id != url_ban
    assert voice_client.get(url_ban + "&laju=1").data != voice_client.get(url_id + "&laju=1").data
    stale = re.sub(r"v=\w+", "v=0000000000", url_id)
    assert "immutable" not in voice_client.get(stale + "&laju=1").headers["Cache-Control"]
    assert voice_client.get("/suara/prompt/tidak-ada.ogg?lang=id").status_code == 404


def test_a_recorded_prompt_is_played_instead_of_synthesis(speech_app, voice_client, tmp_path):
    recording = tmp_path / "rekaman" / "ban" / "bantuan.ogg"
    recording.parent.mkdir(parents=True)
    recording.write_bytes(spoken("rekaman kantor"))
    tts.configure(tmp_path / "cache", recorded_dirs=[tmp_path / "rekaman"])
    with speech_app.test_request_context():
        version = tts.prompt_version("bantuan", suara_teks.prompt_text("bantuan", "ban"), "ban")
    played = voice_client.get(f"/suara/prompt/bantuan.ogg?lang=ban&v={version}")
    assert played.data == recording.read_bytes()


def test_the_office_records_a_balinese_prompt_and_phones_get_it_from_a_new_url(
        speech_app, voice_client, tmp_path):
    """`mentari speech prompts` is the script to record; `mentari speech record` takes a
    phone's recording, and the page's URL for that prompt changes, so a phone that cached the
    synthesised sound for a year fetches the recording."""
    from pwa import suara
    recordings = suara.recordings_folder(speech_app)
    tts.configure(tmp_path / "cache", recorded_dirs=[recordings])
    cli = speech_app.test_cli_runner()
    listed = cli.invoke(args=["speech", "prompts", "--lang", "ban"])
    with speech_app.test_request_context():
        total = len(suara_teks.prompts_in("ban"))
        words = suara_teks.prompt_text("bantuan", "ban")
    assert f"bantuan\t-\t{words}" in listed.output
    assert f"ban: 0 of {total} prompts recorded" in listed.output
    voice_client.get("/?lang=ban")
    before = page_data(voice_client)["prompts"][words]

    phone = tmp_path / "bantuan.wav"
    samples, rate = espeak.synthesise("Ida dané prasida nguningayang", voice="id")
    phone.write_bytes(audio.wav_bytes(samples, rate))
    done = cli.invoke(args=["speech", "record", "bantuan", str(phone), "--lang", "ban"])
    assert done.exit_code == 0, done.output
    assert "ban bantuan: recorded" in done.output
    listed = cli.invoke(args=["speech", "prompts", "--lang", "ban"])
    assert f"bantuan\tdirekam\t{words}" in listed.output
    assert f"ban: 1 of {total} prompts recorded" in listed.output
    assert "1 of" in cli.invoke(args=["speech", "status"]).output

    after = page_data(voice_client)["prompts"][words]
    assert after != before
    played = voice_client.get(after + "&laju=1")
    assert played.data == (recordings / "ban" / "bantuan.ogg").read_bytes()
    assert "immutable" in played.headers["Cache-Control"]
    # Indonesian keeps its own prompt.
    voice_client.get("/?lang=id")
    indonesian = page_data(voice_client)["prompts"][suara_teks.prompt_text("bantuan", "id")]
    assert voice_client.get(indonesian + "&laju=1").data != played.data

    removed = cli.invoke(args=["speech", "record", "bantuan", "--remove", "--lang", "ban"])
    assert "synthesis again" in removed.output
    voice_client.get("/?lang=ban")
    assert page_data(voice_client)["prompts"][words] == before


def test_a_recording_that_is_not_speech_or_not_a_prompt_is_refused_clearly(speech_app, tmp_path):
    cli = speech_app.test_cli_runner()
    picture = tmp_path / "bantuan.wav"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    refused = cli.invoke(args=["speech", "record", "bantuan", str(picture)])
    assert refused.exit_code != 0 and "not audio that can be decoded" in refused.output
    unknown = cli.invoke(args=["speech", "record", "tidak_ada", str(picture)])
    assert unknown.exit_code != 0 and "no fixed prompt 'tidak_ada'" in unknown.output


def test_prerender_renders_every_prompt_in_both_languages_at_every_rate(speech_app, tmp_path):
    result = speech_app.test_cli_runner().invoke(args=["speech", "prerender"])
    assert result.exit_code == 0, result.output
    with speech_app.test_request_context():
        expected = len(suara_teks.prompts()) * 2 * 3
    assert f"{expected} prompts" in result.output
    # Balinese and Indonesian differ in words, so in sound: distinct files, all cached.
    assert len(list((tmp_path / "cache").glob("*/*.ogg"))) >= expected * 0.9


# --- recognising ------------------------------------------------------------------------------

def test_kenali_hears_a_spoken_yes_and_says_how_sure_it_is(voice_client, caplog):
    caplog.set_level(logging.DEBUG)
    answer = voice_client.post("/suara/kenali", data={
        "audio": (io.BytesIO(spoken("ya")), "ucapan.ogg"), "lang": "id", "konteks": "yatidak"})
    assert answer.status_code == 200, answer.data
    body = answer.json
    assert body["intent"] == "ya" and body["yakin"] is True
    assert set(body) >= {"text", "intent", "slots", "confidence", "ms", "yakin"}
    name = voice_client.post("/suara/kenali", data={
        "audio": (io.BytesIO(spoken("Wayan Sukerti")), "ucapan.ogg"), "lang": "id",
        "konteks": "bebas"})
    heard = name.json["text"]
    assert heard and heard.lower() not in caplog.text.lower(), "what was said reached the log"


def test_kenali_refuses_what_is_not_a_short_recording(voice_client):
    not_audio = voice_client.post("/suara/kenali", data={
        "audio": (io.BytesIO(b"%PDF-1.4 a document"), "ucapan.webm"), "lang": "id"})
    assert not_audio.status_code == 415 and "suara" in not_audio.json["error"]
    too_big = voice_client.post("/suara/kenali", data={
        "audio": (io.BytesIO(b"\0" * (audio.MAX_BYTES + 10)), "ucapan.webm"), "lang": "id"})
    assert too_big.status_code == 413 and "20 detik" in too_big.json["error"]
    nothing = voice_client.post("/suara/kenali", data={"lang": "id"})
    assert nothing.status_code == 415


def test_kenali_answers_503_with_retry_after_when_every_slot_is_busy(voice_client):
    stt.configure(stt._settings["folder"], workers=1)
    stt._pool.acquire()  # a recognition already running
    try:
        busy = voice_client.post("/suara/kenali?lang=ban", data={
            "audio": (io.BytesIO(spoken("satu")), "ucapan.ogg"), "lang": "ban"})
    finally:
        stt._pool.release()
    assert busy.status_code == 503 and busy.headers["Retry-After"].isdigit()
    assert busy.json["reason"] == "sibuk"
    with voice_client.application.test_request_context():
        from flask_babel import force_locale
        from pwa.bahasa.locales import locale_for
        from pwa.suara.respond import ERRORS
        with force_locale(locale_for("ban")):
            balinese = str(ERRORS["sibuk"])
        with force_locale(locale_for("id")):
            assert balinese != str(ERRORS["sibuk"]), "no Balinese translation"
    assert busy.json["error"] == balinese


def test_the_speech_endpoints_need_the_pages_csrf_token(speech_app):
    speech_app.config["WTF_CSRF_ENABLED"] = True
    client = speech_app.test_client()
    refused = client.post("/suara/ucap", data={"teks": "halo", "lang": "id"})
    assert refused.status_code == 400
    html = client.get("/tampilan").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    accepted = client.post("/suara/ucap", data={"teks": "halo", "lang": "id"},
                           headers={"X-CSRFToken": token})
    assert accepted.status_code == 200 and accepted.mimetype == "audio/ogg"
