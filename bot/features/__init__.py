"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import legacy, pairing
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (pairing.FEATURE, legacy.FEATURE)
