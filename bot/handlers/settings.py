"""/timezone, /remind, /reminders, /pause and /resume."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, reply, user_of
from bot.services import accounts, reminders


async def timezone(update: Update, context: MendContext) -> None:
    """/timezone Berlin: sets it, or offers buttons when several zones match."""
    user_id, first_name = user_of(update)
    query = " ".join(context.args or [])
    await reply(update, await accounts.set_timezone(context.mend, user_id, first_name, query))


async def choose_timezone(update: Update, context: MendContext) -> None:
    """A timezone button."""
    assert update.callback_query is not None and context.matches
    await update.callback_query.answer()
    user_id, first_name = user_of(update)
    zone = context.matches[0].group(1)
    await edit(update, await accounts.choose_timezone(context.mend, user_id, first_name, zone))


async def remind(update: Update, context: MendContext) -> None:
    """/remind checkin 21:00 [days] | /remind gratitude off."""
    user_id, _ = user_of(update)
    await reply(update, await reminders.set_reminder(context.mend, user_id, context.args or []))


async def list_reminders(update: Update, context: MendContext) -> None:
    """/reminders: each reminder and when it next fires, in the user's time."""
    user_id, _ = user_of(update)
    await reply(update, await reminders.list_reminders(context.mend, user_id))


async def pause(update: Update, context: MendContext) -> None:
    """/pause 3d | 1w | until 2026-12-01."""
    user_id, _ = user_of(update)
    await reply(update, await accounts.pause(context.mend, user_id, " ".join(context.args or [])))


async def resume(update: Update, context: MendContext) -> None:
    """/resume: prompts start again."""
    user_id, _ = user_of(update)
    await reply(update, await accounts.resume(context.mend, user_id))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("timezone", timezone),
    CallbackQueryHandler(choose_timezone, pattern=r"^tz:([A-Za-z0-9_+/-]{1,60})$"),
    CommandHandler("remind", remind),
    CommandHandler("reminders", list_reminders),
    CommandHandler("pause", pause),
    CommandHandler("resume", resume),
]
