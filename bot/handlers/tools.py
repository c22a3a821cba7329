"""/repair, /journal, and their buttons."""

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.handlers.agreement import button
from bot.kernel.context import MendContext
from bot.kernel.handlers import ButtonHandler, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.services import journal, repair


def with_text(action: Callable[[Mend, int, str], Awaitable[Outgoing]]) -> ButtonHandler:
    """A command whose answer is ``action(mend, user id, the text after the command)``."""

    async def handle(update: Update, context: MendContext) -> None:
        message = update.effective_message
        assert message is not None and message.text is not None
        parts = message.text.split(maxsplit=1)  # the command, then the text as written
        text = parts[1] if len(parts) > 1 else ""
        await reply(update, await action(context.mend, user_of(update)[0], text))

    handle.__doc__ = action.__doc__
    return handle


async def _repair(mend: Mend, user_id: int, text: str) -> Outgoing:
    """/repair shows the plan; /repair add|edit|remove|reset proposes a change."""
    if not text.strip():
        return await repair.show(mend, user_id)
    return await repair.propose(mend, user_id, text)


_ID = r"(\d{1,18})"
_OFFSET = r"(\d{1,6})"
HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("repair", with_text(_repair)),
    CommandHandler("journal", with_text(journal.command)),
    CallbackQueryHandler(button(repair.decide), pattern=rf"^rc:{_ID}:(yes|no)$"),
    CallbackQueryHandler(button(journal.delete), pattern=rf"^jd:{_ID}:{_OFFSET}$"),
    CallbackQueryHandler(button(journal.listing), pattern=rf"^jl:{_OFFSET}$"),
]
