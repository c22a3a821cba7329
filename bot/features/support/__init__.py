"""Support: /support, a private page of warm words, what to do in acute distress, and
well-known helplines (from the library's ``support.yaml``), reachable from any message through
the kernel's ``Open("support")`` button (:func:`support_button`)."""

from bot.features.support import handlers
from bot.features.support.views import support_button
from bot.kernel.feature import Feature

__all__ = ["FEATURE", "support_button"]

FEATURE = Feature(
    name="support",
    handlers=handlers.HANDLERS,
    screens={"support": handlers.screen},
)
