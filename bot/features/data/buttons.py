"""The data buttons: export now (from /settings)."""

from dataclasses import dataclass

from bot.kernel.buttons import CallbackData


@dataclass(frozen=True)
class ExportNow(CallbackData, prefix="dxp"):
    """Send me my data, as /export does: ``dxp``."""
