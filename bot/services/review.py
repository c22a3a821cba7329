"""The weekly review: a look back at the couple's weeks, as counts and a chart of check-ins.

Scheduled (``/remind review sun 19:00``): the tick records a request in the same transaction
that moves the reminder on (:func:`request_due`); then :func:`render_due` draws the chart in a
worker thread and, in one transaction, writes the photo and the text to the outbox and deletes
the request. A crash before that commit leaves the request to be rendered again; after it,
the outbox delivers. Nothing is lost and nothing is written twice.

On demand (``/review``, ``/review 4w``): the same review, sent as a direct reply.

A review counts; it never judges. Lines with nothing to count are left out, and a week with
nothing at all gets one gentle line.
"""

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot import texts
from bot.domain import chart
from bot.domain.prompting import LATE_LIMIT
from bot.domain.schedule import local_instant
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_timezone, require_user
from bot.storage import couples, review, users
from bot.storage.models import Couple, Reminder, User

log = logging.getLogger(__name__)

MAX_WEEKS = 12
STREAK_LOOKBACK = 400  # days read to measure the current streak
RENDER_BATCH = 20  # requests read at a time by the render step
RENDER_BUDGET = 2.0  # seconds of rendering per tick; the rest waits for the next tick
RETRY_AFTER = timedelta(minutes=10)  # a request whose rendering failed is tried again then
_WEEKS = re.compile(r"(\d{1,4})\s*(?:w|wk|wks|week|weeks)?")


@dataclass(frozen=True, slots=True)
class Period:
    """The local days a review covers, and the instants that bound them."""

    first_day: date
    last_day: date
    since: datetime
    until: datetime

    @property
    def label(self) -> str:
        return texts.REVIEW_PERIOD.format(first=_day(self.first_day), last=_day(self.last_day))


@dataclass(frozen=True, slots=True)
class ReviewContent:
    """A review ready to send: the chart (if any day has scores to draw) and the text."""

    period: Period
    chart: chart.ScoreChart | None
    caption: str
    text: str
    empty: bool  # nothing at all happened in the period


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def parse_weeks(args: list[str]) -> int:
    """'', '4w', '4', '4 weeks' -> weeks; anything else gets a kind message with examples."""
    given = " ".join(args).strip()
    if not given:
        return 1
    match = _WEEKS.fullmatch(given.lower())
    if match is None:
        raise InvalidInput(
            texts.REVIEW_USAGE.format(given=texts.escape(given[:32]), most=MAX_WEEKS)
        )
    weeks = int(match[1])
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(texts.REVIEW_RANGE.format(most=MAX_WEEKS))
    return weeks


def period_for(until: datetime, user: User, weeks: int) -> Period:
    """The ``weeks`` * 7 local days that end with the day of ``until`` (the instant itself not
    included), in the user's own timezone."""
    assert user.tz is not None
    last_day = (until - timedelta(seconds=1)).astimezone(user.tz).date()
    first_day = last_day - timedelta(days=7 * weeks - 1)
    return Period(first_day, last_day, local_instant(first_day, 0, 0, user.tz), until)


def _streak(days: list[str], last_day: date) -> int:
    """Consecutive days both checked in, up to ``last_day`` (or the day before, when today's
    check-in is still to come)."""
    seen = set(days)
    day = last_day if last_day.isoformat() in seen else last_day - timedelta(days=1)
    count = 0
    while day.isoformat() in seen:
        count += 1
        day -= timedelta(days=1)
    return count


async def gather(
    tx: Tx, me: User, partner: User, couple: Couple, weeks: int, until: datetime
) -> ReviewContent:
    """Read the review of ``weeks`` weeks before ``until`` for ``me``."""
    period = period_for(until, me, weeks)
    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    since = max(period.since, couple.created_at)
    scores = await review.score_days(tx, couple.id, me.id, partner.id, first, last)
    both = await review.both_days(tx, couple.id, me.id, last, 7 * MAX_WEEKS, first)
    recent = await review.both_days(tx, couple.id, me.id, last, STREAK_LOOKBACK)
    streak = _streak(recent, period.last_day)
    sent = await review.gratitude_sent(tx, me.id, since, until)
    received = await review.gratitude_sent(tx, partner.id, since, until)
    disclosed = await review.disclosures_shared(tx, couple.id, since, until)
    kept = await review.promises_kept(tx, couple.id, since, until)
    wins = await review.wins_shared(tx, couple.id, since, until)

    name = texts.escape(partner.first_name)
    title = (
        texts.REVIEW_TITLE_WEEK.format(name=name)
        if weeks == 1
        else texts.REVIEW_TITLE_WEEKS.format(weeks=weeks, name=name)
    )
    lines: list[str] = []
    if both:
        lines.append(texts.REVIEW_DAYS_BOTH.format(count=len(both)))
    if streak:
        lines.append(texts.REVIEW_STREAK.format(count=streak))
    if sent or received:
        lines.append(texts.REVIEW_GRATITUDE.format(sent=sent, received=received, name=name))
    if disclosed:
        lines.append(
            texts.REVIEW_DISCLOSURES.format(
                mine=disclosed.get(me.id, 0), theirs=disclosed.get(partner.id, 0), name=name
            )
        )
    if kept:
        lines.append(
            texts.REVIEW_PROMISES.format(
                mine=kept.get(me.id, 0), theirs=kept.get(partner.id, 0), name=name
            )
        )
    if wins:
        lines.append(texts.REVIEW_WINS.format(count=wins))
    empty = not lines
    if empty:
        lines.append(texts.REVIEW_QUIET)
    elif both and not scores:
        lines.append(texts.REVIEW_NO_CHART)
    score_chart = None
    if scores:
        score_chart = chart.ScoreChart(
            first_day=period.first_day,
            last_day=period.last_day,
            names=(me.first_name, partner.first_name),
            days=[
                chart.DayScores(date.fromisoformat(day), mine, theirs)
                for day, (mine, theirs) in scores.items()
            ],
            title=texts.REVIEW_CHART_TITLE.format(period=period.label),
            y_label=texts.REVIEW_CHART_AXIS,
            fallback_names=(texts.REVIEW_DEFAULT_NAME, texts.REVIEW_PARTNER_NAME),
        )
    text = f"{title}\n{period.label}\n\n" + "\n".join(lines)
    caption = texts.REVIEW_CHART_CAPTION.format(period=period.label)
    return ReviewContent(period, score_chart, caption, text, empty)


