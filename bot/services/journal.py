"""The private journal: notes for the user alone, never relayed, never shown to the partner."""

from bot import texts
from bot.domain import schedule
from bot.domain.text import words
from bot.domain.tools import MAX_JOURNAL_CHARS
from bot.kernel import pages
from bot.kernel.db import Tx
from bot.kernel.errors import Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import require_user
from bot.storage import journal, users
from bot.storage.models import User

PAGE = 5
PREVIEW_CHARS = 600


async def command(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/journal <text> saves an entry; /journal alone asks for it; /journal list lists them."""
    if args.strip().lower() == "list":
        return await listing(mend, user_id)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        if not args.strip():
            await users.set_awaiting(tx, user.id, "journal", now)
            return Outgoing(texts.JOURNAL_WRITE)
        return await write(tx, mend, user, args)


async def write(tx: Tx, mend: Mend, user: User, text: str) -> Outgoing:
    """Save an entry (also the words after a bare /journal)."""
    body = words(text, MAX_JOURNAL_CHARS)
    now = mend.clock.now()
    await journal.add(tx, user.id, body, now)
    await users.set_awaiting(tx, user.id, None, now)
    return Outgoing(texts.JOURNAL_SAVED)


async def listing(mend: Mend, user_id: int, offset: int = 0) -> Outgoing:
    """/journal list: the user's entries, newest first, each with its own Delete button."""
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        total = await journal.count(tx, user.id)
        if total == 0:
            return Outgoing(texts.JOURNAL_EMPTY)
        offset = pages.clamp(offset, total, PAGE)
        entries = await journal.page(tx, user.id, PAGE, offset)
    parts = [texts.JOURNAL_TITLE.format(first=offset + 1, last=offset + len(entries), total=total)]
    rows = []
    for number, entry in enumerate(entries, start=offset + 1):
        text = entry.body if len(entry.body) <= PREVIEW_CHARS else entry.body[:PREVIEW_CHARS] + "…"
        parts.append(
            texts.JOURNAL_ENTRY.format(
                n=number,
                when=schedule.format_moment(entry.created_at, user.tz),
                text=texts.escape(text),
            )
        )
        rows.append([(texts.BUTTON_DELETE_ENTRY.format(n=number), f"jd:{entry.id}:{offset}")])
    paging = pages.nav(offset, total, PAGE, "jl")
    if paging:
        rows.append(paging)
    return Outgoing("\n\n".join(parts), buttons(*rows))


async def delete(mend: Mend, user_id: int, entry_id: int, offset: int) -> Outgoing:
    """Delete one entry, then show the list again."""
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        if not await journal.delete(tx, user_id, entry_id):
            raise Stale(texts.JOURNAL_GONE)
    listing_now = await listing(mend, user_id, offset)
    return Outgoing(texts.JOURNAL_DELETED + "\n\n" + listing_now.text, listing_now.buttons)
