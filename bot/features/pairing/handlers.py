"""/pair, /unpair and their buttons (/start with an invite code is the home feature's)."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import texts
from bot.features.pairing import service, views
from bot.features.pairing.buttons import (
    BringBack,
    ConfirmUnpair,
    Decline,
    HistoryAnswer,
    Join,
    KeepPaired,
)
from bot.kernel.context import MendContext
from bot.kernel.errors import Stale
from bot.kernel.handlers import answer_button, edit, pressed, reply, user_of
from bot.kernel.screens import find


async def pair(update: Update, context: MendContext) -> None:
    """/pair: a single-use invite link and code."""
    user_id, first_name = user_of(update)
    made = await service.create_invite(context.mend, user_id, first_name)
    await reply(update, context, views.invite(made, context.bot.username))


async def join(update: Update, context: MendContext) -> None:
    """Pair with <name>: the invited partner confirms."""
    query = update.callback_query
    assert query is not None
    button = Join.parse(query.data)
    if button is None or not button.is_invite_code():
        raise Stale(texts.STALE_BUTTON)  # not a code Mend made: the error handler answers
    await answer_button(update)
    user_id, first_name = user_of(update)
    joined = await service.join(context.mend, user_id, first_name, button.code)
    # Someone who arrived by an invite is led on through set-up (timezone, times), if a
    # feature offers that screen.
    setup = find(context.mend.features, "setup")
    then = None if setup is None else await setup(context.mend, user_id)
    await edit(update, context, views.joined(joined, then))


async def decline(update: Update, context: MendContext) -> None:
    """Not now: nothing changes."""
    await answer_button(update)
    await edit(update, context, views.declined())


async def unpair(update: Update, context: MendContext) -> None:
    """/unpair: asks to confirm."""
    user_id, _ = user_of(update)
    await reply(
        update, context, views.unpair_question(await service.ask_unpair(context.mend, user_id))
    )


async def confirm_unpair(update: Update, context: MendContext) -> None:
    """Yes, end the pairing."""
    button = await pressed(update, ConfirmUnpair)
    user_id, _ = user_of(update)
    await service.unpair(context.mend, user_id, button.couple_id)
    await edit(update, context, views.unpaired())


async def keep_pairing(update: Update, context: MendContext) -> None:
    """No, keep it."""
    await answer_button(update)
    await edit(update, context, views.kept_paired())


async def bring_back(update: Update, context: MendContext) -> None:
    """Bring back our shared history? The answer noted, or the history back, or a fresh start."""
    button = await pressed(update, BringBack)
    user_id, _ = user_of(update)
    yes = button.answer is HistoryAnswer.YES
    result = await service.answer_history(context.mend, user_id, button.couple_id, yes)
    await edit(update, context, views.history_answered(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("pair", pair),
    CommandHandler("unpair", unpair),
    CallbackQueryHandler(join, pattern=Join.pattern()),
    CallbackQueryHandler(decline, pattern=Decline.pattern()),
    CallbackQueryHandler(confirm_unpair, pattern=ConfirmUnpair.pattern()),
    CallbackQueryHandler(keep_pairing, pattern=KeepPaired.pattern()),
    CallbackQueryHandler(bring_back, pattern=BringBack.pattern()),
]
