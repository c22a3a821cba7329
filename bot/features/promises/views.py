"""What promises look like: the words and buttons of /promise, /promises and the questions."""

from bot import texts
from bot.features.promises.buttons import AuthorAnswer, AuthorSays, PartnerAnswer, PartnerSays
from bot.features.promises.models import Answer, Answered, Made, Overview, Promise, Settled, Status
from bot.kernel import when
from bot.kernel.i18n import N_, ngettext
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.screens import Open
from bot.storage.models import User

PROMISE_USAGE = N_(
    "Tell me what you promise, and if you like by when, for example:\n"
    "<code>/promise call if I'm running late by 18:00</code>\n"
    "<code>/promise plan Saturday together by fri</code>\n"
    "<code>/promise put my phone away at dinner</code>"
)
PROMISE_BAD_WHEN = N_(
    "I couldn't read “{given}” as a time. Try <code>by 18:00</code>, <code>by fri</code>, "
    "<code>by tomorrow 9am</code> or <code>by 2026-12-01</code>. Nothing was saved yet."
)
PROMISE_PAST = N_(
    "That time has already passed. Pick a time still ahead, like <code>by tomorrow</code>."
)
PROMISE_MADE = N_("Promise noted: <b>{what}</b>. {name} has been told.\n{when}")
PROMISE_WHEN_MINE = N_("I'll ask you both how it went on {when}.")
PROMISE_UNDATED_MINE = N_("I'll ask you both how it went at your check-in, a day or so from now.")
# To the one the promise was made to: the promiser's own words, quoted as theirs.
PROMISE_TOLD = N_("<b>{name} made you a promise</b>, in their own words:\n“{what}”\n{when}")
PROMISE_WHEN_THEIRS = N_("I'll ask you both how it went on {when}.")
PROMISE_UNDATED_THEIRS = N_(
    "I'll ask you both how it went at {name}'s check-in, a day or so from now."
)
PROMISE_ASK_AUTHOR = N_("<b>How did it go?</b>\nYou promised: “{what}”")
PROMISE_ASK_PARTNER = N_(
    "<b>{name} promised you</b>, in their own words:\n“{what}”\nWas it kept? {name} sees your "
    "answer once you've both answered."
)
BUTTON_KEPT = N_("Kept")
BUTTON_NOT_THIS_TIME = N_("Not this time")
BUTTON_LETS_TALK = N_("Let's talk")
BUTTON_FIND_TIME = N_("Find a time to talk")
PROMISE_ANSWERS = {
    Answer.KEPT: N_("Kept"),
    Answer.NOT: N_("Not this time"),
    Answer.TALK: N_("Let's talk"),
}
PROMISE_NOTED = N_(
    "Noted: <b>{answer}</b> for “{what}”. You'll see {name}'s answer once they've answered too."
)
PROMISE_ANSWERED = N_("You've already answered about this promise.")
PROMISE_OUTCOME = N_("<b>“{what}”</b>\n{author}: {author_says}\n{other}: {other_says}\n{agreed}")
PROMISE_KEPT = N_("You both say it was kept.")
PROMISE_NOT_KEPT = N_(
    "Not kept this time. That isn't held against anyone; the next promise is a fresh start."
)
PROMISE_DIFFER = N_(
    "You see this one differently, and that's all right. Mend records no verdict either way."
)
PROMISE_TALK_MINE = N_("You'd like to talk about it; {name} sees that too.")
PROMISE_TALK_THEIRS = N_("{name} would like to talk about it, calmly, when you're both ready.")
PROMISES_TITLE = N_("<b>Promises</b>")
PROMISES_OPEN = N_("<b>Open</b>")
PROMISES_NONE_OPEN = N_(
    "No open promises. <code>/promise call if I'm running late by 18:00</code> makes one."
)
PROMISE_LINE = N_("• {who}: “{what}” ({state})")
PROMISE_WAITING = N_("waiting for both answers")
PROMISE_STATE_BY = N_("by {when}")
PROMISE_STATE_UNDATED = N_("asked about at a check-in")
# Counted together, never per person; left out when there is nothing to count.
PROMISES_KEPT_TOGETHER = N_("Promises you both called kept in the last 30 days: {count}")


def too_far(days: int) -> str:
    """A time further ahead than a promise can be."""
    return ngettext(
        "A promise can be up to {days} day ahead. Something sooner works best.",
        "A promise can be up to {days} days ahead. Something sooner works best.",
        days,
    ).format(days=days)


