"""Pairing: /start, /pair and /unpair, and the buttons that join or end a couple."""

from bot.features.pairing import store
from bot.features.pairing.handlers import HANDLERS
from bot.features.pairing.models import InviteMade
from bot.features.pairing.service import create_invite, end_couple, preview_invite
from bot.features.pairing.views import invite as invite_message
from bot.features.pairing.views import invite_preview
from bot.kernel.feature import Feature

__all__ = [
    "FEATURE",
    "InviteMade",
    "create_invite",
    "end_couple",
    "invite_message",
    "invite_preview",
    "preview_invite",
]

FEATURE = Feature(name="pairing", handlers=HANDLERS, erase=store.erase_user)
