"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import disclosure, legacy
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (disclosure.FEATURE, legacy.FEATURE)
