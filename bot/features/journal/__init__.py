"""The private journal: /journal, notes for the user alone."""

from bot.features.journal import handlers, service, store, views
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User

__all__ = ["FEATURE", "MAX_JOURNAL_CHARS", "keep_words"]

MAX_JOURNAL_CHARS = service.MAX_JOURNAL_CHARS


async def keep_words(tx: Tx, mend: Mend, user: User, text: str) -> None:
    """Save ``text`` as one of the user's journal entries, exactly as written (another feature
    offered to keep it: the free-text router's "Keep it in my journal")."""
    await service.write(tx, mend, user, text)


async def _entry(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The words after a bare /journal."""
    await service.write(tx, mend, user, text)
    return views.saved()


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """The journal (from the home screen): as /journal alone, it waits for the entry."""
    await service.start(mend, user_id)
    return views.write_now()


FEATURE = Feature(
    name="journal",
    screens={"journal": _screen},
    handlers=handlers.HANDLERS,
    text_inputs={"journal": words_only(_entry)},
    export=service.export,
    erase=store.erase_user,
)
