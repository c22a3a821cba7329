"""The daily check-in: a prompt kind of the shared pipeline, with its reveal once both
partners answered."""

from bot.features.checkin import handlers, service, store, views
from bot.features.prompts import Ask, PromptKind, fire_reminders, register_kind
from bot.kernel.db import Tx
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User


async def _take_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    return views.completed(mend, await service.answer_text(tx, mend, user, ask, text))


KIND = register_kind(
    PromptKind(
        name=service.KIND,
        shared_by_couple=True,
        face=views.face,
        is_current=service.is_current,
        expired=views.CHECKIN_DAY_PASSED,
        take_text=_take_text,
        answered=views.answered,
    )
)

FEATURE = Feature(
    name="checkin",
    handlers=handlers.HANDLERS,
    reminder_kinds={service.KIND: fire_reminders},
    export=service.export,
    erase=store.erase_user,
)
