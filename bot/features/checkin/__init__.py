"""The daily check-in: a prompt kind of the shared pipeline, with its reveal once both
partners answered."""

from datetime import datetime

from bot.domain.prompting import local_day
from bot.features.checkin import handlers, service, store, views
from bot.features.checkin.models import NoteStillOpen
from bot.features.prompts import (
    Ask,
    AskStatus,
    PromptKind,
    ask_for_day,
    fire_reminders,
    register_kind,
    render_prompt,
)
from bot.kernel.db import Tx
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User


async def _take_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    return views.completed(mend, await service.answer_text(tx, mend, user, ask, text))


async def _take_choice(tx: Tx, mend: Mend, user: User, ask: Ask, value: int) -> Outgoing:
    """A typed number or choice: as if its button was tapped."""
    return views.chosen(mend, await service.choose_in(tx, mend, user.id, ask.id, value))


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """Today's check-in, as /checkin shows it (the screen "checkin")."""
    result = await service.checkin_now(mend, user_id)
    if isinstance(result, NoteStillOpen):
        return views.note_still_open(result.ask)
    return render_prompt(mend, result)


KIND = register_kind(
    PromptKind(
        name=service.KIND,
        shared_by_couple=True,
        face=views.face,
        is_current=service.is_current,
        expired=views.CHECKIN_DAY_PASSED,
        take_text=_take_text,
        answered=views.answered,
        take_choice=_take_choice,
    )
)


async def _waiting(tx: Tx, mend: Mend, user: User, now: datetime) -> list[str]:
    """Today's check-in, given and not answered yet."""
    if user.tz is None:
        return []
    ask = await ask_for_day(tx, user.id, service.KIND, local_day(now, user.tz))
    open_ = ask is not None and ask.status in (AskStatus.OPEN, AskStatus.NOTING)
    return [str(views.WAITING_OPEN)] if open_ else []


FEATURE = Feature(
    name="checkin",
    waiting=_waiting,
    handlers=handlers.HANDLERS,
    reminder_kinds={service.KIND: fire_reminders},
    screens={"checkin": _screen},
    export=service.export,
    erase=store.erase_user,
)
