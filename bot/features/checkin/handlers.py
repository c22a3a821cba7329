"""/checkin, the scale and choice buttons, and No note."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.checkin import service, views
from bot.features.checkin.buttons import Choose, NoNote
from bot.features.checkin.models import NoteStillOpen
from bot.features.prompts import render_prompt, reply_with_prompt
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, user_of


async def checkin_now(update: Update, context: MendContext) -> None:
    """/checkin: today's check-in question with its answer buttons."""
    result = await service.checkin_now(context.mend, user_of(update)[0])
    if isinstance(result, NoteStillOpen):
        outgoing, ask_id = views.note_still_open(result.ask), result.ask.id
    else:
        outgoing, ask_id = render_prompt(context.mend, result), result.ask.id
    await reply_with_prompt(update, context, outgoing, ask_id)


async def choose(update: Update, context: MendContext) -> None:
    """A number on the 1-10 scale, or one of a prompt's choices: shown back, with No note."""
    button = await pressed(update, Choose)
    mend = context.mend
    ask = await service.choose(mend, user_of(update)[0], button.ask_id, button.value)
    await edit(update, context, views.chosen(mend, ask))


async def no_note(update: Update, context: MendContext) -> None:
    """No note: the answer as it stands, and whether it is revealed or waits."""
    button = await pressed(update, NoNote)
    mend = context.mend
    result = await service.finish_without_note(mend, user_of(update)[0], button.ask_id)
    await edit(update, context, views.completed(mend, result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("checkin", checkin_now),
    CallbackQueryHandler(choose, pattern=Choose.pattern()),
    CallbackQueryHandler(no_note, pattern=NoNote.pattern()),
]
