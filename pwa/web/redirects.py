"""Where a form may send a person back to: a path on this site, never another site."""


def local_path(target: str | None) -> str | None:
    """`target` when it is a path on this site, else None. An open redirect after sign-in
    would help phishing."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return None
