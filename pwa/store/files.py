"""Uploaded files on disk: written atomically under random names, outside static/, and removed
when nothing points to them any more."""
import os
import secrets
from pathlib import Path

from ..domain.uploads import CheckedFile, extension


def save(folder: str, checked: CheckedFile, suffix: str | None = None) -> str:
    """Write under a random name (ending in `suffix`, else the type's extension); returns the
    stored name (no path)."""
    name = f"{secrets.token_hex(16)}.{suffix or extension(checked.mime)}"
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / (name + ".part")
    tmp.write_bytes(checked.data)
    # Rename last, so a crash never leaves a half-written file under a name the store points to.
    os.replace(tmp, target / name)
    return name


def remove(folder: str, name: str | None) -> None:
    """Delete a stored file; a name with a path in it is refused (names are ours, never typed)."""
    if not name or os.path.basename(name) != name:
        return
    try:
        os.unlink(Path(folder) / name)
    except FileNotFoundError:
        pass
