"""Mend's expected errors.

A ``MendError`` is a problem with what the user asked for, not a bug. It carries the kind,
finished message (from :mod:`bot.texts`) that the single error handler shows to the user.
Nothing else is needed to turn an error into a reply.
"""

from bot.kernel.i18n import Words, say


class MendError(Exception):
    """An expected problem; ``error.message`` is the user-facing message, in the language
    of whoever reads it (the error handler answers the person whose update raised it)."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)
        self._message = message

    @property
    def message(self) -> str:
        return say(self._message)


class InvalidInput(MendError):
    """What the user typed could not be understood; the message says what works."""


class NotAllowed(MendError):
    """The request is understood but cannot be done now (not paired, already used, ...)."""


class Stale(MendError):
    """A button or item that is no longer open: old prompt, used invite, someone else's."""
