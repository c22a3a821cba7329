"""When a couple's monthly reflection falls: on the day of the month they paired."""

import calendar
from datetime import date


def reflection_day(paired_on: date, year: int, month: int) -> date:
    """The pairing's day of the month in that month; its last day when it is shorter (paired
    on the 31st: April's is the 30th, February's the 28th or 29th)."""
    return date(year, month, min(paired_on.day, calendar.monthrange(year, month)[1]))


def period(today: date, paired_on: date) -> str | None:
    """The month ("2026-11") whose reflection is open on ``today``: from its reflection day
    until the next one. None before the first (the month they paired has none)."""
    year, month = today.year, today.month
    if today < reflection_day(paired_on, year, month):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    if (year, month) <= (paired_on.year, paired_on.month):
        return None
    return f"{year:04d}-{month:02d}"
