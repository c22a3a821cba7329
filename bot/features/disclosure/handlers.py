"""/disclose, /disclosures, /ask and the buttons they make.

Callback data carries only ids and choices; every service checks that the presser is the
person the button was for and that the item is still open.
"""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.disclosure import service, views
from bot.features.disclosure.buttons import (
    Acknowledge,
    Cancel,
    Edit,
    LogPage,
    NoNote,
    NothingToday,
    PickTopic,
    Send,
    ShareSomething,
    Undo,
)
from bot.kernel.context import MendContext
from bot.kernel.handlers import detach, edit, pressed, pressed_message, reply, user_of


async def disclose(update: Update, context: MendContext) -> None:
    """/disclose: the topics in force, as buttons."""
    await reply(update, context, views.pick(await service.pick(context.mend, user_of(update)[0])))


async def share_something(update: Update, context: MendContext) -> None:
    """Share something (on the check): the topics in force, in its place."""
    await pressed(update, ShareSomething)
    user_id = user_of(update)[0]
    await service.share_started(context.mend, user_id, pressed_message(update))
    await edit(update, context, views.pick(await service.pick(context.mend, user_id)))


async def pick_topic(update: Update, context: MendContext) -> None:
    """A topic: asked to write it now, or send a voice note."""
    button = await pressed(update, PickTopic)
    topic = await service.start(context.mend, user_of(update)[0], button.topic_id)
    await edit(update, context, views.writing(topic))


async def send(update: Update, context: MendContext) -> None:
    """Send: the disclosure, with Undo for 30 seconds."""
    button = await pressed(update, Send)
    user_id, message_id = user_of(update)[0], pressed_message(update)
    sent = await service.send(context.mend, user_id, button.disclosure_id, message_id)
    await edit(update, context, views.sending(sent))


async def edit_draft(update: Update, context: MendContext) -> None:
    """Edit: asked for the new version."""
    button = await pressed(update, Edit)
    await service.edit(context.mend, user_of(update)[0], button.disclosure_id)
    await edit(update, context, views.editing())


async def cancel(update: Update, context: MendContext) -> None:
    """Cancel: told nothing was sent and the words are erased."""
    button = await pressed(update, Cancel)
    await service.cancel(context.mend, user_of(update)[0], button.disclosure_id)
    await edit(update, context, views.cancelled())


async def undo(update: Update, context: MendContext) -> None:
    """Undo: the draft again, with Send / Edit / Cancel (or: it has already arrived)."""
    button = await pressed(update, Undo)
    draft = await service.undo(context.mend, user_of(update)[0], button.disclosure_id)
    await edit(update, context, views.preview(draft))


async def acknowledge(update: Update, context: MendContext) -> None:
    """An answer to a disclosure: the relay keeps its words, and a note may follow."""
    button = await pressed(update, Acknowledge)
    user_id = user_of(update)[0]
    chosen = await service.acknowledge(context.mend, user_id, button.disclosure_id, button.ack)
    await detach(update, context)
    shown = await reply(update, context, views.ack_chosen(chosen))
    if shown is not None:
        await service.showing_ack(context.mend, user_id, chosen.disclosure_id, shown.message_id)


async def without_note(update: Update, context: MendContext) -> None:
    """Send without a note: the answer goes to the author."""
    button = await pressed(update, NoNote)
    user_id, message_id = user_of(update)[0], pressed_message(update)
    sent = await service.ack_without_note(context.mend, user_id, button.disclosure_id, message_id)
    await edit(update, context, views.ack_sent(sent))


async def nothing_today(update: Update, context: MendContext) -> None:
    """Nothing to share today: noted (and the partner told, if so chosen)."""
    await pressed(update, NothingToday)
    noted = await service.nothing(context.mend, user_of(update)[0], pressed_message(update))
    await edit(update, context, views.nothing_noted(noted))


async def ask(update: Update, context: MendContext) -> None:
    """/ask: the partner gets the check now; at most once a day."""
    await reply(update, context, views.asked(await service.ask(context.mend, user_of(update)[0])))


async def shared_log(update: Update, context: MendContext) -> None:
    """/disclosures: the shared log, newest first."""
    await reply(
        update, context, views.shared_log(await service.log(context.mend, user_of(update)[0]))
    )


async def log_page(update: Update, context: MendContext) -> None:
    """« Newer / Older »: another page of the shared log, in place."""
    button = await pressed(update, LogPage)
    log = await service.log(context.mend, user_of(update)[0], button.offset)
    await edit(update, context, views.shared_log(log))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("disclose", disclose),
    CommandHandler("disclosures", shared_log),
    CommandHandler("ask", ask),
    CallbackQueryHandler(pick_topic, pattern=PickTopic.pattern()),
    CallbackQueryHandler(send, pattern=Send.pattern()),
    CallbackQueryHandler(edit_draft, pattern=Edit.pattern()),
    CallbackQueryHandler(cancel, pattern=Cancel.pattern()),
    CallbackQueryHandler(undo, pattern=Undo.pattern()),
    CallbackQueryHandler(acknowledge, pattern=Acknowledge.pattern()),
    CallbackQueryHandler(without_note, pattern=NoNote.pattern()),
    CallbackQueryHandler(share_something, pattern=ShareSomething.pattern()),
    CallbackQueryHandler(nothing_today, pattern=NothingToday.pattern()),
    CallbackQueryHandler(log_page, pattern=LogPage.pattern()),
]
