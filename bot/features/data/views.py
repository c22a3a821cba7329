"""The user's own data as they see it: the export's caption and file name, and /delete's
question and answers."""

from datetime import date

from bot import texts
from bot.features.data.models import DeleteAsked, Deleted
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Outgoing

EXPORT_CAPTION = N_(
    "Your Mend data: everything you wrote, and what a partner chose to share with you. "
    "The file isn't encrypted, so keep it somewhere safe."
)
EXPORT_PARTNER_UNNAMED = N_("A former partner")  # one whose name is no longer kept
EXPORT_FILENAME = "mend-export-{day}.json"  # a file name, the same in every language
EXPORT_ABOUT = N_(
    "Everything you wrote in Mend, and everything a partner chose to share with you. "
    "Times are in your timezone, {zone}."
)
EXPORT_ABOUT_UTC = N_(
    "Everything you wrote in Mend, and everything a partner chose to share with you. "
    "Times are in UTC."
)

# Translators: the word someone types, in capital letters, to confirm erasing all they wrote.
DELETE_WORD = N_("DELETE")
DELETE_CONFIRM = N_(
    "<b>Delete your data?</b>\n"
    "This erases everything you've written in Mend: check-in answers and notes, appreciations, "
    "disclosures and your answers to them, topics, promises, wins, your journal, your "
    "reminders and your settings.\n"
    "{pairing}"
    "It can't be undone. For a copy first, send /export.\n\n"
    "To confirm, type <code>{word}</code> in capital letters. Anything else cancels."
)
DELETE_ENDS_PAIRING = N_(
    "Your pairing with {name} ends too. They're told only that it ended; what they already "
    "received stays in their chat, and their own entries stay theirs.\n"
)
DELETE_CANCELLED = N_("Nothing was deleted. Everything is just as it was.")
DELETE_DONE = N_(
    "Done. Everything you wrote in Mend is erased, and your settings with it. "
    "Messages already delivered stay in each chat, as Telegram keeps them. "
    "If you ever want to start again, send /start."
)
DELETE_DONE_ENDED = N_(
    "Done. Everything you wrote in Mend is erased, and your settings with it. "
    "Your pairing has ended; {name} was told only that it ended. "
    "Messages already delivered stay in each chat, as Telegram keeps them. "
    "If you ever want to start again, send /start."
)


def export_about(zone: str | None) -> str:
    """What the file is, and the timezone its times are in (UTC when none is set)."""
    return EXPORT_ABOUT.format(zone=zone) if zone else str(EXPORT_ABOUT_UTC)


def export_filename(day: date) -> str:
    return EXPORT_FILENAME.format(day=day.isoformat())


def delete_asked(asked: DeleteAsked) -> Outgoing:
    """What will be erased, and how to confirm."""
    partner = asked.partner_name
    pairing = "" if partner is None else DELETE_ENDS_PAIRING.format(name=texts.escape(partner))
    return Outgoing(DELETE_CONFIRM.format(pairing=pairing, word=DELETE_WORD))


def deleted(outcome: Deleted) -> Outgoing:
    """The answer to the words after /delete."""
    if not outcome.erased:
        return Outgoing(str(DELETE_CANCELLED))
    partner = outcome.partner_name
    if partner is None:
        return Outgoing(str(DELETE_DONE))
    return Outgoing(DELETE_DONE_ENDED.format(name=texts.escape(partner)))
