"""The weekly review: a look back at the couple's weeks, as counts and a chart of check-ins.

Scheduled (``/remind review sun 19:00``): the tick records a request in the same transaction
that moves the reminder on (:func:`request_due`); then :func:`render_due` draws the chart in a
worker thread and, in one transaction, writes the photo and the text to the outbox and deletes
the request. A crash before that commit leaves the request to be rendered again; after it,
the outbox delivers. Nothing is lost and nothing is written twice.

On demand (``/review``, ``/review 4w``): the same review, sent as a direct reply.

A review counts; it never judges. It counts what the couple did together, never one partner
against the other; lines with nothing to count are left out, and a week with nothing at all
gets one gentle line. It covers only time since the two paired.
"""

import asyncio
import logging
import re
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from bot.domain.prompting import LATE_LIMIT
from bot.domain.schedule import local_instant
from bot.features.review import chart, store, views
from bot.features.review.models import REMINDER_KIND, MessageKind, Period, Review
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed
from bot.kernel.i18n import speaking
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_timezone, require_user
from bot.storage import couples, users
from bot.storage.models import Couple, Reminder, User

log = logging.getLogger(__name__)

MAX_WEEKS = 12
STREAK_LOOKBACK = 400  # days read to measure the current streak
RENDER_BATCH = 20  # requests read at a time by the render step
RENDER_BUDGET = 2.0  # seconds of rendering per tick; the rest waits for the next tick
RETRY_AFTER = timedelta(minutes=10)  # a request whose rendering failed is tried again then
_WEEKS = re.compile(r"(\d{1,4})\s*(?:w|wk|wks|week|weeks)?")


def parse_weeks(args: list[str]) -> int:
    """'', '4w', '4', '4 weeks' -> weeks; anything else gets a kind message with examples."""
    given = " ".join(args).strip()
    if not given:
        return 1
    match = _WEEKS.fullmatch(given.lower())
    if match is None:
        raise InvalidInput(views.usage(given, MAX_WEEKS))
    weeks = int(match[1])
    if not 1 <= weeks <= MAX_WEEKS:
        raise InvalidInput(views.out_of_range(MAX_WEEKS))
    return weeks


def period_for(until: datetime, user: User, weeks: int, paired_at: datetime) -> Period:
    """The ``weeks`` * 7 local days that end with the day of ``until`` (the instant itself not
    included), in the user's own timezone; from the day they paired, if that came later."""
    assert user.tz is not None
    last_day = (until - timedelta(seconds=1)).astimezone(user.tz).date()
    first_day = last_day - timedelta(days=7 * weeks - 1)
    since = local_instant(first_day, 0, 0, user.tz)
    if since >= paired_at:
        return Period(first_day, last_day, since, until)
    paired_day = min(paired_at.astimezone(user.tz).date(), last_day)
    return Period(paired_day, last_day, paired_at, until, since_pairing=paired_day > first_day)


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
) -> Review:
    """Read the review of ``weeks`` weeks before ``until`` for ``me``."""
    period = period_for(until, me, weeks, couple.created_at)
    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    since = period.since
    scores = await store.score_days(tx, couple.id, me.id, partner.id, first, last)
    both = await store.both_days(tx, couple.id, me.id, last, 7 * MAX_WEEKS, first)
    recent = await store.both_days(tx, couple.id, me.id, last, STREAK_LOOKBACK)
    reader_first = couple.inviter_id == me.id
    inviter, joiner = (me, partner) if reader_first else (partner, me)

    def day_scores(day: str, mine: int, theirs: int, question: str) -> chart.DayScores:
        first, second = (mine, theirs) if reader_first else (theirs, mine)
        return chart.DayScores(date.fromisoformat(day), first, second, question)

    return Review(
        period=period,
        weeks=weeks,
        partner_name=partner.first_name,
        names=(inviter.first_name, joiner.first_name),
        reader_first=reader_first,
        days_both=len(both),
        streak=_streak(recent, period.last_day),
        gratitude=await store.gratitude_sent(tx, (me.id, partner.id), since, until),
        disclosures=await store.disclosures_shared(tx, couple.id, since, until),
        promises_kept=await store.promises_kept(tx, couple.id, since, until),
        wins=await store.wins_shared(tx, couple.id, since, until),
        scores=tuple(day_scores(day, *values) for day, values in scores.items()),
    )


async def draw(score_chart: chart.ScoreChart | None) -> bytes | None:
    """The chart as a PNG, drawn in a worker thread; None when there is nothing to draw or
    drawing failed (the review then goes as text alone)."""
    if score_chart is None:
        return None
    try:
        return await asyncio.to_thread(chart.render, score_chart)
    except Exception:
        log.exception("Drawing a review chart failed; sending the review without it")
        return None


# --- On demand -------------------------------------------------------------------------------


async def on_demand(mend: Mend, user_id: int, weeks: int) -> Review:
    """/review [weeks]: the review of the last ``weeks`` weeks, up to now."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        me = await require_user(tx, user_id)
        require_timezone(me)
        couple = await couples.active_for(tx, user_id)
        partner = await users.get(tx, couple.partner_of(user_id)) if couple else None
        if couple is None or partner is None:
            raise NotAllowed(views.NOT_PAIRED)
        review = await gather(tx, me, partner, couple, weeks, now)
    if review.empty:
        raise NotAllowed(views.nothing_yet(review.period))
    return review


# --- Scheduled -------------------------------------------------------------------------------


async def request_due(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Record a review for each due review reminder (run by the tick, in the transaction that
    moves the reminders on). Late ones (the bot was down) wait for their next time, as every
    reminder does; so do paused users. Returns how many were recorded."""
    wanted = [
        (reminder.user_id, reminder.next_due_at)
        for reminder in due
        if reminder.kind == REMINDER_KIND and now - reminder.next_due_at <= LATE_LIMIT
    ]
    return await store.add_requests(tx, wanted, 1, now)


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
            requests = await store.pending_requests(tx, now, RENDER_BATCH, skip=tried)
        if not requests:
            break
        for request in requests:
            tried.add(request.id)
            try:
                rendered += await _render_one(mend, request)
            except Exception:
                log.exception("Rendering review request %d failed; trying later", request.id)
                async with mend.db.transaction() as tx:
                    await store.retry_request_later(tx, request.id, mend.clock.now() + RETRY_AFTER)
            if time.monotonic() - started >= RENDER_BUDGET:
                break
    return rendered


async def _render_one(mend: Mend, request: store.ReviewRequest) -> int:
    async with mend.db.read() as tx:
        me = await users.get(tx, request.user_id)
        couple = await couples.active_for(tx, request.user_id)
        partner = await users.get(tx, couple.partner_of(me.id)) if couple and me else None
        review = None
        if me is not None and me.tz is not None and couple is not None and partner is not None:
            review = await gather(tx, me, partner, couple, request.weeks, request.until_at)
    photo = None
    if review is not None and me is not None:
        with speaking(me.language):  # the chart's words are the reader's
            photo = await draw(views.chart_of(review))
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        if not await store.take_request(tx, request.id):
            return 0
        if review is None or couple is None or await couples.active(tx, couple.id) is None:
            return 0  # no longer paired (or no timezone): nothing to look back on together
        count = len(views.review_messages(review, photo, scheduled=True))
        for index in range(count):

            def message(index: int = index, review: Review = review) -> Outgoing:
                return views.review_messages(review, photo, scheduled=True)[index]

            kind = MessageKind.CHART if photo is not None and index == 0 else MessageKind.TEXT
            await outbox.add(tx, request.user_id, kind, message, now, couple_id=couple.id)
    return 1
