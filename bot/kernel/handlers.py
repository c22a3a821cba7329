"""Shared handler plumbing: replying, the private-chat guard, fallbacks and errors."""

import asyncio
import contextlib
import difflib
import logging
import math
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from typing import Any, TypeVar

from telegram import Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import texts
from bot.kernel import outbox
from bot.kernel.buttons import CallbackData
from bot.kernel.context import MendContext
from bot.kernel.db import COMMITTED
from bot.kernel.errors import MendError
from bot.kernel.feature import Feature, command_for
from bot.kernel.i18n import SOURCE, language_for, set_speaking
from bot.kernel.outgoing import Button, Outgoing
from bot.kernel.screens import Open, find
from bot.kernel.sender import markup
from bot.storage import users

log = logging.getLogger(__name__)

Data = TypeVar("Data", bound=CallbackData)
ButtonHandler = Callable[[Update, MendContext], Coroutine[Any, Any, None]]


# A direct reply that meets a 429 or a network fault is tried again, within reason: the user is
# waiting for it, and after a commit it is what tells them the truth about what happened.
TRIES = 3
MAX_WAIT = 30.0  # seconds a direct reply waits for a chat's 429 window before giving up
NETWORK_PAUSE = 0.5  # seconds before trying again after a network error

_ANSWERED: ContextVar[bool] = ContextVar("answered", default=False)

T = TypeVar("T")


async def _direct(
    context: MendContext, chat_id: int, call: Callable[[], Awaitable[T]], *, repeatable: bool
) -> T:
    """One Bot API call of a direct reply: never into a 429 window Telegram set for the chat
    (the sender's too: they share the limiter); after a 429, wait and try again; after a
    network error, try again only if repeating it is harmless (``repeatable``: an edit, not
    a send, which may have gone through before the connection dropped)."""
    limiter = context.bot_data.limiter
    for attempt in range(1, TRIES + 1):
        held = limiter.held(chat_id)
        if held > MAX_WAIT:
            raise RetryAfter(math.ceil(held))
        if held:
            await asyncio.sleep(held)
        try:
            return await call()
        except RetryAfter as error:
            retry = error.retry_after
            seconds = retry if isinstance(retry, int | float) else retry.total_seconds()
            limiter.back_off(seconds, chat_id)
            if attempt == TRIES:
                raise
        except BadRequest:
            raise  # Telegram's answer, not a fault: asking again would get the same
        except NetworkError:
            if not repeatable or attempt == TRIES:
                raise
            await asyncio.sleep(NETWORK_PAUSE)
    raise AssertionError("unreachable")


async def reply(update: Update, context: MendContext, outgoing: Outgoing) -> Message | None:
    """Answer the user's own message or button directly (the only messages sent inline)."""
    chat = update.effective_chat
    if chat is None:
        return None

    def send() -> Awaitable[Message]:
        return chat.send_message(
            outgoing.text, parse_mode=ParseMode.HTML, reply_markup=markup(outgoing)
        )

    return await _direct(context, chat.id, send, repeatable=False)


async def edit(update: Update, context: MendContext, outgoing: Outgoing) -> None:
    """Replace the message whose button was pressed. If it can't be edited (too old, gone, or
    the network keeps failing), the same words come as a new message: after a commit, they
    are how the user learns what really happened."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None

    def change() -> Awaitable[object]:
        return query.edit_message_text(
            outgoing.text, parse_mode=ParseMode.HTML, reply_markup=markup(outgoing)
        )

    try:
        await _direct(context, update.effective_chat.id, change, repeatable=True)
    except BadRequest as error:
        if "not modified" in error.message.lower():
            return
        await reply(update, context, outgoing)
    except NetworkError as error:
        log.warning("Editing a message failed (%s); sending it anew", type(error).__name__)
        await reply(update, context, outgoing)


async def detach(update: Update, context: MendContext) -> None:
    """Take the buttons off the message whose button was pressed; its words stay."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    with contextlib.suppress(BadRequest):
        await _direct(
            context,
            update.effective_chat.id,
            lambda: query.edit_message_reply_markup(None),
            repeatable=True,
        )


async def answer_button(update: Update) -> None:
    """Stop the pressed button's spinner: once per update (Telegram refuses a second)."""
    query = update.callback_query
    if query is None or _ANSWERED.get():
        return
    _ANSWERED.set(True)
    with contextlib.suppress(TelegramError):  # a spinner is not worth failing an update for
        await query.answer()


async def pressed(update: Update, kind: type[Data]) -> Data:
    """Stop the pressed button's spinner and read its typed data (its handler's pattern,
    ``kind.pattern()``, already matched it)."""
    query = update.callback_query
    assert query is not None
    await answer_button(update)
    data = kind.parse(query.data)
    assert data is not None
    return data


def pressed_message(update: Update) -> int:
    """The id of the message whose button was pressed."""
    query = update.callback_query
    assert query is not None and query.message is not None
    return query.message.message_id


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
    # Updates are handled one after another in one task: start each with clean marks.
    _ANSWERED.set(False)
    COMMITTED.set(False)
    # Whose action this is: what it sends anyone else is their partner's doing, and the
    # outbox keeps to that person's quiet hours.
    outbox.ACTOR.set(update.effective_user.id if update.effective_user else None)
    # Speak the person's own language, for the replies and for whatever fails.
    set_speaking(await _language(context, update))
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
            await message.reply_text(str(texts.GROUPS_NOT_SUPPORTED))
    # Stop the spinner on a button pressed outside a private chat; nothing else happens.
    await answer_button(update)
    raise ApplicationHandlerStop


