"""/agreement, /disclose, /disclosures, /ask, and the buttons they make.

Callback data carries only ids and choices; every service checks that the presser is the
person the button was for and that the item is still open.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.kernel.context import MendContext
from bot.kernel.handlers import ButtonHandler, detach, edit, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.services import agreement, disclosure


def command(action: Callable[[Mend, int], Awaitable[Outgoing]]) -> ButtonHandler:
    """A command whose answer is ``action(mend, user id)``."""

    async def handle(update: Update, context: MendContext) -> None:
        await reply(update, await action(context.mend, user_of(update)[0]))

    handle.__doc__ = action.__doc__
    return handle


def button(
    action: Callable[..., Awaitable[Outgoing]], *, below: bool = False, answered: bool = False
) -> ButtonHandler:
    """A button whose answer is ``action(mend, user id, *matched groups)`` (digits as ints),
    shown in place of the message, or, with ``below``, as a new message under it. With
    ``answered`` the message keeps its words and loses its buttons."""

    async def handle(update: Update, context: MendContext) -> None:
        query = update.callback_query
        assert query is not None and context.matches
        await query.answer()
        args: list[Any] = [
            int(group) if group.isdigit() else group for group in context.matches[0].groups()
        ]
        outgoing = await action(context.mend, user_of(update)[0], *args)
        if answered:
            await detach(update)
        if below or answered:
            await reply(update, outgoing)
        else:
            await edit(update, outgoing)

    handle.__doc__ = action.__doc__
    return handle


async def disclosures_log(update: Update, context: MendContext) -> None:
    """/disclosures: the shared log, newest first."""
    await reply(update, await disclosure.log(context.mend, user_of(update)[0]))


def _renew(mend: Mend, user_id: int, topic_id: int, choice: str) -> Awaitable[Outgoing]:
    return agreement.renew(mend, user_id, topic_id, choice == "renew")


_ID = r"(\d{1,18})"
HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("agreement", command(agreement.show)),
    CommandHandler("disclose", command(disclosure.pick)),
    CommandHandler("disclosures", disclosures_log),
    CommandHandler("ask", command(disclosure.ask)),
    # The agreement
    CallbackQueryHandler(button(agreement.pick), pattern=r"^ap$"),
    CallbackQueryHandler(button(agreement.choose_suggestion), pattern=r"^at:([a-z0-9-]{1,61})$"),
    CallbackQueryHandler(button(agreement.write_own), pattern=r"^ao$"),
    CallbackQueryHandler(button(agreement.propose), pattern=rf"^tp:{_ID}:(\d{{1,3}})$"),
    CallbackQueryHandler(button(agreement.view, below=True), pattern=rf"^tv:{_ID}$"),
    CallbackQueryHandler(button(agreement.accept), pattern=rf"^ta:{_ID}$"),
    CallbackQueryHandler(button(agreement.decline), pattern=rf"^td:{_ID}$"),
    CallbackQueryHandler(button(agreement.suggest_change), pattern=rf"^tc:{_ID}$"),
    CallbackQueryHandler(button(agreement.answer_check), pattern=rf"^fc:{_ID}:(yes|unsure|no)$"),
    CallbackQueryHandler(button(agreement.ask_check_again, below=True), pattern=r"^fa$"),
    CallbackQueryHandler(button(agreement.withdraw_pick), pattern=r"^aw$"),
    CallbackQueryHandler(button(agreement.withdraw), pattern=rf"^tw:{_ID}$"),
    CallbackQueryHandler(button(agreement.history), pattern=r"^ah$"),
    CallbackQueryHandler(button(agreement.toggle_nothing), pattern=r"^an$"),
    CallbackQueryHandler(button(_renew), pattern=rf"^tr:{_ID}:(renew|end)$"),
    # Disclosing
    CallbackQueryHandler(button(disclosure.start), pattern=rf"^dt:{_ID}$"),
    CallbackQueryHandler(button(disclosure.send), pattern=rf"^ds:{_ID}$"),
    CallbackQueryHandler(button(disclosure.edit), pattern=rf"^de:{_ID}$"),
    CallbackQueryHandler(button(disclosure.cancel), pattern=rf"^dc:{_ID}$"),
    CallbackQueryHandler(button(disclosure.undo), pattern=rf"^du:{_ID}$"),
    CallbackQueryHandler(
        button(disclosure.acknowledge, answered=True), pattern=rf"^ak:{_ID}:(thanks|talk|time)$"
    ),
    CallbackQueryHandler(button(disclosure.ack_without_note), pattern=rf"^ax:{_ID}$"),
    CallbackQueryHandler(button(disclosure.pick), pattern=r"^xs$"),
    CallbackQueryHandler(button(disclosure.nothing), pattern=r"^xn$"),
    CallbackQueryHandler(button(disclosure.log), pattern=r"^dl:(\d{1,6})$"),
]
