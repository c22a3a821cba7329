"""When a couple's monthly reflection falls: on the day of the month they paired."""

import calendar
from datetime import date


def reflection_day(paired_on: date, year: int, month: int) -> date:
    """The pairing's day of the month in that month; its last day when it is shorter (paired
    on the 31st: April's is the 30th, February's the 28th or 29th)."""
    return date(year, month, min(paired_on.day, calendar.monthrange(year, month)[1]))


def months_together(today: date, paired_on: date) -> int | None:
    """Which monthly reflection is open on ``today``: 1 from the first month's reflection
    day until the second's, and so on; None before the first.

    Counted in months since pairing rather than by calendar month, so that two partners in
    different timezones (who may see the pairing on different dates) share each one.
    """
    months = (today.year - paired_on.year) * 12 + today.month - paired_on.month
    if today < reflection_day(paired_on, today.year, today.month):
        months -= 1
    return months if months >= 1 else None


def reflection_on(today: date, paired_on: date) -> int | None:
    """The number of the reflection that falls on ``today`` (1 for the first month), or None
    on every other day: it is given on its day, at the check-in time, and not caught up."""
    months = months_together(today, paired_on)
    if months is None or today != reflection_day(paired_on, today.year, today.month):
        return None
    return months
