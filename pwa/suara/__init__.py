"""Voice mode inside the app: where its files live (instance/suara/), the /suara endpoints the
voice scripts call, the words it says (teks.py), the office's recordings of them (rekaman.py,
/staf/admin/suara), and the `mentari speech` commands (cli.py). speech/ itself knows nothing of
Flask.

- POST /suara/ucap: text → Ogg/Opus (the page's own words, read aloud).
- GET /suara/prompt/<key>.ogg?lang=&laju=&v=: a fixed prompt (teks.py), rendered once,
  cached for a year by URL (v changes with the words or the office's recording) and kept
  offline by the service worker.
- POST /suara/kenali: a recording → JSON {text, intent, slots, confidence, yakin, ms}; too long
  413, not audio 415, recogniser busy or missing 503 with Retry-After (the page then offers
  the keypad). Nothing said is logged or kept: a name or an address may be in it.
"""
from speech import words

from .blueprint import bp  # noqa: F401  (registered by create_app)
from .folders import LANGS, configure_speech, folder, recordings_folder  # noqa: F401
from .respond import prompt_urls
from . import teks

# The voice scripts, in the order they run: each adds to one object (window.mentariSuara), and
# the last starts the dialogue. Loaded, deferred, only while voice mode is on (templates/base.html).
SCRIPTS = ("js/voice-words.js", "js/voice-audio.js", "js/voice-answers.js",
           "js/voice-questions.js", "js/voice-dialogue.js")


def init_app(app):
    from . import cli
    configure_speech(app)
    app.cli.add_command(cli.speech_command)
    # What the page needs of voice mode (templates/suara/_data.html): its sentences, their
    # prerendered sounds, and the words it listens for (speech/intents/*.yaml via speech.words).
    app.jinja_env.globals.update(suara_teks=teks.texts, suara_prompts=prompt_urls,
                                 suara_kata=words.for_page, suara_skrip=SCRIPTS)


from . import kenali, prompt, rekaman, ucap  # noqa: E402,F401  (their routes)
