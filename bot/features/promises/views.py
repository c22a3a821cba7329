"""What promises look like: the words and buttons of /promise, /promises and the questions."""

from bot import texts
from bot.features.promises.buttons import AuthorAnswer, AuthorSays, PartnerAnswer, PartnerSays
from bot.features.promises.models import Answer, Answered, Made, Overview, Promise, Settled, Status
from bot.kernel import when
from bot.kernel.outgoing import Outgoing, buttons
from bot.storage.models import User

PROMISE_USAGE = (
    "Tell me what you promise, and if you like by when, for example:\n"
    "<code>/promise call if I'm running late by 18:00</code>\n"
    "<code>/promise plan Saturday together by fri</code>\n"
    "<code>/promise put my phone away at dinner</code>"
)
PROMISE_BAD_WHEN = (
    "I couldn't read “{given}” as a time. Try <code>by 18:00</code>, <code>by fri</code>, "
    "<code>by tomorrow 9am</code> or <code>by 2026-12-01</code>. Nothing was saved yet."
)
PROMISE_PAST = (
    "That time has already passed. Pick a time still ahead, like <code>by tomorrow</code>."
)
PROMISE_TOO_FAR = "A promise can be up to {days} days ahead. Something sooner works best."
PROMISE_NO_TIME = "I'll ask how it went at your next check-in"
PROMISE_BY = "by {when}"
PROMISE_MADE = "Promise noted: <b>{what}</b>, {when}. {name} has been told."
PROMISE_TOLD = "{name} made you a promise: <b>{what}</b>, {when}."
PROMISE_ASK_AUTHOR = "<b>How did it go?</b>\nYou promised: {what}"
PROMISE_ASK_PARTNER = (
    "<b>{name} promised: {what}</b>\nWas it kept? {name} sees your answer once you've both "
    "answered."
)
BUTTON_KEPT = "Kept"
BUTTON_NOT_THIS_TIME = "Not this time"
BUTTON_LETS_TALK = "Let's talk"
PROMISE_ANSWERS = {Answer.KEPT: "Kept", Answer.NOT: "Not this time", Answer.TALK: "Let's talk"}
PROMISE_NOTED = (
    "Noted: <b>{answer}</b> for “{what}”. You'll see {name}'s answer once they've answered too."
)
PROMISE_ANSWERED = "You've already answered about this promise."
PROMISE_OUTCOME = "<b>{what}</b>\n{author}: {author_says}\n{other}: {other_says}\n{verdict}"
PROMISE_KEPT = "You both say it was kept."
PROMISE_NOT_KEPT = "Not counted as kept this time. It may be worth a calm talk."
PROMISES_TITLE = "<b>Promises</b>"
PROMISES_OPEN = "<b>Open</b>"
PROMISES_NONE_OPEN = (
    "No open promises. <code>/promise call if I'm running late by 18:00</code> makes one."
)
PROMISE_LINE = "• {who}: {what} ({state})"
PROMISE_WAITING = "waiting for both answers"
PROMISES_RECORD = "<b>Kept, as both of you said</b>"
PROMISES_COUNT = "{kept} of {total}"
PROMISES_RECORD_LINE = "• {who}: {week} in the last 7 days, {month} in the last 30"


def _when(promise: Promise, reader: User) -> str:
    if promise.due_at is None:
        return PROMISE_NO_TIME
    return PROMISE_BY.format(when=when.moment(promise.due_at, reader.tz))


def made(result: Made) -> Outgoing:
    """The author's confirmation."""
    return Outgoing(
        PROMISE_MADE.format(
            what=texts.escape(result.promise.body),
            when=_when(result.promise, result.me),
            name=texts.escape(result.partner.first_name),
        )
    )


def told(result: Made) -> Outgoing:
    """The partner is told about the promise."""
    return Outgoing(
        PROMISE_TOLD.format(
            name=texts.escape(result.me.first_name),
            what=texts.escape(result.promise.body),
            when=_when(result.promise, result.partner),
        )
    )


def ask_author(promise: Promise) -> Outgoing:
    """How did it go? Kept / Not this time."""
    return Outgoing(
        PROMISE_ASK_AUTHOR.format(what=texts.escape(promise.body)),
        buttons(
            [
                (BUTTON_KEPT, AuthorSays(promise.id, AuthorAnswer.KEPT).pack()),
                (BUTTON_NOT_THIS_TIME, AuthorSays(promise.id, AuthorAnswer.NOT).pack()),
            ]
        ),
    )


def ask_partner(promise: Promise, author: User) -> Outgoing:
    """Was it kept? Kept / Let's talk."""
    return Outgoing(
        PROMISE_ASK_PARTNER.format(
            name=texts.escape(author.first_name), what=texts.escape(promise.body)
        ),
        buttons(
            [
                (BUTTON_KEPT, PartnerSays(promise.id, PartnerAnswer.KEPT).pack()),
                (BUTTON_LETS_TALK, PartnerSays(promise.id, PartnerAnswer.TALK).pack()),
            ]
        ),
    )


def answered(result: Answered | Settled) -> Outgoing:
    """The presser's answer noted, or both answers once both answered."""
    if isinstance(result, Settled):
        return outcome(result)
    return Outgoing(
        PROMISE_NOTED.format(
            what=texts.escape(result.promise.body),
            answer=PROMISE_ANSWERS[result.answer],
            name=texts.escape(result.partner.first_name),
        )
    )


def outcome(result: Settled) -> Outgoing:
    """Both answers, and whether it counts as kept (both partners see it)."""
    promise = result.promise
    assert promise.author_says is not None and promise.partner_says is not None
    return Outgoing(
        PROMISE_OUTCOME.format(
            what=texts.escape(promise.body),
            author=texts.escape(result.author.first_name),
            author_says=PROMISE_ANSWERS[promise.author_says],
            other=texts.escape(result.other.first_name),
            other_says=PROMISE_ANSWERS[promise.partner_says],
            verdict=PROMISE_KEPT if result.kept else PROMISE_NOT_KEPT,
        )
    )


def overview(result: Overview) -> Outgoing:
    """/promises: open promises and each partner's record."""
    people = {result.me.id: result.me, result.partner.id: result.partner}
    lines = [PROMISES_TITLE]
    if result.open:
        lines.append(PROMISES_OPEN)
        for promise in result.open:
            who = people[promise.author_id]
            waiting = promise.status == Status.ASKING
            state = PROMISE_WAITING if waiting else _when(promise, result.me)
            lines.append(
                PROMISE_LINE.format(
                    who=texts.escape(who.first_name), what=texts.escape(promise.body), state=state
                )
            )
    else:
        lines.append(PROMISES_NONE_OPEN)
    lines.append(PROMISES_RECORD)
    for record in result.records:
        lines.append(
            PROMISES_RECORD_LINE.format(
                who=texts.escape(record.person.first_name),
                week=PROMISES_COUNT.format(kept=record.week_kept, total=record.week_total),
                month=PROMISES_COUNT.format(kept=record.month_kept, total=record.month_total),
            )
        )
    return Outgoing("\n".join(lines))
