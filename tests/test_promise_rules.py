"""Tests for reading "by <when>" in promises (bot.features.promises.rules), in every language."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.features.promises.rules import parse_due, split_promise
from bot.kernel.errors import InvalidInput

BERLIN = ZoneInfo("Europe/Berlin")
# Monday 2 March 2026, 12:00 in Berlin.
NOW = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call if late by 18:00", ("call if late", "18:00")),
        ("plan Saturday together by fri", ("plan Saturday together", "fri")),
        ("stand by you", ("stand by you", None)),
        ("tell Anna when I need space", ("tell Anna when I need space", None)),
        ("Müll rausbringen bis Freitag", ("Müll rausbringen", "Freitag")),
        ("anrufen bis morgen 18:00", ("anrufen", "morgen 18:00")),
        ("llamar a mamá hasta el viernes", ("llamar a mamá", "el viernes")),
        ("comprar flores para mañana", ("comprar flores", "mañana")),
        ("comprar flores para mamá", ("comprar flores para mamá", None)),
        ("ligar para você até amanhã", ("ligar para você", "amanhã")),
        ("ligar até sexta", ("ligar", "sexta")),
        ("позвонить маме до пятницы", ("позвонить маме", "пятницы")),
        ("починить кран к пятнице", ("починить кран", "пятнице")),
        ("поговорить до завтра", ("поговорить", "завтра")),
        ("подзвонити до пʼятниці", ("подзвонити", "пʼятниці")),
        ("дійти до дому", ("дійти до дому", None)),
        ("llamarte hasta las 18:00", ("llamarte", "las 18:00")),
        ("anrufen bis 18 Uhr", ("anrufen", "18 Uhr")),
        ("ligar até às 21h", ("ligar", "às 21h")),
        ("ir a la casa", ("ir a la casa", None)),
    ],
)
def test_split_promise_in_every_language(text: str, expected: tuple[str, str | None]) -> None:
    assert split_promise(text) == expected


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


@pytest.mark.parametrize(
    ("when", "due"),
    [
        # English, as before
        ("18:00", berlin(2, 18)),
        ("fri", berlin(6, 20)),
        ("fri 18:00", berlin(6, 18)),
        ("tomorrow", berlin(3, 20)),
        ("tmrw 9am", berlin(3, 9)),
        ("today 9pm", berlin(2, 21)),
        ("tonight", berlin(2, 20)),
        ("mon", berlin(2, 20)),  # today's evening is still ahead
        ("2026-03-10", berlin(10, 20)),
        # German
        ("Freitag", berlin(6, 20)),
        ("am Freitag um 18:00", berlin(6, 18)),
        ("Fr.", berlin(6, 20)),
        ("morgen", berlin(3, 20)),
        ("heute 21:00", berlin(2, 21)),
        ("übermorgen", berlin(4, 20)),
        ("18 Uhr", berlin(2, 18)),
        # Spanish
        ("el viernes", berlin(6, 20)),
        ("mañana a las 9:00", berlin(3, 9)),
        ("manana", berlin(3, 20)),
        ("hoy", berlin(2, 20)),
        ("pasado mañana", berlin(4, 20)),
        ("sábado", berlin(7, 20)),
        ("las 18:00", berlin(2, 18)),
        # Brazilian Portuguese
        ("sexta", berlin(6, 20)),
        ("sexta-feira às 18:00", berlin(6, 18)),
        ("amanhã", berlin(3, 20)),
        ("hoje", berlin(2, 20)),
        ("depois de amanhã", berlin(4, 20)),
        ("às 21h", berlin(2, 21)),
        # Russian
        ("пятницы", berlin(6, 20)),
        ("в пятницу в 18:00", berlin(6, 18)),
        ("завтра", berlin(3, 20)),
        ("сегодня 21:00", berlin(2, 21)),
        ("послезавтра", berlin(4, 20)),
        ("воскресенье", berlin(8, 20)),
        # Ukrainian
        ("пʼятниці", berlin(6, 20)),
        ("неділя", berlin(8, 20)),
        ("завтра о 9:00", berlin(3, 9)),  # noqa: RUF001
        ("сьогодні", berlin(2, 20)),
        ("післязавтра", berlin(4, 20)),
    ],
)
def test_parse_due_in_every_language(when: str, due: datetime) -> None:
    assert parse_due(when, NOW, BERLIN) == due


def test_a_weekday_named_today_whose_time_has_passed_is_next_week() -> None:
    assert parse_due("Montag 9:00", NOW, BERLIN) == berlin(9, 9)
    assert parse_due("понедельник 9:00", NOW, BERLIN) == berlin(9, 9)


@pytest.mark.parametrize("when", ["heute 9:00", "hoy 9:00", "сегодня 9:00"])
def test_today_at_a_past_time_is_refused(when: str) -> None:
    with pytest.raises(InvalidInput):
        parse_due(when, NOW, BERLIN)


@pytest.mark.parametrize("when", ["gestern", "ayer", "вчера", "Freitag Abend", "нескоро"])
def test_what_is_no_due_time_is_refused(when: str) -> None:
    with pytest.raises(InvalidInput):
        parse_due(when, NOW, BERLIN)
