"""The monthly reflection: once a month, on the day of the month the couple paired (the
month's last day when it is shorter), each partner gets a look-back question at their check-in
time, answers in their own words, and each sees the other's answer once both answered.
On by default for couples; ``/remind monthly off`` turns it off.

A kind of the prompt pipeline (choosing, recording, rendering, Remind me, Skip and replies are
the pipeline's), given once per month instead of once per day."""

from bot.features.monthly import service, store, views
from bot.features.monthly.models import KIND
from bot.features.prompts import Ask, PromptKind, register_kind
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, Switch
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User


async def _take_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    return views.answered(await service.answer_text(tx, mend, user, ask, text))


async def _switch(mend: Mend, user_id: int, on: bool) -> Outgoing:
    return views.switched(await service.switch(mend, user_id, on))


register_kind(
    PromptKind(
        name=KIND,
        shared_by_couple=True,
        face=views.face,
        is_current=service.is_current,
        expired=views.EXPIRED,
        take_text=_take_text,
        period=service.period_of,
    )
)

FEATURE = Feature(
    name="monthly",
    reminder_kinds={"checkin": service.on_checkin_reminders},
    switches={
        KIND: Switch(
            turn=_switch,
            is_on=service.is_on,
            usage=views.SWITCH_USAGE,
            status_on=views.STATUS_ON,
            status_off=views.STATUS_OFF,
            label=views.SWITCH_LABEL,
        )
    },
    export=service.export,
    erase=store.erase_user,
)
