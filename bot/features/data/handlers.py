"""/export and /delete: the user's own data."""

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.data import service, views
from bot.features.data.buttons import ExportNow
from bot.kernel.context import MendContext
from bot.kernel.db import Tx
from bot.kernel.handlers import pressed, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User


async def export(update: Update, context: MendContext) -> None:
    """/export: a JSON file of everything the user wrote and what was shared with them."""
    chat = update.effective_chat
    assert chat is not None
    exported = await service.export(context.mend, user_of(update)[0])
    await chat.send_chat_action(ChatAction.UPLOAD_DOCUMENT)
    await chat.send_document(
        exported.body,
        filename=views.export_filename(exported.day),
        caption=str(views.EXPORT_CAPTION),
        parse_mode=ParseMode.HTML,
    )


async def export_now(update: Update, context: MendContext) -> None:
    """Export my data (a button in /settings): the same file /export sends."""
    await pressed(update, ExportNow)
    await export(update, context)


async def delete(update: Update, context: MendContext) -> None:
    """/delete: what will be erased, and how to confirm (type DELETE)."""
    await reply(
        update,
        context,
        views.delete_asked(await service.ask_delete(context.mend, user_of(update)[0])),
    )


async def delete_words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The words after /delete: "erased" (and the pairing ended), or "nothing was deleted"."""
    return views.deleted(await service.confirm_delete(tx, mend, user, text))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("export", export),
    CallbackQueryHandler(export_now, pattern=ExportNow.pattern()),
    CommandHandler("delete", delete),
]
