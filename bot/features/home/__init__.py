"""Home: the way in (/start leads through set-up with buttons and plain answers) and the
home screen (/menu: where things stand, and a button to each thing people do)."""

from bot.features.home import service, views
from bot.features.home.handlers import HANDLERS, declared, shown
from bot.features.home.models import ZoneChoices
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User

__all__ = ["FEATURE"]


async def _words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """A place or a time typed while a set-up question waits for it."""
    result = await service.take_words(tx, mend, user, ident, text)
    if isinstance(result, ZoneChoices):
        return views.zone_choices(result)
    return views.progress(result, declared(mend))


async def _home(mend: Mend, user_id: int) -> Outgoing:
    return views.home(await service.home(mend, user_id), declared(mend))


async def _setup(mend: Mend, user_id: int) -> Outgoing:
    return shown(mend, await service.resume(mend, user_id))


async def _together(mend: Mend, user_id: int) -> Outgoing:
    return views.together(declared(mend))


FEATURE = Feature(
    name="home",
    handlers=HANDLERS,
    text_inputs={service.INPUT: words_only(_words, wanted=service.still_wanted)},
    screens={"home": _home, "setup": _setup, "together": _together},
)
