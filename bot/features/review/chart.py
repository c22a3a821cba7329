"""The weekly review's chart: both partners' check-in scores by day, as PNG bytes.

Fair to both readers: each person has one colour and marker whoever looks at the chart (the
one who made the invite first, in blue; the one who joined, in orange), never "me in blue".
Honest about what it joins: partners answer the same question each day, but the question
changes from day to day, so a line joins two days only when they asked the same question;
otherwise the days stand as separate points, and the caption says so.

A pure function of its data. It uses matplotlib's object-oriented API with the Agg canvas
(never pyplot), so no display is needed, no figure is registered anywhere and nothing global
changes; it is safe to call from a worker thread (``asyncio.to_thread``). matplotlib is
imported on first use, so starting the bot does not pay for it.
"""

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from babel.dates import format_date, format_skeleton

from bot.kernel.i18n import N_, Words, speaking
from bot.kernel.when import babel_locale

WIDTH_INCHES, HEIGHT_INCHES, DPI = 9.0, 4.8, 110  # 990 x 528 pixels
MAX_NAME_CHARS = 24
# Calm, distinct colours (blue, orange) with different markers, readable without colour too;
# the first of each for the inviter, the second for the joiner.
COLOURS = ("#3b6ea5", "#d9822b")
MARKERS = ("o", "s")
# matplotlib does not promise thread safety; charts drawn one at a time never race, and cost
# the event loop nothing while they wait in their worker threads.
_DRAWING = threading.Lock()


@dataclass(frozen=True, slots=True)
class DayScores:
    """One day both partners answered a 1-10 check-in: the inviter's score, then the joiner's,
    and which question it was (the same for both on a day)."""

    day: date
    first: int
    second: int
    question: str = ""


@dataclass(frozen=True, slots=True)
class ScoreChart:
    """What the chart shows: the days of the period, the two names (the inviter first, for
    every reader) and the scores of the days both answered with a number."""

    first_day: date
    last_day: date
    names: tuple[str, str]
    days: Sequence[DayScores]
    title: str
    y_label: str
    # Names the font can't draw stand as these.
    fallback_names: tuple[Words, Words] = (N_("One of you"), N_("The other"))
    language: str = "en"  # the reader's: the days under the chart are written in it


@cache
def _known_characters() -> frozenset[int]:
    """The code points the default font can draw (computed once; read-only afterwards)."""
    from matplotlib import font_manager, ft2font

    font = ft2font.FT2Font(font_manager.findfont(font_manager.FontProperties()))
    return frozenset(font.get_charmap())


def drawable(text: str, fallback: str, limit: int = MAX_NAME_CHARS) -> str:
    """``text`` as matplotlib will draw it literally: characters the font lacks are dropped
    (no warnings, no boxes), ``$`` cannot start maths, a leading ``_`` cannot hide a legend
    entry, and it is cut to a length that fits. ``fallback`` if nothing is left."""
    known = _known_characters()
    kept = "".join(ch for ch in text if ord(ch) in known or ch == " ")
    kept = " ".join(kept.split())[:limit].lstrip("_").strip()
    return kept.replace("$", r"\$") if kept else fallback


def series(chart: ScoreChart, index: int) -> tuple[list[float], list[float]]:
    """The points of one person's line (0: the inviter, 1: the joiner), one per day; NaN
    breaks the line where a day was not answered by both, and between two days that asked
    different questions (so no line joins answers to different questions)."""
    by_day = {entry.day: entry for entry in chart.days}
    xs: list[float] = []
    ys: list[float] = []
    previous: DayScores | None = None
    for offset in range((chart.last_day - chart.first_day).days + 1):
        entry = by_day.get(chart.first_day + timedelta(days=offset))
        if entry is None:
            # A day not both answered: a gap in the line, never a guess.
            xs.append(float(offset))
            ys.append(float("nan"))
            previous = None
            continue
        if previous is not None and previous.question != entry.question:
            xs.append(offset - 0.5)
            ys.append(float("nan"))
        previous = entry
        # The same score twice would hide one marker: nudge the two apart a little.
        nudge = 0.15 if entry.first == entry.second else 0.0
        xs.append(offset + (-nudge if index == 0 else nudge))
        ys.append(float(entry.first if index == 0 else entry.second))
    return xs, ys


def render(chart: ScoreChart) -> bytes:
    """The chart as a PNG (blocking: call it in a worker thread from async code)."""
    with _DRAWING:
        return _draw(chart)


def _draw(chart: ScoreChart) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    span = (chart.last_day - chart.first_day).days + 1
    if span < 1:
        raise ValueError("the period must contain at least one day")
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    with speaking(chart.language):
        names = [
            drawable(name, str(fallback))
            for name, fallback in zip(chart.names, chart.fallback_names, strict=True)
        ]
    for index, (name, colour, marker) in enumerate(zip(names, COLOURS, MARKERS, strict=True)):
        xs, ys = series(chart, index)
        axes.plot(
            xs,
            ys,
            color=colour,
            marker=marker,
            markersize=8 if span <= 14 else 5,
            linewidth=2,
            label=name,
        )
        if span <= 14:
            for x, y in zip(xs, ys, strict=True):
                if y == y:  # not NaN
                    axes.annotate(
                        f"{y:.0f}",
                        (x, y),
                        textcoords="offset points",
                        xytext=(0, 9),
                        ha="center",
                        fontsize=9,
                        color=colour,
                    )
    axes.set_xlim(-0.6, span - 0.4)
    axes.set_ylim(0.5, 10.9)
    axes.set_yticks(range(1, 11))
    axes.set_ylabel(chart.y_label)
    ticks, labels = _day_ticks(chart.first_day, span, babel_locale(chart.language))
    axes.set_xticks(ticks, labels)
    if span > 14:
        axes.set_xticks(range(span), minor=True)
    axes.grid(axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(drawable(chart.title, "", limit=120), fontsize=13, loc="left")
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    buffer = io.BytesIO()
    canvas.print_png(buffer, metadata={"Software": None})
    figure.clear()
    return buffer.getvalue()


def _day_ticks(first_day: date, span: int, locale: str) -> tuple[list[int], list[str]]:
    """Every day labelled for up to two weeks; beyond that, each Monday; in ``locale``."""
    ticks: list[int] = []
    labels: list[str] = []
    for offset in range(span):
        day = first_day + timedelta(days=offset)
        if span <= 14 or day.weekday() == 0:
            ticks.append(offset)
            weekday = format_date(day, "EEE", locale=locale)
            labels.append(f"{weekday}\n{format_skeleton('MMMd', day, locale=locale)}")
    return ticks, labels
