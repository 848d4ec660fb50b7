"""What can go wrong with speech, as exceptions the web layer turns into clear answers."""


class SpeechError(Exception):
    """Base class."""


class AudioTooLong(SpeechError):
    """An utterance over the limits (20 s, 1 MB): a command never needs that long."""


class AudioUndecodable(SpeechError):
    """Not audio, or audio no decoder here can read."""


class Busy(SpeechError):
    """Every recognition slot is taken; try again in a moment (or use the keypad)."""


class EngineMissing(SpeechError):
    """The engine or model for this request is not installed."""
