"""/export and /delete."""

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import BaseHandler, CommandHandler

from bot.kernel.context import MendContext
from bot.kernel.handlers import reply, user_of
from bot.services import data


async def export(update: Update, context: MendContext) -> None:
    """/export: a JSON file of everything the user wrote and what was shared with them."""
    chat = update.effective_chat
    assert chat is not None
    body, filename, caption = await data.export(context.mend, user_of(update)[0])
    await chat.send_chat_action(ChatAction.UPLOAD_DOCUMENT)
    await chat.send_document(body, filename=filename, caption=caption, parse_mode=ParseMode.HTML)


async def delete(update: Update, context: MendContext) -> None:
    """/delete: what will be erased, and how to confirm (type DELETE)."""
    await reply(update, await data.ask_delete(context.mend, user_of(update)[0]))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("export", export),
    CommandHandler("delete", delete),
]
