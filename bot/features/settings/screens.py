"""The /settings screens: each page's result rendered, with what other features show there
(privacy, export, delete, unpair) asked of their package faces."""

from bot.features import data, help, pairing
from bot.features.settings import service, views
from bot.features.settings.models import Page
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing


async def home(mend: Mend, user_id: int) -> Outgoing:
    """The settings screen: where each setting stands, and a button to each page."""
    return views.settings_home(await service.overview(mend, user_id), export=data.export_button())


async def page(mend: Mend, user_id: int, which: Page) -> Outgoing:
    """One page of the settings, as a button opens it in place."""
    if which is Page.TIMEZONE:
        # The page asks for a place: the next words typed are the answer.
        await service.ask_words(mend, user_id, service.ZONE_INPUT)
        service.warm_places()
        return views.zone_page(await service.overview(mend, user_id))
    # Leaving a page that asked for words: they are no longer expected (any words, from the
    # delete page; else only those a settings page asked for).
    await service.forget_words(mend, user_id, everything=which is Page.CANCEL)
    match which:
        case Page.HOME | Page.CANCEL:
            return await home(mend, user_id)
        case Page.REMINDERS:
            return views.reminders_page(await service.reminders_page(mend, user_id))
        case Page.QUIET:
            return views.quiet_page(await service.quiet_page(mend, user_id), service.QUIET_MODES)
        case Page.PAUSE:
            return views.pause_page(await service.pause_page(mend, user_id))
        case Page.WINS:
            return views.wins_page(await service.wins_page(mend, user_id))
        case Page.NOTHING:
            return views.nothing_page(await service.nothing_page(mend, user_id))
        case Page.PRIVACY:
            return views.with_back(help.privacy())
        case Page.DELETE:
            return views.with_back(await data.ask_delete(mend, user_id), Page.CANCEL)
        case Page.LANGUAGE:
            return views.language_page(await service.language_page(mend, user_id))
        case Page.UNPAIR:
            return views.with_back(await pairing.unpair_question(mend, user_id))
    raise AssertionError(which)  # pragma: no cover
