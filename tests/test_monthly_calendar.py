"""The monthly reflection's day: the pairing's day of the month, or the month's last day."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.features.monthly.calendar import months_together, reflection_day, reflection_on


def test_the_day_of_the_month_they_paired() -> None:
    assert reflection_day(date(2026, 1, 14), 2026, 3) == date(2026, 3, 14)


def test_a_shorter_month_uses_its_last_day() -> None:
    paired = date(2026, 1, 31)
    assert reflection_day(paired, 2026, 2) == date(2026, 2, 28)
    assert reflection_day(paired, 2028, 2) == date(2028, 2, 29)  # a leap year
    assert reflection_day(paired, 2026, 4) == date(2026, 4, 30)
    assert reflection_day(paired, 2026, 5) == date(2026, 5, 31)


def test_none_before_the_first_month_is_over() -> None:
    paired = date(2026, 1, 10)
    assert months_together(date(2026, 1, 10), paired) is None
    assert months_together(date(2026, 1, 31), paired) is None
    assert months_together(date(2026, 2, 9), paired) is None
    assert months_together(date(2026, 2, 10), paired) == 1


def test_open_from_its_day_until_the_next() -> None:
    paired = date(2025, 12, 31)
    assert months_together(date(2026, 2, 27), paired) == 1
    assert months_together(date(2026, 2, 28), paired) == 2
    assert months_together(date(2026, 3, 30), paired) == 2
    assert months_together(date(2026, 3, 31), paired) == 3
    assert months_together(date(2027, 1, 5), paired) == 12  # across the new year


def test_partners_a_day_apart_share_each_month() -> None:
    """Paired at 00:30 on 1 February in Berlin: 31 January in New York."""
    berlin, new_york = date(2026, 2, 1), date(2026, 1, 31)
    assert months_together(date(2026, 2, 28), new_york) == 1
    assert months_together(date(2026, 3, 1), berlin) == 1
    assert months_together(date(2026, 3, 31), new_york) == 2
    assert months_together(date(2026, 4, 1), berlin) == 2


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_each_month_opens_on_exactly_its_reflection_day(paired: date, after: int) -> None:
    today = paired + timedelta(days=after)
    now, before = (
        months_together(today, paired),
        months_together(today - timedelta(days=1), paired),
    )
    if now is not None and now != before:
        assert now == (before or 0) + 1
        assert today == reflection_day(paired, today.year, today.month)


def test_given_on_its_day_only() -> None:
    paired = date(2026, 1, 31)
    assert reflection_on(date(2026, 2, 28), paired) == 1
    assert reflection_on(date(2026, 3, 1), paired) is None  # not caught up the day after
    assert reflection_on(date(2026, 3, 30), paired) is None
    assert reflection_on(date(2026, 3, 31), paired) == 2
    assert reflection_on(date(2026, 1, 31), paired) is None  # the day they paired
