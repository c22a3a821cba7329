"""Days, dates and counted things in the language being spoken (Babel's CLDR data, and
ngettext), and the languages by their own names."""

from datetime import UTC, date, datetime

from bot.domain import schedule
from bot.features.settings import views as settings_views
from bot.features.settings.models import PausePage
from bot.kernel import when
from bot.kernel.i18n import LANGUAGES, speaking


def test_english_keeps_mends_own_short_style() -> None:
    assert when.day(date(2026, 3, 2)) == "Mon 2 Mar"
    assert when.moment(datetime(2026, 3, 2, 21, 5, tzinfo=UTC), None) == "Mon 2 Mar, 21:05"
    assert schedule.describe_days(0b0010101) == "Mon, Wed, Fri"
    assert schedule.describe_days(0b0011111) == "weekdays"


def test_days_are_written_in_the_readers_language() -> None:
    with speaking("de"):
        assert when.day(date(2026, 3, 2)) == "Mo., 2. März"
        assert schedule.describe_days(0b1000111) == "So\u2013Mi"  # over Sunday: one run
    with speaking("ru"):
        assert when.day(date(2026, 3, 2)) == "пн, 2 мар."
    with speaking("uk"):
        assert schedule.describe_days(0b0010101) == "пн, ср, пт"  # noqa: RUF001


def test_pause_buttons_count_days_and_weeks() -> None:
    page = settings_views.pause_page(PausePage(None))
    labels = [button.text for row in page.buttons for button in row]
    assert labels[:4] == ["1 day", "3 days", "1 week", "2 weeks"]


def test_each_language_by_its_own_name() -> None:
    names = [settings_views.language_name(language) for language in LANGUAGES]
    assert names == [
        "English",
        "Deutsch",
        "Español",
        "Português (Brasil)",
        "Русский",
        "Українська",
    ]
