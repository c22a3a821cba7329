"""What the private journal looks like: the prompt to write, and the list with Delete buttons."""

from bot import texts
from bot.features.journal.buttons import Delete, Page
from bot.features.journal.models import Listing
from bot.kernel import pages, when
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Outgoing, buttons

PAGE = 5
PREVIEW_CHARS = 600

JOURNAL_WRITE = N_(
    "Write your entry now. It's for you alone: never sent, never shown to your partner."
)
JOURNAL_SAVED = N_("Saved in your private journal. /journal list shows your entries.")
JOURNAL_EMPTY = N_(
    "Your journal is empty. <code>/journal what's on your mind</code> writes an entry only "
    "you can read."
)
JOURNAL_TITLE = N_("<b>Your private journal</b> ({first} to {last} of {total}, newest first)")
JOURNAL_ENTRY = N_("<b>{n}.</b> {when}\n{text}")
BUTTON_DELETE_ENTRY = N_("Delete {n}")
JOURNAL_LIST_USAGE = N_(
    "To see an older entry, add its number: <code>/journal list 6</code>. "
    "<code>/journal list</code> alone shows the newest."
)
JOURNAL_NO_SUCH_ENTRY = N_(
    "There's no entry {number} in your journal: its entries are numbered 1 to {total}. "
    "<code>/journal list</code> shows the newest."
)
JOURNAL_DELETED = N_("Deleted.")
JOURNAL_GONE = N_("That entry is already gone.")


def write_now() -> Outgoing:
    return Outgoing(str(JOURNAL_WRITE))


def saved() -> Outgoing:
    return Outgoing(str(JOURNAL_SAVED))


def list_usage() -> str:
    return str(JOURNAL_LIST_USAGE)


def no_such_entry(number: int, total: int) -> str:
    return JOURNAL_NO_SUCH_ENTRY.format(number=number, total=total)


def listing(result: Listing) -> Outgoing:
    """The user's entries, newest first, each with its own Delete button."""
    if result.total == 0:
        return Outgoing(str(JOURNAL_EMPTY))
    offset, total = result.offset, result.total
    parts = [
        JOURNAL_TITLE.format(first=offset + 1, last=offset + len(result.entries), total=total)
    ]
    rows = []
    for number, entry in enumerate(result.entries, start=offset + 1):
        text = entry.body if len(entry.body) <= PREVIEW_CHARS else entry.body[:PREVIEW_CHARS] + "…"
        parts.append(
            JOURNAL_ENTRY.format(
                n=number,
                when=when.moment(entry.created_at, result.user.tz),
                text=texts.escape(text),
            )
        )
        rows.append([(BUTTON_DELETE_ENTRY.format(n=number), Delete(entry.id, offset).pack())])
    paging = pages.nav(offset, total, PAGE, Page.prefix)
    if paging:
        rows.append(paging)
    return Outgoing("\n\n".join(parts), buttons(*rows))


def deleted(result: Listing) -> Outgoing:
    """Deleted, and the list again."""
    listing_now = listing(result)
    return Outgoing(str(JOURNAL_DELETED) + "\n\n" + listing_now.text, listing_now.buttons)
