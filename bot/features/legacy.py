"""The features not yet moved into a package of their own, declared as one.

Each is carved out of here into ``bot/features/<name>/`` and its own line in the registry;
when this file is empty it goes.
"""

from collections.abc import Sequence
from datetime import datetime

from bot.features import promises
from bot.handlers import agreement as agreement_handlers
from bot.handlers import prompts as prompt_handlers
from bot.kernel.db import Tx
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.services import (
    asking,
    data,
)
from bot.storage import review as review_store
from bot.storage.models import Reminder


async def _checkins(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Check-in reminders: the prompts, and any promise made without a time."""
    queued = await asking.fire_reminders(tx, mend, due, now)
    return queued + await promises.ask_undated(tx, [r.user_id for r in due], now)


FEATURE = Feature(
    name="legacy",
    handlers=(
        *agreement_handlers.HANDLERS,
        *prompt_handlers.HANDLERS,
    ),
    reminder_kinds={
        "checkin": _checkins,
        "gratitude": asking.fire_reminders,
    },
    jobs=(asking.fire_snoozed,),
    export=data.legacy_export,
    erase=review_store.erase_user,
)
