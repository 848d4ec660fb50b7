"""The steps of the citizen's request form, one question per page (GOV.UK pattern), and when
each is answered. Pure Python: the step form, the one-page form's hand-over to it, and the
sign-language clips of each step (isyarat key langkah:<step>) all use this one list.
"""
STEPS = ("layanan", "cara", "data-diri", "alamat", "kebutuhan", "jadwal", "dokumen", "periksa")

# The answers a step must have before the next one opens.
NEEDED = {
    "layanan": ("layanan_id",), "cara": ("mode",), "data-diri": ("nama", "telepon"),
    "alamat": ("alamat", "desa", "kecamatan"), "kebutuhan": ("kategori",),
    "jadwal": ("jadwal",), "dokumen": ("dokumen_selesai",), "periksa": ("never",),
}
# Answers that depend on the service or the mode: asked again when either changes.
DEPENDS_ON_SERVICE = ("mode", "jadwal", "dokumen_selesai")
DEPENDS_ON_MODE = ("jadwal", "dokumen_selesai")


def steps_for(has_requirements: bool | None) -> list[str]:
    """A service without requirements has no documents step (None: service not chosen yet)."""
    steps = list(STEPS)
    if has_requirements is False:
        steps.remove("dokumen")
    return steps


def is_answered(step: str, data: dict) -> bool:
    return all(data.get(k) for k in NEEDED[step])


def first_unanswered(step: str, data: dict, steps: list[str]) -> str | None:
    """The earliest step before `step` still unanswered (the form sends her back there)."""
    for earlier in steps[:steps.index(step)] if step in steps else steps:
        if not is_answered(earlier, data):
            return earlier
    return None
