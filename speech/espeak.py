"""espeak-ng, the offline voice, through its C library as shipped in the espeakng-loader wheel
(so no system package is needed). Synchronous synthesis into a buffer of 16-bit mono samples.

The library keeps global state, so calls are serialised with a lock; it is fast (an utterance
in a few tens of milliseconds), so a lock costs little.
"""
import ctypes
import threading

import numpy as np

from .errors import EngineMissing

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_espeakCHARS_UTF8 = 1
_espeakRATE, _espeakPITCH = 1, 3
_POS_CHARACTER = 1
_DEFAULT_WPM = 160

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                                   ctypes.c_void_p)
_lock = threading.Lock()
_lib = None
_rate = 0
_chunks: list[np.ndarray] = []


@_SYNTH_CALLBACK
def _collect(wav, count, _events):
    if count > 0 and wav:
        _chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
    return 0  # continue


def _library():
    global _lib, _rate
    if _lib is None:
        try:
            import espeakng_loader
        except ImportError as missing:
            raise EngineMissing("espeak-ng is not installed (pip install espeakng-loader)") \
                from missing
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p,
                                          ctypes.c_int]
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                     espeakng_loader.get_data_path().encode(), 0)
        if rate <= 0:
            raise EngineMissing("espeak-ng could not start")
        lib.espeak_SetSynthCallback(_collect)
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint,
                                     ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                     ctypes.c_void_p, ctypes.c_void_p]
        _lib, _rate = lib, rate
    return _lib


def synthesise(text: str, voice: str = "id", rate: float = 1.0, pitch: int = 50,
               seed: int = 0) -> tuple[np.ndarray, int]:
    """(int16 samples, sample rate) of `text` spoken by espeak-ng's `voice` (e.g. "id",
    "id+f3"); `rate` scales the normal speed. Seeded: a process making the same calls in
    the same order gets the same samples (espeak-ng also keeps a little state between calls,
    its voices' flutter phase, so one call may differ slightly from an earlier identical one)."""
    with _lock:
        lib = _library()
        # The female variants add breath drawn from espeak-ng's own random numbers; unseeded,
        # the same text sounded a little different in each process, which moved the
        # development set's accuracy by several utterances between runs with nothing changed.
        lib.espeak_ng_SetRandSeed(seed)
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise EngineMissing(f"espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(_espeakRATE, int(_DEFAULT_WPM * rate), 0)
        lib.espeak_SetParameter(_espeakPITCH, int(pitch), 0)
        _chunks.clear()
        data = text.encode("utf-8") + b"\0"
        lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _espeakCHARS_UTF8, None, None)
        lib.espeak_Synchronize()
        samples = np.concatenate(_chunks) if _chunks else np.zeros(0, dtype=np.int16)
        _chunks.clear()
        return samples.astype(np.int16), _rate
