"""The user's own data: /export collects every feature's sections into one file, /delete
erases every feature's rows (then the kernel's) after a typed confirmation."""

from bot.features.data import handlers
from bot.features.data.service import AWAITING
from bot.kernel.feature import Feature, TextInput

FEATURE = Feature(
    name="data",
    handlers=tuple(handlers.HANDLERS),
    text_inputs={AWAITING: TextInput(handlers.delete_words)},
)

__all__ = ["FEATURE"]