async def draw(content: ReviewContent) -> bytes | None:
    """The chart as a PNG, drawn in a worker thread; None when there is nothing to draw or
    drawing failed (the review then goes as text alone)."""
    if content.chart is None:
        return None
    try:
        return await asyncio.to_thread(chart.render, content.chart)
    except Exception:
        log.exception("Drawing a review chart failed; sending the review without it")
        return None


# --- On demand -------------------------------------------------------------------------------


async def on_demand(mend: Mend, user_id: int, weeks: int) -> list[Outgoing]:
    """/review [weeks]: the chart as a photo (when there are scores to draw), then the text."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        me = await require_user(tx, user_id)
        require_timezone(me)
        couple = await couples.active_for(tx, user_id)
        partner = await users.get(tx, couple.partner_of(user_id)) if couple else None
        if couple is None or partner is None:
            raise NotAllowed(texts.REVIEW_NOT_PAIRED)
        content = await gather(tx, me, partner, couple, weeks, now)
    if content.empty:
        raise NotAllowed(texts.REVIEW_NOTHING_YET.format(period=content.period.label))
    photo = await draw(content)
    messages = [] if photo is None else [Outgoing(content.caption, photo=photo)]
    return [*messages, Outgoing(content.text)]


# --- Scheduled -------------------------------------------------------------------------------


async def request_due(tx: Tx, due: list[Reminder], now: datetime) -> int:
    """Record a review for each due review reminder (run by the tick, in the transaction that
    moves the reminders on). Late ones (the bot was down) wait for their next time, as every
    reminder does; so do paused users. Returns how many were recorded."""
    wanted = [
        (reminder.user_id, reminder.next_due_at)
        for reminder in due
        if reminder.kind == "review" and now - reminder.next_due_at <= LATE_LIMIT
    ]
    return await review.add_requests(tx, wanted, 1, now)


async def render_due(mend: Mend) -> int:
    """Turn recorded reviews into outbox rows (run by the tick, after the reminders).

    Each request is read, its chart drawn off the event loop, and then, in one transaction,
    its messages are written and the request deleted; a request already taken (by a tick
    running alongside, or erased by /delete) writes nothing. Stops after
    :data:`RENDER_BUDGET` seconds; the rest is rendered on the next tick.
    """
    started = time.monotonic()
    rendered = 0
    tried: set[int] = set()
    while time.monotonic() - started < RENDER_BUDGET:
        now = mend.clock.now()
        async with mend.db.read() as tx:
            requests = await review.pending_requests(tx, now, RENDER_BATCH, skip=tried)
        if not requests:
            break
        for request in requests:
            tried.add(request.id)
            try:
                rendered += await _render_one(mend, request)
            except Exception:
                log.exception("Rendering review request %d failed; trying later", request.id)
                async with mend.db.transaction() as tx:
                    await review.retry_request_later(
                        tx, request.id, mend.clock.now() + RETRY_AFTER
                    )
            if time.monotonic() - started >= RENDER_BUDGET:
                break
    return rendered


async def _render_one(mend: Mend, request: review.ReviewRequest) -> int:
    async with mend.db.read() as tx:
        me = await users.get(tx, request.user_id)
        couple = await couples.active_for(tx, request.user_id)
        partner = await users.get(tx, couple.partner_of(me.id)) if couple and me else None
        content = None
        if me is not None and me.tz is not None and couple is not None and partner is not None:
            content = await gather(tx, me, partner, couple, request.weeks, request.until_at)
    photo = await draw(content) if content is not None else None
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        if not await review.take_request(tx, request.id):
            return 0
        if content is None or couple is None or await couples.active(tx, couple.id) is None:
            return 0  # no longer paired (or no timezone): nothing to look back on together
        if photo is not None:
            message = Outgoing(content.caption, photo=photo)
            await outbox.add(
                tx, request.user_id, "weekly-review-chart", message, now, couple_id=couple.id
            )
        text = content.text + "\n\n" + texts.REVIEW_SCHEDULED_FOOTER
        await outbox.add(
            tx, request.user_id, "weekly-review", Outgoing(text), now, couple_id=couple.id
        )
    return 1