def _state(promise: Promise, reader: User) -> str:
    if promise.due_at is None:
        return str(PROMISE_STATE_UNDATED)
    return PROMISE_STATE_BY.format(when=when.moment(promise.due_at, reader.tz))


def made(result: Made) -> Outgoing:
    """The author's confirmation."""
    promise = result.promise
    by = (
        str(PROMISE_UNDATED_MINE)
        if promise.due_at is None
        else PROMISE_WHEN_MINE.format(when=when.moment(promise.due_at, result.me.tz))
    )
    return Outgoing(
        PROMISE_MADE.format(
            what=texts.escape(promise.body),
            name=texts.escape(result.partner.first_name),
            when=by,
        )
    )


def told(result: Made) -> Outgoing:
    """The partner is told about the promise: the author's words quoted as theirs, and the
    rest addressed to the reader."""
    promise, name = result.promise, texts.escape(result.me.first_name)
    by = (
        PROMISE_UNDATED_THEIRS.format(name=name)
        if promise.due_at is None
        else PROMISE_WHEN_THEIRS.format(when=when.moment(promise.due_at, result.partner.tz))
    )
    return Outgoing(PROMISE_TOLD.format(name=name, what=texts.escape(promise.body), when=by))


def ask_author(promise: Promise) -> Outgoing:
    """How did it go? Kept / Not this time."""
    return Outgoing(
        PROMISE_ASK_AUTHOR.format(what=texts.escape(promise.body)),
        buttons(
            [
                (str(BUTTON_KEPT), AuthorSays(promise.id, AuthorAnswer.KEPT).pack()),
                (str(BUTTON_NOT_THIS_TIME), AuthorSays(promise.id, AuthorAnswer.NOT).pack()),
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
                (str(BUTTON_KEPT), PartnerSays(promise.id, PartnerAnswer.KEPT).pack()),
                (str(BUTTON_LETS_TALK), PartnerSays(promise.id, PartnerAnswer.TALK).pack()),
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
            answer=str(PROMISE_ANSWERS[result.answer]),
            name=texts.escape(result.partner.first_name),
        )
    )


def outcome(result: Settled) -> Outgoing:
    """Both answers, shown alike to both; kept only when both said so, and no verdict when
    the two differ. "Let's talk" offers to find a time, when Mend can (``can_talk``)."""
    promise = result.promise
    assert promise.author_says is not None and promise.partner_says is not None
    agreed = {Status.KEPT: PROMISE_KEPT, Status.DIFFER: PROMISE_DIFFER}.get(
        result.status, PROMISE_NOT_KEPT
    )
    lines = [
        PROMISE_OUTCOME.format(
            what=texts.escape(promise.body),
            author=texts.escape(result.author.first_name),
            author_says=str(PROMISE_ANSWERS[promise.author_says]),
            other=texts.escape(result.other.first_name),
            other_says=str(PROMISE_ANSWERS[promise.partner_says]),
            agreed=str(agreed),
        )
    ]
    rows: list[list[tuple[str, str]]] = []
    if result.talk_wanted:
        if result.reader.id == result.other.id:
            lines.append(PROMISE_TALK_MINE.format(name=texts.escape(result.author.first_name)))
        else:
            lines.append(PROMISE_TALK_THEIRS.format(name=texts.escape(result.other.first_name)))
        if result.can_talk:
            rows.append([(str(BUTTON_FIND_TIME), Open("talk").pack())])
    return Outgoing("\n".join(lines), buttons(*rows))


def overview(result: Overview) -> Outgoing:
    """/promises: open promises, and what the two agreed was kept, counted together."""
    people = {result.me.id: result.me, result.partner.id: result.partner}
    lines = [str(PROMISES_TITLE)]
    if result.open:
        lines.append(str(PROMISES_OPEN))
        for promise in result.open:
            who = people[promise.author_id]
            waiting = promise.status == Status.ASKING
            state = str(PROMISE_WAITING) if waiting else _state(promise, result.me)
            lines.append(
                PROMISE_LINE.format(
                    who=texts.escape(who.first_name), what=texts.escape(promise.body), state=state
                )
            )
    else:
        lines.append(str(PROMISES_NONE_OPEN))
    if result.kept_month:
        lines.append(PROMISES_KEPT_TOGETHER.format(count=result.kept_month))
    return Outgoing("\n".join(lines))
