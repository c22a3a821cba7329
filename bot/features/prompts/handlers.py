"""Remind me in 1 h, Skip today, and the free-text and voice messages."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.features.prompts import router, service, views
from bot.features.prompts.buttons import KeepWords, Skip, Snooze
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, user_of
from bot.kernel.outgoing import Outgoing


async def reply_with_prompt(
    update: Update, context: MendContext, outgoing: Outgoing, ask_id: int
) -> None:
    """Send a prompt as the direct reply, and link the message to its ask for replies."""
    sent = await reply(update, context, outgoing)
    if sent is not None:
        await service.remember_message(context.mend, ask_id, sent.message_id)


async def snooze(update: Update, context: MendContext) -> None:
    """Remind me in 1 h: the prompt gives way to "I'll ask again at <time>"."""
    button = await pressed(update, Snooze)
    result = await service.snooze(context.mend, user_of(update)[0], button.ask_id)
    await edit(update, context, views.snoozed(result))


async def skip(update: Update, context: MendContext) -> None:
    """Skip today: the prompt gives way to "Skipped for today"."""
    button = await pressed(update, Skip)
    await service.skip(context.mend, user_of(update)[0], button.ask_id)
    await edit(update, context, views.skipped())


async def keep_words(update: Update, context: MendContext) -> None:
    """Keep it in my journal: the words are saved, and the choices give way to "Kept"."""
    button = await pressed(update, KeepWords)
    await router.keep_held(context.mend, user_of(update)[0], button.held_id)
    await edit(update, context, views.kept_words())


async def text_answer(update: Update, context: MendContext) -> None:
    """A plain message: the answer to the prompt it replies to, or to the open one."""
    message = update.effective_message
    assert message is not None and message.text is not None
    user_id, _ = user_of(update)
    replied = message.reply_to_message
    reply_to = replied.message_id if replied is not None else None
    answered = await router.answer(context.mend, user_id, message.text, reply_to)
    sent = await reply(update, context, answered)
    carried = router.REPLY_CARRIES.get()
    if sent is not None and carried is not None:  # a typed 7: its reply is the question now
        await service.remember_message(context.mend, carried, sent.message_id)


async def voice(update: Update, context: MendContext) -> None:
    """A voice note: taken as the words being written, where a voice note is welcome."""
    message = update.effective_message
    assert message is not None and message.voice is not None
    file_id = message.voice.file_id
    await reply(update, context, await router.voice(context.mend, user_of(update)[0], file_id))


BUTTONS: list[BaseHandler[Update, MendContext, None]] = [
    CallbackQueryHandler(snooze, pattern=Snooze.pattern()),
    CallbackQueryHandler(skip, pattern=Skip.pattern()),
    CallbackQueryHandler(keep_words, pattern=KeepWords.pattern()),
]
# After every command handler (the prompts feature is last in the registry).
MESSAGES: list[BaseHandler[Update, MendContext, None]] = [
    MessageHandler(filters.UpdateType.MESSAGE & filters.VOICE, voice),
    MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, text_answer),
]
