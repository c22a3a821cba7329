"""The quiet-hours rules (bot/domain/quiet.py): inside or not, and when they end."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.quiet import DEFAULT, QuietHours, QuietMode, is_quiet, quiet_ends

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def berlin(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("hour", "minute", "quiet"),
    [(21, 59, False), (22, 0, True), (23, 30, True), (0, 0, True), (7, 59, True), (8, 0, False)],
)
def test_the_default_window_crosses_midnight(hour: int, minute: int, quiet: bool) -> None:
    assert is_quiet(DEFAULT, berlin(2, hour, minute), BERLIN) is quiet


def test_a_window_within_one_day() -> None:
    afternoon = QuietHours(13 * 60, 15 * 60, QuietMode.SILENT)
    assert is_quiet(afternoon, berlin(2, 14), BERLIN)
    assert not is_quiet(afternoon, berlin(2, 15), BERLIN)
    assert not is_quiet(afternoon, berlin(2, 12, 59), BERLIN)


def test_off_and_an_empty_window_are_never_quiet() -> None:
    assert not is_quiet(QuietHours(22 * 60, 8 * 60, QuietMode.OFF), berlin(2, 23), BERLIN)
    assert not is_quiet(QuietHours(8 * 60, 8 * 60, QuietMode.SILENT), berlin(2, 23), BERLIN)


def test_the_receivers_own_clock_decides() -> None:
    moment = berlin(2, 13)  # 07:00 in New York
    assert not is_quiet(DEFAULT, moment, BERLIN)
    assert is_quiet(DEFAULT, moment, NEW_YORK)


def test_the_end_is_local_eight_across_the_spring_change() -> None:
    # Berlin skips 02:00 to 03:00 in the night to 29 March 2026: 08:00 is 06:00 UTC then.
    assert quiet_ends(DEFAULT, berlin(28, 23, 30), BERLIN) == datetime(2026, 3, 29, 6, tzinfo=UTC)
    # And in the autumn night to 25 October, 08:00 is 07:00 UTC again.
    autumn = berlin(24, 23, 30, month=10)
    assert quiet_ends(DEFAULT, autumn, BERLIN) == datetime(2026, 10, 25, 7, tzinfo=UTC)


def test_an_end_in_the_skipped_hour_comes_at_the_first_minute_after() -> None:
    hours = QuietHours(22 * 60, 2 * 60 + 30, QuietMode.WAIT)
    assert quiet_ends(hours, berlin(28, 23), BERLIN) == datetime(2026, 3, 29, 1, tzinfo=UTC)


@given(st.integers(0, 60 * 24 * 400))
def test_the_end_comes_after_and_is_not_quiet(minutes: int) -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    if not is_quiet(DEFAULT, moment, BERLIN):
        return
    end = quiet_ends(DEFAULT, moment, BERLIN)
    assert moment < end <= moment + timedelta(hours=10, minutes=1)
    assert not is_quiet(DEFAULT, end, BERLIN)


def test_minutes_outside_a_day_are_refused() -> None:
    with pytest.raises(ValueError):
        QuietHours(24 * 60, 0, QuietMode.SILENT)
