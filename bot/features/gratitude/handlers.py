"""/gratitude, and Send / Keep private under a written appreciation."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.gratitude import service, views
from bot.features.gratitude.buttons import Keep, Send
from bot.features.prompts import render_prompt, reply_with_prompt
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, user_of


async def gratitude_now(update: Update, context: MendContext) -> None:
    """/gratitude: a gratitude prompt; the answer is shown back before anything is sent."""
    given = await service.gratitude_now(context.mend, user_of(update)[0])
    await reply_with_prompt(update, context, render_prompt(context.mend, given), given.ask.id)


async def send(update: Update, context: MendContext) -> None:
    """Send to <partner>: the appreciation is on its way; "Sent to <partner>"."""
    button = await pressed(update, Send)
    result = await service.send(context.mend, user_of(update)[0], button.ask_id)
    await edit(update, context, views.sent(result))


async def keep(update: Update, context: MendContext) -> None:
    """Keep private: "Kept private. Only you can see it"."""
    button = await pressed(update, Keep)
    result = await service.keep(context.mend, user_of(update)[0], button.ask_id)
    await edit(update, context, views.kept(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("gratitude", gratitude_now),
    CallbackQueryHandler(send, pattern=Send.pattern()),
    CallbackQueryHandler(keep, pattern=Keep.pattern()),
]
