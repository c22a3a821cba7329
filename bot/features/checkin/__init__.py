"""The daily check-in: a prompt kind of the shared pipeline, with its reveal once both
partners answered. Its reminders also ask about promises made without a time."""

from collections.abc import Sequence
from datetime import datetime

from bot.features import promises
from bot.features.checkin import handlers, service, store, views
from bot.features.prompts import Ask, PromptKind, fire_reminders, register_kind
from bot.kernel.db import Tx
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import Reminder, User


async def _take_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    return views.completed(mend, await service.answer_text(tx, mend, user, ask, text))


async def _reminders(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Check-in reminders: the prompts, and any promise made without a time."""
    queued = await fire_reminders(tx, mend, due, now)
    return queued + await promises.ask_undated(tx, [r.user_id for r in due], now)


KIND = register_kind(
    PromptKind(
        name=service.KIND,
        shared_by_couple=True,
        face=views.face,
        is_current=service.is_current,
        expired=views.CHECKIN_DAY_PASSED,
        take_text=_take_text,
    )
)

FEATURE = Feature(
    name="checkin",
    handlers=handlers.HANDLERS,
    reminder_kinds={service.KIND: _reminders},
    export=service.export,
    erase=store.erase_user,
)
