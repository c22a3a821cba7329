"""The private journal: notes for the user alone, never relayed, never shown to the partner."""

from typing import Any

from bot.domain.text import words
from bot.features.journal import store, views
from bot.features.journal.models import Listing
from bot.kernel import pages
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import require_user
from bot.storage import users
from bot.storage.models import User

MAX_JOURNAL_CHARS = 3000


async def start(mend: Mend, user_id: int) -> None:
    """A bare /journal: the next words the user writes are the entry."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        await users.set_awaiting(tx, user.id, "journal", now)


async def save(mend: Mend, user_id: int, text: str) -> None:
    """/journal <text>: saved."""
    async with mend.db.transaction() as tx:
        await write(tx, mend, await require_user(tx, user_id), text)


async def write(tx: Tx, mend: Mend, user: User, text: str) -> None:
    """Save an entry (also the words after a bare /journal)."""
    body = words(text, MAX_JOURNAL_CHARS)
    now = mend.clock.now()
    await store.add(tx, user.id, body, now)
    await users.set_awaiting(tx, user.id, None, now)


async def listing(mend: Mend, user_id: int, offset: int = 0) -> Listing:
    """/journal list: the user's entries, newest first."""
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        total = await store.count(tx, user.id)
        if total == 0:
            return Listing(user, [], 0, 0)
        offset = pages.clamp(offset, total, views.PAGE)
        entries = await store.page(tx, user.id, views.PAGE, offset)
    return Listing(user, entries, offset, total)


async def listing_from(mend: Mend, user_id: int, wanted: str | None) -> Listing:
    """/journal list [n]: the newest entries, or the page with entry ``n`` (as numbered in the
    list); a number that is not one of them, or no number, is kindly refused."""
    if wanted is None:
        return await listing(mend, user_id)
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        total = await store.count(tx, user.id)
    if total == 0:
        return Listing(user, [], 0, 0)
    if not (wanted.isascii() and wanted.isdigit()):
        raise InvalidInput(views.list_usage())
    number = int(wanted)
    if not 1 <= number <= total:
        raise InvalidInput(views.no_such_entry(number, total))
    return await listing(mend, user_id, (number - 1) // views.PAGE * views.PAGE)


async def delete(mend: Mend, user_id: int, entry_id: int, offset: int) -> Listing:
    """Delete one entry; the list as it is now."""
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        if not await store.delete(tx, user_id, entry_id):
            raise Stale(views.JOURNAL_GONE)
    return await listing(mend, user_id, offset)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's journal (never a partner's)."""
    return {
        "written_by_you": {
            "journal": [
                {"text": e.body, "written_at": scope.when(e.created_at)}
                for e in await store.all_of(tx, scope.me.id)
            ]
        }
    }
