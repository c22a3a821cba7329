"""Shared handler plumbing: replying, the private-chat guard, fallbacks and errors."""

import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import texts
from bot.kernel.buttons import CallbackData
from bot.kernel.context import MendContext
from bot.kernel.errors import MendError
from bot.kernel.feature import Feature
from bot.kernel.outgoing import Outgoing
from bot.kernel.sender import markup

log = logging.getLogger(__name__)

Data = TypeVar("Data", bound=CallbackData)
ButtonHandler = Callable[[Update, MendContext], Coroutine[Any, Any, None]]


async def reply(update: Update, outgoing: Outgoing) -> Message | None:
    """Answer the user's own message or button directly (the only messages sent inline)."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await chat.send_message(
        outgoing.text, parse_mode=ParseMode.HTML, reply_markup=markup(outgoing)
    )


async def edit(update: Update, outgoing: Outgoing) -> None:
    """Replace the message whose button was pressed; send anew if it can't be edited."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(
            outgoing.text, parse_mode=ParseMode.HTML, reply_markup=markup(outgoing)
        )
    except BadRequest as error:
        if "not modified" in error.message.lower():
            return
        await reply(update, outgoing)


async def detach(update: Update) -> None:
    """Take the buttons off the message whose button was pressed; its words stay."""
    query = update.callback_query
    assert query is not None
    with contextlib.suppress(BadRequest):
        await query.edit_message_reply_markup(None)


async def pressed(update: Update, kind: type[Data]) -> Data:
    """Stop the pressed button's spinner and read its typed data (its handler's pattern,
    ``kind.pattern()``, already matched it)."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    data = kind.parse(query.data)
    assert data is not None
    return data


def text_after_command(update: Update) -> str:
    """The text after the command, as written (line breaks and all)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    parts = message.text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def user_of(update: Update) -> tuple[int, str]:
    """The sender's Telegram id and first name."""
    user = update.effective_user
    assert user is not None
    return user.id, user.first_name or ""


async def private_only(update: Update, context: MendContext) -> None:
    """Let through only new messages and buttons in private chats.

    Edited messages are ignored (an edited old /pair must not make a new invite). Outside
    private chats, a command meant for Mend gets a pointer to a private chat; nothing from a
    group is stored.
    """
    if update.edited_message is not None:
        raise ApplicationHandlerStop
    chat = update.effective_chat
    if chat is None or chat.type == chat.PRIVATE:
        return
    message = update.message
    if message is not None and message.text and message.text.startswith("/"):
        command = message.text.split(maxsplit=1)[0]
        addressee = command.partition("@")[2]
        if not addressee or addressee.lower() == context.bot.username.lower():
            await message.reply_text(texts.GROUPS_NOT_SUPPORTED)
    if update.callback_query is not None:
        # Stop the spinner on a button pressed outside a private chat; nothing else happens.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    raise ApplicationHandlerStop


async def unknown_command(update: Update, context: MendContext) -> None:
    """Any command Mend does not have."""
    await reply(update, Outgoing(texts.UNKNOWN_COMMAND))


async def unsupported_content(update: Update, context: MendContext) -> None:
    """Stickers, photos, voice and the like where text is expected."""
    await reply(update, Outgoing(texts.UNSUPPORTED_CONTENT))


async def stale_button(update: Update, context: MendContext) -> None:
    """Callback data that matches no button Mend makes (old, or forged)."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await reply(update, Outgoing(texts.STALE_BUTTON))


async def on_error(update: object, context: MendContext) -> None:
    """The one error handler: kind words for expected errors, a log line for the rest.

    Logs carry the update id and error, never what the user wrote.
    """
    error = context.error
    if not isinstance(update, Update):
        log.error("Error outside an update", exc_info=error)
        return
    if isinstance(error, MendError):
        message = error.message
    else:
        log.error("Error handling update %s", update.update_id, exc_info=error)
        message = texts.SOMETHING_WRONG
    if update.callback_query is not None:
        # The handler may have answered the query already; a second answer is refused.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    try:
        await reply(update, Outgoing(message))
    except TelegramError:
        log.warning("Could not tell the user about an error in update %s", update.update_id)


def register(application: Application, features: tuple[Feature, ...]) -> None:
    """Add the features' handlers between the kernel's guard, its fallbacks and the one
    error handler."""
    # Group -1 runs first: anything outside a private chat is answered (commands only) and
    # stopped there, so nothing from a group is ever stored.
    application.add_handler(TypeHandler(Update, private_only), group=-1)
    for feature in features:
        application.add_handlers(list(feature.handlers))
    # Fallbacks last: unknown commands, non-text content, and buttons no handler claimed.
    only_new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(only_new & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(only_new & ~filters.TEXT, unsupported_content))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_error_handler(on_error)
