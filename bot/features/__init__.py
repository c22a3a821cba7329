"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import agreement, legacy
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (agreement.FEATURE, legacy.FEATURE)
