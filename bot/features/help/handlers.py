"""/help, its topics, and /privacy."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.help import views
from bot.features.help.buttons import ShowTopic
from bot.kernel.context import MendContext
from bot.kernel.feature import commands_of
from bot.kernel.handlers import edit, pressed, reply
from bot.kernel.outgoing import Outgoing


async def help_command(update: Update, context: MendContext) -> None:
    """/help: the daily commands on one screen, and a button per topic."""
    await reply(update, context, views.help_message(commands_of(context.mend.features)))


async def show_topic(update: Update, context: MendContext) -> None:
    """A help topic, in place of the help message, with Back."""
    button = await pressed(update, ShowTopic)
    await edit(update, context, views.topic(button.topic))


async def privacy(update: Update, context: MendContext) -> None:
    """/privacy: what is stored and who sees what."""
    await reply(update, context, Outgoing(str(views.PRIVACY)))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("help", help_command),
    CallbackQueryHandler(show_topic, pattern=ShowTopic.pattern()),
    CommandHandler("privacy", privacy),
]
