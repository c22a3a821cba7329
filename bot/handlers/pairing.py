"""/start, /pair, /unpair and their buttons."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import texts
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, reply, user_of
from bot.kernel.outgoing import Outgoing
from bot.services import accounts, pairing


async def start(update: Update, context: MendContext) -> None:
    """/start greets; /start <code> (the invite deep link) shows who invited you."""
    user_id, first_name = user_of(update)
    if context.args:
        code = context.args[0]
        outgoing = await pairing.preview_invite(context.mend, user_id, first_name, code)
    else:
        outgoing = await accounts.greet(context.mend, user_id, first_name)
    await reply(update, outgoing)


async def pair(update: Update, context: MendContext) -> None:
    """/pair: a single-use invite link and code."""
    user_id, first_name = user_of(update)
    outgoing = await pairing.create_invite(context.mend, user_id, first_name, context.bot.username)
    await reply(update, outgoing)


async def join(update: Update, context: MendContext) -> None:
    """Pair with <name>: the invited partner confirms."""
    assert update.callback_query is not None and context.matches
    await update.callback_query.answer()
    user_id, first_name = user_of(update)
    code = context.matches[0].group(1)
    await edit(update, await pairing.join(context.mend, user_id, first_name, code))


async def decline(update: Update, context: MendContext) -> None:
    """Not now: nothing changes."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit(update, Outgoing(texts.PAIR_DECLINED))


async def unpair(update: Update, context: MendContext) -> None:
    """/unpair: asks to confirm."""
    user_id, _ = user_of(update)
    await reply(update, await pairing.ask_unpair(context.mend, user_id))


async def confirm_unpair(update: Update, context: MendContext) -> None:
    """Yes, end the pairing."""
    assert update.callback_query is not None and context.matches
    await update.callback_query.answer()
    user_id, _ = user_of(update)
    couple_id = int(context.matches[0].group(1))
    await edit(update, await pairing.unpair(context.mend, user_id, couple_id))


async def keep_pairing(update: Update, context: MendContext) -> None:
    """No, keep it."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await edit(update, Outgoing(texts.KEPT_PAIRED))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("start", start),
    CommandHandler("pair", pair),
    CommandHandler("unpair", unpair),
    CallbackQueryHandler(join, pattern=r"^pj:([A-Za-z0-9_-]{1,64})$"),
    CallbackQueryHandler(decline, pattern=r"^pn$"),
    CallbackQueryHandler(confirm_unpair, pattern=r"^uy:(\d{1,18})$"),
    CallbackQueryHandler(keep_pairing, pattern=r"^un$"),
]
