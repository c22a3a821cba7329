"""Voice notes: taken as the words a button asked for, where a voice note is welcome."""

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.kernel.context import MendContext
from bot.kernel.handlers import reply, user_of
from bot.services import answers


async def voice(update: Update, context: MendContext) -> None:
    """A voice note: taken as the disclosure being written, if there is one."""
    message = update.effective_message
    assert message is not None and message.voice is not None
    file_id = message.voice.file_id
    await reply(update, await answers.voice(context.mend, user_of(update)[0], file_id))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    MessageHandler(filters.UpdateType.MESSAGE & filters.VOICE, voice),
]
