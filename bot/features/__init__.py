"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import help, legacy, pairing, settings
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    pairing.FEATURE,
    settings.FEATURE,
    legacy.FEATURE,
    help.FEATURE,
)