async def _language(context: MendContext, update: Update) -> str:
    """The language the person reads Mend in: stored at first contact from Telegram's
    ``language_code`` and kept (they change it in /settings); for someone Mend met before it
    spoke several languages, taken now and stored."""
    user = update.effective_user
    if user is None:
        return SOURCE
    async with context.mend.db.read() as tx:
        stored = await users.language(tx, user.id)
        met_before = stored is None and await users.get(tx, user.id) is not None
    if stored is not None:
        return stored
    language = language_for(user.language_code)
    if met_before:  # before Mend spoke several languages: remember what Telegram says now
        async with context.mend.db.transaction() as tx:
            await users.set_language(tx, user.id, language)
    return language


# How alike a typed command and a real one must be (difflib's ratio) to ask "did you mean".
NEAR_MISS = 0.7


def _command_handlers(application: Application) -> dict[str, CommandHandler]:
    """Every command a registered CommandHandler answers, and that handler."""
    return {
        command: handler
        for group in application.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0] if text.strip() else ""


async def unknown_command(update: Update, context: MendContext) -> None:
    """A command Mend does not have by that name. In the person's own language (/hilfe,
    /erinnern checkin 21:00) it runs as that command, with what follows it; one close to a real
    one gets "did you mean /checkin?" (with a button when a feature has a screen of that
    name); anything else, a pointer to /help."""
    message = update.effective_message
    assert message is not None and message.text is not None
    handlers = _command_handlers(context.application)
    typed = _first_word(message.text).removeprefix("/").partition("@")[0].lower()
    command = command_for(context.mend.features, typed)
    if command in handlers:
        context.args = message.text.split()[1:]
        await handlers[command].callback(update, context)
        return
    close = difflib.get_close_matches(typed, sorted(handlers), 1, NEAR_MISS)
    if not close:
        await reply(update, context, Outgoing(str(texts.UNKNOWN_COMMAND)))
        return
    meant = close[0]
    rows: tuple[tuple[Button, ...], ...] = ()
    if find(context.mend.features, meant) is not None:
        label = texts.BUTTON_GO_TO_COMMAND.format(command=meant)
        rows = ((Button(label, Open(meant).pack()),),)
    await reply(update, context, Outgoing(texts.DID_YOU_MEAN.format(command=meant), rows))


class _CommandWord(filters.MessageFilter):
    """Text that starts with a command in a language Telegram makes no command of: "/помощь"
    comes as plain text (a command is Latin letters, digits and _ only)."""

    def __init__(self, features: tuple[Feature, ...]) -> None:
        super().__init__(name="CommandWord")
        self.features = features

    def filter(self, message: Message) -> bool:
        word = _first_word(message.text or "")
        return word.startswith("/") and command_for(self.features, word) is not None


async def unsupported_content(update: Update, context: MendContext) -> None:
    """Stickers, photos, voice and the like where text is expected."""
    await reply(update, context, Outgoing(str(texts.UNSUPPORTED_CONTENT)))


async def stale_button(update: Update, context: MendContext) -> None:
    """Callback data that matches no button Mend makes (old, or forged)."""
    await answer_button(update)
    await reply(update, context, Outgoing(str(texts.STALE_BUTTON)))


async def open_screen(update: Update, context: MendContext) -> None:
    """A button that opens a named screen: shown anew, or in place of the pressed message."""
    button = await pressed(update, Open)
    screen = find(context.mend.features, button.name)
    if screen is None:  # a screen that no feature declares (any more): an old button
        await reply(update, context, Outgoing(str(texts.STALE_BUTTON)))
        return
    user_id, _ = user_of(update)
    shown = await screen(context.mend, user_id)
    await (edit if button.here else reply)(update, context, shown)


async def on_error(update: object, context: MendContext) -> None:
    """The one error handler: kind words for expected errors, a log line for the rest.

    It tells the truth: "nothing was shared" only when nothing this update did was saved;
    nothing at all while Telegram has told us to leave the chat alone (a 429), since a
    message then would only deepen it. Logs carry the update id and the error's type, never
    what the user wrote.
    """
    error = context.error
    if not isinstance(update, Update):
        log.error("Error outside an update", exc_info=error)
        return
    await answer_button(update)
    chat = update.effective_chat
    if isinstance(error, RetryAfter):
        log.warning("Update %s: Telegram asked to wait; no reply sent", update.update_id)
        return
    if isinstance(error, MendError):
        message = error.message
    else:
        log.error("Error handling update %s", update.update_id, exc_info=error)
        message = str(texts.SAVED_THEN_WRONG if COMMITTED.get() else texts.SOMETHING_WRONG)
    if chat is not None and context.bot_data.limiter.held(chat.id):
        log.warning("Update %s: chat held by a 429; the error is not told", update.update_id)
        return
    try:
        await reply(update, context, Outgoing(message))
    except TelegramError as failure:
        log.warning(
            "Could not tell the user about an error in update %s (%s)",
            update.update_id,
            type(failure).__name__,
        )


def register(application: Application, features: tuple[Feature, ...]) -> None:
    """Add the features' handlers between the kernel's guard, its fallbacks and the one
    error handler."""
    # Group -1 runs first: anything outside a private chat is answered (commands only) and
    # stopped there, so nothing from a group is ever stored.
    application.add_handler(TypeHandler(Update, private_only), group=-1)
    only_new = filters.UpdateType.MESSAGE
    words = only_new & filters.TEXT & ~filters.COMMAND & _CommandWord(features)
    application.add_handler(MessageHandler(words, unknown_command))
    for feature in features:
        application.add_handlers(list(feature.handlers))
    application.add_handler(CallbackQueryHandler(open_screen, pattern=Open.pattern()))
    # Fallbacks last: unknown commands, non-text content, and buttons no handler claimed.
    application.add_handler(MessageHandler(only_new & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(only_new & ~filters.TEXT, unsupported_content))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_error_handler(on_error)
