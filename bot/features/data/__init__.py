"""The user's own data: /export collects every feature's sections into one file, /delete
erases every feature's rows (then the kernel's) after a typed confirmation."""

from bot.features.data import handlers, service, views
from bot.features.data.buttons import ExportNow
from bot.features.data.service import AWAITING
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing


def export_button() -> str:
    """The callback data of a button that sends the user their data, as /export does."""
    return ExportNow().pack()


async def ask_delete(mend: Mend, user_id: int) -> Outgoing:
    """What /delete asks (type DELETE to confirm); the next words the user sends answer it."""
    return views.delete_asked(await service.ask_delete(mend, user_id))


FEATURE = Feature(
    name="data",
    handlers=tuple(handlers.HANDLERS),
    text_inputs={AWAITING: words_only(handlers.delete_words)},
)

__all__ = ["FEATURE", "ask_delete", "export_button"]
