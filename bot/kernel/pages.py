"""Lists shown a page at a time (the shared log, wins, the journal), newest first."""

from bot import texts


def clamp(offset: int, total: int, size: int) -> int:
    """A page start within the list: a stale or forged offset shows the last page."""
    return min(max(offset, 0), max(total - 1, 0) // size * size)


def nav(offset: int, total: int, size: int, prefix: str) -> list[tuple[str, str]]:
    """« Newer / Older » buttons; their callback data is ``<prefix>:<offset>``."""
    row = []
    if offset > 0:
        row.append((str(texts.BUTTON_NEWER), f"{prefix}:{max(offset - size, 0)}"))
    if offset + size < total:
        row.append((str(texts.BUTTON_OLDER), f"{prefix}:{offset + size}"))
    return row
