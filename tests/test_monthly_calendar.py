"""The monthly reflection's day: the pairing's day of the month, or the month's last day."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.features.monthly.calendar import period, reflection_day


def test_the_day_of_the_month_they_paired() -> None:
    assert reflection_day(date(2026, 1, 14), 2026, 3) == date(2026, 3, 14)


def test_a_shorter_month_uses_its_last_day() -> None:
    paired = date(2026, 1, 31)
    assert reflection_day(paired, 2026, 2) == date(2026, 2, 28)
    assert reflection_day(paired, 2028, 2) == date(2028, 2, 29)  # a leap year
    assert reflection_day(paired, 2026, 4) == date(2026, 4, 30)
    assert reflection_day(paired, 2026, 5) == date(2026, 5, 31)


def test_none_in_the_month_they_paired() -> None:
    paired = date(2026, 1, 10)
    assert period(date(2026, 1, 10), paired) is None
    assert period(date(2026, 1, 31), paired) is None
    assert period(date(2026, 2, 9), paired) is None
    assert period(date(2026, 2, 10), paired) == "2026-02"


def test_open_from_its_day_until_the_next() -> None:
    paired = date(2025, 12, 31)
    assert period(date(2026, 2, 27), paired) == "2026-01"
    assert period(date(2026, 2, 28), paired) == "2026-02"
    assert period(date(2026, 3, 30), paired) == "2026-02"
    assert period(date(2026, 3, 31), paired) == "2026-03"
    assert period(date(2027, 1, 5), paired) == "2026-12"  # across the new year


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_every_month_after_pairing_has_exactly_one_opening_day(paired: date, after: int) -> None:
    today = paired + timedelta(days=after)
    yesterday = today - timedelta(days=1)
    opens = period(today, paired) != period(yesterday, paired) and period(today, paired)
    if opens:
        year, month = map(int, str(opens).split("-"))
        assert today == reflection_day(paired, year, month)
