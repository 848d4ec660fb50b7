"""Whether a layanan (service) can be chosen now, and in which mode. Pure Python."""


def mode_available(service: dict, mode: str) -> bool:
    """The service is open and offers this mode, which is open too."""
    m = service["modes"].get(str(mode))
    return bool(service["dibuka"] and m and m["dibuka"])
