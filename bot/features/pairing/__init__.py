"""Pairing: /start, /pair and /unpair, and the buttons that join or end a couple."""

from bot.features.pairing import service, store, views
from bot.features.pairing.handlers import HANDLERS
from bot.features.pairing.service import end_couple
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["FEATURE", "end_couple", "unpair_question"]


async def unpair_question(mend: Mend, user_id: int) -> Outgoing:
    """What /unpair asks, with its confirm buttons (the settings open it too)."""
    return views.unpair_question(await service.ask_unpair(mend, user_id))


FEATURE = Feature(name="pairing", handlers=HANDLERS, erase=store.erase_user)
