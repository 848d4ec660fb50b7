"""How long a clip plays and how much it weighs, as the pages write it."""


def format_seconds(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def kilobytes(n: int) -> int:
    return max(1, round(n / 1024))
