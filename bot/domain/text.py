"""What counts as words: blank messages, and the length limits of what users write."""

import unicodedata

from bot import texts
from bot.kernel.errors import InvalidInput


def is_blank(text: str) -> bool:
    """Nothing visible: only spaces and invisible format characters (zero-width space, ...)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


def words(text: str, limit: int) -> str:
    """The user's text, stripped; a kind refusal if it is empty or longer than ``limit``."""
    text = text.strip()
    if is_blank(text):
        raise InvalidInput(texts.EMPTY_ANSWER)
    if len(text) > limit:
        raise InvalidInput(texts.TOO_LONG.format(limit=limit, length=len(text)))
    return text
