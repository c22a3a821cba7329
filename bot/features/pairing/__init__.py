"""Pairing: /start, /pair and /unpair, and the buttons that join or end a couple."""

from bot.features.pairing import service, store, views
from bot.features.pairing.handlers import HANDLERS
from bot.features.pairing.models import InviteMade
from bot.features.pairing.service import create_invite, end_couple, preview_invite
from bot.features.pairing.views import invite as invite_message
from bot.features.pairing.views import invite_preview
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = [
    "FEATURE",
    "InviteMade",
    "create_invite",
    "end_couple",
    "invite_message",
    "invite_preview",
    "preview_invite",
    "unpair_question",
]


async def unpair_question(mend: Mend, user_id: int) -> Outgoing:
    """What /unpair asks, with its confirm buttons (the settings open it too)."""
    return views.unpair_question(await service.ask_unpair(mend, user_id))


FEATURE = Feature(name="pairing", handlers=HANDLERS, erase=store.erase_user)
