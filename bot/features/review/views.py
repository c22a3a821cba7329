"""The weekly review as the user sees it: its words, and its chart's labels."""

from bot import texts
from bot.features.review.chart import ScoreChart
from bot.features.review.models import Period, Review
from bot.kernel import when
from bot.kernel.i18n import N_, current, ngettext
from bot.kernel.outgoing import Outgoing

USAGE = N_(
    "I couldn't read “{given}” as a number of weeks. Try <code>/review</code> for the last "
    "week, or <code>/review 4w</code> for the last four (1 to {most} weeks)."
)
RANGE = N_(
    "A review can look back 1 to {most} weeks. Try <code>/review</code> for the last week, "
    "or <code>/review 4w</code> for the last four."
)
NOT_PAIRED = N_(
    "The review looks back on what the two of you did together, so it starts once you're "
    "paired. /pair makes an invite."
)
NOTHING_YET = N_(
    "There's nothing to look back on yet for {period}. Once you've both checked in on a day, "
    "it shows up here, with a chart of your answers. Try again after a few check-ins."
)
TITLE_WEEK = N_("<b>Your week with {name}</b>")
TITLE_SINCE_PAIRING = N_("<b>Your time with {name} since you paired</b>")
PERIOD = N_("{first} to {last}")
CHART_TITLE = N_("Check-in scores, {period}")
CHART_AXIS = N_("Score, 1 to 10")
CHART_CAPTION = N_(
    "Your check-in scores, {period}. Only days you both answered with a number are shown. "
    "Each day has its own question: a line joins two days only when they asked the same one."
)
DAYS_BOTH = N_("Days you both checked in: {count}")
STREAK = N_("Days in a row you've both checked in, up to now: {count}")
# What the two did together, counted together: never one partner against the other.
GRATITUDE = N_("Appreciations sent between you: {count}")
DISCLOSURES = N_("Shared under your agreement: {count}")
PROMISES = N_("Promises you both called kept: {count}")
WINS = N_("Wins shared: {count}")
QUIET = N_(
    "A quiet stretch here. Nothing needs catching up; the next check-in is simply the next one."
)
NO_CHART = N_("<i>No chart this time: it shows the days you both answered a 1-10 check-in.</i>")
SCHEDULED_FOOTER = N_(
    "<i>Your weekly review. Change its time with <code>/remind review sun 19:00</code>, or "
    "stop it with <code>/remind review off</code>.</i>"
)
DEFAULT_NAME = N_("You")
PARTNER_NAME = N_("Your partner")


def period_label(period: Period) -> str:
    return PERIOD.format(first=when.day(period.first_day), last=when.day(period.last_day))


def usage(given: str, most: int) -> str:
    """What /review understands, for words it could not read as weeks."""
    return USAGE.format(given=texts.escape(given[:32]), most=most)


def out_of_range(most: int) -> str:
    return RANGE.format(most=most)


def nothing_yet(period: Period) -> str:
    return NOTHING_YET.format(period=period_label(period))


def chart_of(review: Review) -> ScoreChart | None:
    """What the chart shows (None: no day has scores to draw)."""
    if not review.scores:
        return None
    period = review.period
    fallback = (
        (str(DEFAULT_NAME), str(PARTNER_NAME))
        if review.reader_first
        else (str(PARTNER_NAME), str(DEFAULT_NAME))
    )
    return ScoreChart(
        first_day=period.first_day,
        last_day=period.last_day,
        names=review.names,  # the inviter first: one colour per person, for both readers
        days=list(review.scores),
        title=CHART_TITLE.format(period=period_label(period)),
        y_label=str(CHART_AXIS),
        fallback_names=fallback,
        language=current(),
    )


def _text(review: Review) -> str:
    """The counts, a line each; lines with nothing to count are left out."""
    name = texts.escape(review.partner_name)
    if review.period.since_pairing:
        title = TITLE_SINCE_PAIRING.format(name=name)
    elif review.weeks == 1:
        title = TITLE_WEEK.format(name=name)
    else:
        title = ngettext(
            "<b>Your last {weeks} week with {name}</b>",
            "<b>Your last {weeks} weeks with {name}</b>",
            review.weeks,
        ).format(weeks=review.weeks, name=name)
    lines: list[str] = []
    if review.days_both:
        lines.append(DAYS_BOTH.format(count=review.days_both))
    if review.streak:
        lines.append(STREAK.format(count=review.streak))
    if review.gratitude:
        lines.append(GRATITUDE.format(count=review.gratitude))
    if review.disclosures:
        lines.append(DISCLOSURES.format(count=review.disclosures))
    if review.promises_kept:
        lines.append(PROMISES.format(count=review.promises_kept))
    if review.wins:
        lines.append(WINS.format(count=review.wins))
    if not lines:
        lines.append(str(QUIET))
    elif review.days_both and not review.scores:
        lines.append(str(NO_CHART))
    return f"{title}\n{period_label(review.period)}\n\n" + "\n".join(lines)


def review_messages(review: Review, chart: bytes | None, *, scheduled: bool) -> list[Outgoing]:
    """The chart as a photo (when one was drawn), then the text; a scheduled review says how
    to move or stop it."""
    caption = CHART_CAPTION.format(period=period_label(review.period))
    photo = [] if chart is None else [Outgoing(caption, photo=chart)]
    text = _text(review)
    if scheduled:
        text += f"\n\n{SCHEDULED_FOOTER}"
    return [*photo, Outgoing(text)]
