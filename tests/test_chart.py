"""The weekly review's chart: a valid PNG of a sensible size, whatever the names and data."""

import struct
import sys
from datetime import date, timedelta

import pytest

from bot.features.review.chart import DayScores, ScoreChart, drawable, render, series

MONDAY = date(2026, 3, 2)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def chart(
    days: int, scores: list[DayScores], names: tuple[str, str] = ("Anna", "Ben")
) -> ScoreChart:
    return ScoreChart(
        first_day=MONDAY,
        last_day=MONDAY + timedelta(days=days - 1),
        names=names,
        days=scores,
        title="Check-in scores, Mon 2 Mar to Sun 8 Mar",
        y_label="Score, 1 to 10",
    )


def test_a_week_renders_as_a_png_of_sensible_size() -> None:
    scores = [DayScores(MONDAY + timedelta(days=i), 3 + i, 8 - i) for i in (0, 1, 3, 4)]
    data = render(chart(7, scores))
    width, height = png_size(data)
    assert 600 <= width <= 2000 and 300 <= height <= 1500
    assert data.endswith(b"IEND\xaeB`\x82")


def test_four_weeks_and_equal_scores_render() -> None:
    scores = [DayScores(MONDAY + timedelta(days=i), 5, 5) for i in range(0, 28, 3)]
    width, _ = png_size(render(chart(28, scores)))
    assert 600 <= width <= 2000


def test_names_the_font_cannot_draw_or_that_look_like_maths_are_drawn_literally() -> None:
    # Emoji, CJK, a "$...$" pair (matplotlib maths) and a leading underscore (hidden legend).
    names = ("$x^2$ 🌸", "_李")
    data = render(chart(7, [DayScores(MONDAY, 1, 10)], names))  # warnings are errors here
    png_size(data)
    assert drawable("🌸", "You") == "You"
    assert drawable("$a$", "You") == r"\$a\$"
    assert drawable("_Ben", "You") == "Ben"
    assert drawable("Zoë  Ann", "You") == "Zoë Ann"


def test_rendering_does_not_touch_pyplot_or_need_a_display(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    render(chart(7, [DayScores(MONDAY, 4, 6)]))
    pyplot = sys.modules.get("matplotlib.pyplot")
    assert pyplot is None or not pyplot.get_fignums()


def test_an_empty_period_is_refused() -> None:
    with pytest.raises(ValueError):
        render(ScoreChart(MONDAY, MONDAY - timedelta(days=1), ("A", "B"), [], "t", "y"))


def test_a_line_joins_two_days_only_when_they_asked_the_same_question() -> None:
    scores = [
        DayScores(MONDAY, 4, 6, "steady"),
        DayScores(MONDAY + timedelta(days=1), 5, 5, "steady"),
        DayScores(MONDAY + timedelta(days=2), 7, 3, "close"),
    ]
    for index in (0, 1):
        xs, ys = series(chart(3, scores), index)
        # Monday and Tuesday are joined; a break comes before Wednesday's other question.
        assert [y == y for y in ys] == [True, True, False, True]
        assert xs[2] == 1.5
    assert series(chart(3, scores), 0)[1][0] == 4.0  # the inviter's scores, for every reader
    assert series(chart(3, scores), 1)[1][0] == 6.0
    png_size(render(chart(3, scores)))
