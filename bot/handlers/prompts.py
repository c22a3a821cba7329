"""/checkin, /gratitude, answering by text, and the buttons on prompts."""

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.kernel.context import MendContext
from bot.kernel.handlers import ButtonHandler, edit, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.services import answers, checkin, gratitude


async def checkin_now(update: Update, context: MendContext) -> None:
    """/checkin: today's check-in question with its answer buttons."""
    await _send_prompt(update, context, checkin.checkin_now)


async def gratitude_now(update: Update, context: MendContext) -> None:
    """/gratitude: a gratitude prompt; the answer is shown back before anything is sent."""
    await _send_prompt(update, context, gratitude.gratitude_now)


async def _send_prompt(
    update: Update,
    context: MendContext,
    open_prompt: Callable[[Mend, int], Awaitable[tuple[Outgoing, int]]],
) -> None:
    """Send a prompt as the direct reply, and link the message to its ask for replies."""
    outgoing, ask_id = await open_prompt(context.mend, user_of(update)[0])
    sent = await reply(update, outgoing)
    if sent is not None:
        await answers.remember_message(context.mend, ask_id, sent.message_id)


async def text_answer(update: Update, context: MendContext) -> None:
    """A plain message: the answer to the prompt it replies to, or to the open one."""
    message = update.effective_message
    assert message is not None and message.text is not None
    user_id, _ = user_of(update)
    replied = message.reply_to_message
    reply_to = replied.message_id if replied is not None else None
    await reply(update, await answers.answer(context.mend, user_id, message.text, reply_to))


def _ids(context: MendContext) -> tuple[int, ...]:
    assert context.matches
    return tuple(int(group) for group in context.matches[0].groups())


async def choose(update: Update, context: MendContext) -> None:
    """A number on the 1-10 scale, or one of a prompt's choices."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    ask_id, value = _ids(context)
    await edit(update, await checkin.choose(context.mend, user_of(update)[0], ask_id, value))


def ask_button(action: Callable[[Mend, int, int], Awaitable[Outgoing]]) -> ButtonHandler:
    """A handler for a button on one of the user's prompts (No note, Remind me in 1 h, Skip
    today, Send, Keep private): run ``action(mend, user id, ask id)`` and show its answer in
    place of the message. The service checks the ask is the presser's own and still open."""

    async def handle(update: Update, context: MendContext) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer()
        (ask_id,) = _ids(context)
        await edit(update, await action(context.mend, user_of(update)[0], ask_id))

    handle.__doc__ = action.__doc__
    return handle


_ID = r"(\d{1,18})"
HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("checkin", checkin_now),
    CommandHandler("gratitude", gratitude_now),
    CallbackQueryHandler(choose, pattern=rf"^ck:{_ID}:(\d{{1,2}})$"),
    CallbackQueryHandler(ask_button(checkin.finish_without_note), pattern=rf"^nn:{_ID}$"),
    CallbackQueryHandler(ask_button(answers.snooze), pattern=rf"^sz:{_ID}$"),
    CallbackQueryHandler(ask_button(answers.skip), pattern=rf"^sk:{_ID}$"),
    CallbackQueryHandler(ask_button(gratitude.send), pattern=rf"^gs:{_ID}$"),
    CallbackQueryHandler(ask_button(gratitude.keep), pattern=rf"^gk:{_ID}$"),
    MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, text_answer),
]
