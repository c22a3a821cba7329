"""Gratitude: a prompt kind of the shared pipeline; an appreciation is shown back to its
author, then sent to the partner or kept private."""

from bot.features.gratitude import handlers, service, views
from bot.features.prompts import Ask, PromptKind, fire_reminders, register_kind, render_prompt
from bot.kernel.db import Tx
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User


async def _take_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    return views.draft(await service.write(tx, mend, user, ask, text))


KIND = register_kind(
    PromptKind(
        name=service.KIND,
        shared_by_couple=False,
        face=views.face,
        is_current=service.is_current,
        expired=views.PROMPT_EXPIRED,
        take_text=_take_text,
    )
)


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """Gratitude (from the home screen): a fresh gratitude prompt."""
    return render_prompt(mend, await service.gratitude_now(mend, user_id))


FEATURE = Feature(
    name="gratitude",
    screens={"gratitude": _screen},
    handlers=handlers.HANDLERS,
    reminder_kinds={service.KIND: fire_reminders},
    export=service.export,
)
