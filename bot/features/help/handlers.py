"""/help and /privacy."""

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.features.help import views
from bot.kernel.context import MendContext
from bot.kernel.handlers import reply
from bot.kernel.outgoing import Outgoing


async def help_command(update: Update, context: MendContext) -> None:
    """/help: every command with an example."""
    await reply(update, context, Outgoing(views.HELP))


async def privacy(update: Update, context: MendContext) -> None:
    """/privacy: what is stored and who sees what."""
    await reply(update, context, Outgoing(views.PRIVACY))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("help", help_command),
    CommandHandler("privacy", privacy),
]
