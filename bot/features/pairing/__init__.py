"""Pairing: /start, /pair and /unpair, and the buttons that join or end a couple."""

from bot.features.pairing import store
from bot.features.pairing.handlers import HANDLERS
from bot.features.pairing.service import end_couple
from bot.kernel.feature import Feature

__all__ = ["FEATURE", "end_couple"]

FEATURE = Feature(name="pairing", handlers=HANDLERS, erase=store.erase_user)
