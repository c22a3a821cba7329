"""The features not yet moved into a package of their own, declared as one.

Each is carved out of here into ``bot/features/<name>/`` and its own line in the registry;
when this file is empty it goes.
"""

from collections.abc import Sequence
from datetime import datetime

from telegram.ext import CommandHandler

from bot import texts
from bot.handlers import agreement as agreement_handlers
from bot.handlers import pairing as pairing_handlers
from bot.handlers import review as review_handlers
from bot.handlers import settings as settings_handlers
from bot.handlers import tools as tool_handlers
from bot.kernel import handlers as common
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed
from bot.kernel.feature import Feature, TextInput
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.services import (
    agreement,
    data,
    disclosure,
    journal,
    promises,
    review,
    timeouts,
)
from bot.storage import agreements
from bot.storage import promises as promise_store
from bot.storage import review as review_store
from bot.storage import timeouts as timeout_store
from bot.storage.models import Reminder, User


async def _couple_ended(tx: Tx, couple_id: int, now: datetime) -> None:
    await agreements.end_all(tx, couple_id, now)
    await promise_store.cancel_open(tx, couple_id, now)
    await timeout_store.end_all(tx, couple_id)


async def _disclosure_checks(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    return await disclosure.queue_checks(tx, [r.user_id for r in due], now)


async def _reviews(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    return await review.request_due(tx, list(due), now)


def _text(text: str | None) -> str:
    if text is None:
        raise NotAllowed(texts.UNSUPPORTED_CONTENT)
    return text


async def _disclose(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await disclosure.write(tx, mend, user, int(ident), text, voice)


async def _ack(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await disclosure.send_ack(tx, mend, user, int(ident), _text(text))


async def _topic(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await agreement.own_topic(tx, mend, user, _text(text))


async def _change(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await agreement.changed_words(tx, mend, user, int(ident), _text(text))


async def _delete(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await data.confirm_delete(tx, mend, user, _text(text))


async def _journal(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    return await journal.write(tx, mend, user, _text(text))


FEATURE = Feature(
    name="legacy",
    handlers=(
        *pairing_handlers.HANDLERS,
        *settings_handlers.HANDLERS,
        *agreement_handlers.HANDLERS,
        *tool_handlers.HANDLERS,
        *review_handlers.HANDLERS,
        CommandHandler("help", common.help_command),
        CommandHandler("privacy", common.privacy),
    ),
    reminder_kinds={
        "disclosure": _disclosure_checks,
        "review": _reviews,
    },
    jobs=(
        agreement.review_due,
        review.render_due,
        promises.ask_due,
        timeouts.end_due,
    ),
    text_inputs={
        "disclose": TextInput(_disclose, voice=True),
        "ack": TextInput(_ack),
        "topic": TextInput(_topic),
        "change": TextInput(_change),
        "delete": TextInput(_delete),
        "journal": TextInput(_journal),
    },
    on_couple_end=_couple_ended,
    export=data.legacy_export,
    erase=review_store.erase_user,
)
