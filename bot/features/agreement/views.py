"""The agreement's words: its results rendered as text and buttons."""

from datetime import datetime
from datetime import time as dt_time

from bot.features.agreement import buttons as b
from bot.features.agreement.models import (
    DEFAULT_PERIOD,
    MAX_TOPIC_CHARS,
    PERIOD_DAYS,
    RENEW_WINDOW,
    Accepted,
    ChangeSent,
    CheckAnswer,
    CheckAnswered,
    CheckOutcome,
    CheckQuestion,
    Draft,
    History,
    NothingToggled,
    Overview,
    Proposal,
    Proposed,
    Renewal,
    RenewOutcome,
    ReviewChoice,
    Topic,
    TopicStatus,
    WithdrawChoice,
    Withdrawn,
)
from bot.kernel import when
from bot.kernel.outgoing import Outgoing, buttons
from bot.library import AgreementTopic, Support
from bot.storage.models import User
from bot.texts import escape

# The plain names of the periods a topic can be agreed for, by days.
PERIOD_NAMES: dict[int, str] = {14: "2 weeks", 30: "1 month", 90: "3 months"}
assert tuple(PERIOD_NAMES) == PERIOD_DAYS

WAITING_PROPOSAL = "A proposal for your agreement is waiting for your answer."
AGREEMENT_TITLE = "<b>Your disclosure agreement with {name}</b>"
AGREEMENT_EMPTY = (
    "There's nothing in it yet. An agreement is a short list of things one of you will share "
    "openly, without being asked, for a limited time. Either of you can propose a topic; it "
    "starts only once you both accept, and either of you can withdraw it at any time."
)
AGREEMENT_IN_FORCE = "<b>In force</b>"
AGREEMENT_ACTIVE_LINE = "• {title}: proposed by {who}, agreed {agreed}, review on {review}"
AGREEMENT_WAITING = "<b>Agreed, not started yet</b>"
AGREEMENT_WAITING_LINE = "• {title}: proposed by {who}, {period}"
# What a reader sees of the private check depends only on their own answer, never on the
# partner's.
AGREEMENT_CHECK_PENDING = (
    "Before the first topic starts, I ask each of you one private question. It starts once "
    "you've both said Yes, and you'll both be told then."
)
AGREEMENT_CHECK_YES = (
    "You've answered your private question. It starts once you've both said Yes, and you'll "
    "both be told then."
)
AGREEMENT_CHECK_NOT_NOW = "Not now: disclosures are off for the moment."
AGREEMENT_PROPOSED = "<b>Proposed</b>"
AGREEMENT_PROPOSED_LINE = "• {title} ({period}): proposed by {who}, waiting for {whom}"
AGREEMENT_REMINDERS = "“Anything to share?” reminders: {mine} for you, {theirs} for {name}."
AGREEMENT_REMINDER_ON = "on ({time})"
AGREEMENT_REMINDER_OFF = "off"
AGREEMENT_NOTHING_ON = "When you answer “Nothing to share today”, {name} is told."
AGREEMENT_NOTHING_OFF = "When you answer “Nothing to share today”, {name} isn't told."
AGREEMENT_HELP = (
    "/disclose shares something under the agreement, /disclosures shows your shared log, and "
    "<code>/remind disclosure 20:00</code> sets a daily “anything to share?” reminder."
)
BUTTON_PROPOSE = "Propose a topic"
BUTTON_WITHDRAW = "Withdraw a topic"
BUTTON_HISTORY = "History"
BUTTON_NOTHING_ON = "Tell {name} when I've nothing to share"
BUTTON_NOTHING_OFF = "Don't tell {name} when I've nothing to share"
BUTTON_ANSWER_CHECK = "Answer the private question again"
BUTTON_OWN_TOPIC = "Write my own"
BUTTON_ANSWER_PROPOSAL = "Answer: {title}"
NOTHING_SHARED_ON = "Done. When you answer “Nothing to share today”, {name} will be told."
NOTHING_SHARED_OFF = "Done. When you answer “Nothing to share today”, {name} won't be told."

PROPOSE_PICK = (
    "Which topic would you like to propose? Each is a suggestion; choose one to see what it "
    "means, or write your own."
)
PROPOSE_OWN = (
    "Write the topic in a few words, as you'd like {name} to read it, for example "
    "“Messages from my ex”. Up to {limit} characters."
)
PROPOSE_DETAILS = "<b>{title}</b>\n{description}\n<i>For example: “{example}”</i>"
PROPOSE_PERIOD = "For how long? At the end you'll both be asked whether to renew it."
PROPOSE_OWN_DETAILS = "<b>{title}</b>"
BUTTON_PERIOD = "{period}"
BUTTON_PERIOD_DEFAULT = "{period} (suggested)"
PROPOSAL_SENT = (
    "Proposed to {name}: <b>{title}</b>, for {period}. It starts only if {name} accepts."
)
PROPOSAL = (
    "<b>{name} proposes a topic for your disclosure agreement</b>\n"
    "{title}\n{details}"
    "For {period}, then you'll both be asked whether to renew it.\n"
    "It starts only if you accept. You can also decline, or suggest other words."
)
PROPOSAL_CHANGED = (
    "<b>{name} suggests a change to a topic you proposed</b>\n"
    "Your words: {old}\nTheir words: {title}\n"
    "For {period}. It starts only if you accept."
)
BUTTON_ACCEPT = "Accept"
BUTTON_DECLINE = "Decline"
BUTTON_SUGGEST_CHANGE = "Suggest a change"
TOPIC_DUPLICATE = "“{title}” is already part of your agreement, or waiting for an answer."
TOPIC_EMPTY = "That looks empty. Write the topic in a few words, for example “Late nights out”."
TOPIC_TOO_LONG = (
    "That's {length} characters; a topic can be up to {limit}. A short name works best, "
    "like “Messages from my ex”. Nothing has been saved yet."
)
ACCEPTED_STARTS = "You've both agreed: <b>{title}</b>, for {period}. It's in force until {review}."
ACCEPTED_WAITING = (
    "You've both agreed: <b>{title}</b>. Before it starts, I'll ask each of you one private "
    "question."
)
PARTNER_ACCEPTED = "{name} accepted <b>{title}</b>."
DECLINED = "Declined. {name} will be told, nothing more."
PARTNER_DECLINED = "{name} declined <b>{title}</b> for now."
SUGGEST_CHANGE = (
    "How would you put it? Write the topic in your own words (up to {limit} characters), and "
    "I'll send it to {name} to accept."
)
CHANGE_SENT = "Sent to {name}: <b>{title}</b>. It starts only if they accept."
PROPOSAL_CLOSED = "That proposal has already been answered or withdrawn."
OWN_PROPOSAL = "That's your own proposal; {name} answers it."

CHECK_QUESTION = (
    "<b>A private question, just for you</b>\n"
    "Before your agreement starts: are you agreeing to it freely, without feeling pressured?\n"
    "Your answer is never shown to {name}, and nothing you answer changes what {name} hears "
    "or when: if it's anything but Yes, disclosures simply stay off."
)
BUTTON_CHECK_YES = "Yes"
BUTTON_CHECK_UNSURE = "I'm not sure"
BUTTON_CHECK_NO = "No"
CHECK_YES_WAITING = (
    "Thank you. It starts once you've both said Yes to your own private question, and you'll "
    "both be told then."
)
CHECK_YES_STARTS = "Thank you. Your agreement is now in force."
CHECK_HESITANT = (
    "Thank you for saying so. Disclosures stay off, and {name} isn't told anything about "
    "your answer.\n"
    "You can change your answer later from /agreement, or withdraw any topic there."
)
CHECK_ALREADY = "You've answered this already. /agreement shows where things stand."
AGREEMENT_STARTED = (
    "<b>Your disclosure agreement is in force</b>\n{topics}\n"
    "/disclose shares something under it; /agreement shows it."
)
# The same note to both, at the same moment, a week after the question without two Yeses.
CHECK_NOT_STARTED = (
    "<b>About your disclosure agreement</b>\n"
    "It hasn't started: it starts only once you've each said Yes to your own private "
    "question, and until then disclosures stay off. Nothing more is needed from you. "
    "/agreement shows where things stand."
)
SUPPORT_TITLE = "<b>Some support, privately</b>"

WITHDRAW_PICK = "Which topic do you want to withdraw? {name} will be told."
WITHDRAW_NONE = "There's nothing to withdraw: no topic is in force or waiting."
WITHDRAWN = "Withdrawn: <b>{title}</b>. {name} has been told."
PARTNER_WITHDREW = "{name} withdrew <b>{title}</b> from your disclosure agreement."
TOPIC_GONE = "That topic is no longer part of your agreement."

HISTORY_TITLE = "<b>Agreement history</b>"
HISTORY_EMPTY = "Nothing has been proposed yet."
HISTORY_LINE = "• {title}: {what}"
HISTORY_STATES = {
    "proposed": "proposed by {who} on {proposed}",
    "agreed": "agreed on {accepted}, not started yet",
    "active": "in force since {started}",
    "declined": "proposed by {who} on {proposed}, declined on {ended}",
    "changed": "proposed by {who} on {proposed}, replaced by other words on {ended}",
    "withdrawn": "in force {started} to {ended}, withdrawn",
    "lapsed": "in force {started} to {ended}, ended at its review",
    "ended": "ended with the pairing on {ended}",
}
HISTORY_WITHDRAWN_EARLY = "proposed by {who} on {proposed}, withdrawn on {ended}"

REVIEW_QUESTION = (
    "<b>Time to review a topic</b>\n"
    "{title}: agreed for {period}, in force since {started}.\n"
    "Renew it for another {period}? It continues only if you both renew by {deadline}. "
    "Your answer is yours; {name} isn't told which one you chose."
)
BUTTON_RENEW = "Renew"
BUTTON_LET_END = "Let it end"
RENEW_WAITING = "Noted. It continues if {name} renews too by {deadline}."
RENEWED = "<b>{title}</b> is renewed until {review}."
LAPSED = "<b>{title}</b> has ended at its review, as you didn't both renew it."
LET_END = "<b>{title}</b> has ended. {name} has been told it ended at its review."
REVIEW_CLOSED = "That review is over. /agreement shows where things stand."


def period_name(days: int) -> str:
    return PERIOD_NAMES.get(days, f"{days} days")


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _reminder(time: tuple[int, int] | None) -> str:
    if time is None:
        return AGREEMENT_REMINDER_OFF
    return AGREEMENT_REMINDER_ON.format(time=when.time_of_day(dt_time(*time)))


# --- /agreement ------------------------------------------------------------------------------


def overview(result: Overview) -> Outgoing:
    """/agreement: the topics, who proposed each, when agreed, reviews, and the reminders."""
    me, topics = result.me, result.topics
    name = escape(result.partner.first_name)

    def who(topic: Topic) -> str:
        return "you" if topic.proposed_by == me.id else name

    parts = [AGREEMENT_TITLE.format(name=name)]
    rows: list[list[tuple[str, str]]] = []
    if not topics:
        parts.append(AGREEMENT_EMPTY)
    active = [t for t in topics if t.status == TopicStatus.ACTIVE]
    if active:
        lines = [AGREEMENT_IN_FORCE]
        for topic in active:
            assert topic.accepted_at is not None and topic.review_at is not None
            lines.append(
                AGREEMENT_ACTIVE_LINE.format(
                    title=escape(topic.title),
                    who=who(topic),
                    agreed=when.day_of(topic.accepted_at, me.tz),
                    review=when.day_of(topic.review_at, me.tz),
                )
            )
        parts.append("\n".join(lines))
    waiting = [t for t in topics if t.status == TopicStatus.AGREED]
    if waiting:
        lines = [AGREEMENT_WAITING]
        lines += [
            AGREEMENT_WAITING_LINE.format(
                title=escape(t.title), who=who(t), period=period_name(t.period_days)
            )
            for t in waiting
        ]
        mine = result.my_check
        if mine is None:
            lines.append(AGREEMENT_CHECK_PENDING)
        else:
            lines.append(
                AGREEMENT_CHECK_YES if mine == CheckAnswer.YES else AGREEMENT_CHECK_NOT_NOW
            )
        parts.append("\n".join(lines))
    if result.consent.get(me.id) not in (None, CheckAnswer.YES):
        rows.append([(BUTTON_ANSWER_CHECK, b.CheckAgain().pack())])
    proposed = [t for t in topics if t.status == TopicStatus.PROPOSED]
    if proposed:
        lines = [AGREEMENT_PROPOSED]
        for topic in proposed:
            mine_to_answer = topic.proposed_by != me.id
            lines.append(
                AGREEMENT_PROPOSED_LINE.format(
                    title=escape(topic.title),
                    period=period_name(topic.period_days),
                    who=who(topic),
                    whom="you" if mine_to_answer else name,
                )
            )
            if mine_to_answer:
                label = BUTTON_ANSWER_PROPOSAL.format(title=_short(topic.title))
                rows.append([(label, b.ViewProposal(topic.id).pack())])
        parts.append("\n".join(lines))
    tells = result.tells_nothing
    parts.append(
        AGREEMENT_REMINDERS.format(
            mine=_reminder(result.my_reminder), theirs=_reminder(result.their_reminder), name=name
        )
        + "\n"
        + (AGREEMENT_NOTHING_ON if tells else AGREEMENT_NOTHING_OFF).format(name=name)
    )
    parts.append(AGREEMENT_HELP)
    rows.append([(BUTTON_PROPOSE, b.Propose().pack())])
    if topics:
        rows.append([(BUTTON_WITHDRAW, b.WithdrawPick().pack())])
    rows.append([(BUTTON_HISTORY, b.HistoryButton().pack())])
    toggle = BUTTON_NOTHING_OFF if tells else BUTTON_NOTHING_ON
    rows.append([(toggle.format(name=result.partner.first_name), b.ToggleNothing().pack())])
    return Outgoing("\n\n".join(parts), buttons(*rows))


def nothing_toggled(result: NothingToggled) -> Outgoing:
    template = NOTHING_SHARED_ON if result.on else NOTHING_SHARED_OFF
    return Outgoing(template.format(name=escape(result.partner.first_name)))


# --- Proposing ---------------------------------------------------------------------------------


def suggestions(choices: list[AgreementTopic]) -> Outgoing:
    """The suggestions to propose, and Write my own."""
    rows = [[(topic.title, b.Suggestion(topic.id).pack())] for topic in choices]
    rows.append([(BUTTON_OWN_TOPIC, b.WriteOwn().pack())])
    return Outgoing(PROPOSE_PICK, buttons(*rows))


def _periods(topic_id: int) -> list[list[tuple[str, str]]]:
    return [
        [
            (
                (BUTTON_PERIOD_DEFAULT if days == DEFAULT_PERIOD else BUTTON_PERIOD).format(
                    period=period_name(days)
                ),
                b.Period(topic_id, days).pack(),
            )
        ]
        for days in PERIOD_DAYS
    ]


def draft(result: Draft) -> Outgoing:
    """What the chosen topic means, and for how long."""
    suggestion = result.suggestion
    if suggestion is None:
        details = PROPOSE_OWN_DETAILS.format(title=escape(result.topic.title))
    else:
        details = PROPOSE_DETAILS.format(
            title=escape(suggestion.title),
            description=escape(suggestion.description),
            example=escape(suggestion.example),
        )
    return Outgoing(details + "\n\n" + PROPOSE_PERIOD, buttons(*_periods(result.topic.id)))


def write_own(partner: User) -> Outgoing:
    return Outgoing(PROPOSE_OWN.format(name=escape(partner.first_name), limit=MAX_TOPIC_CHARS))


def proposal(
    topic: Topic,
    proposer: User,
    suggestion: AgreementTopic | None = None,
    replaced: Topic | None = None,
) -> Outgoing:
    """The message the partner answers: Accept / Decline / Suggest a change."""
    name = escape(proposer.first_name)
    title = escape(topic.title)
    period = period_name(topic.period_days)
    if replaced is not None:
        text = PROPOSAL_CHANGED.format(
            name=name, old=escape(replaced.title), title=title, period=period
        )
    else:
        details = ""
        if suggestion is not None:
            details = (
                f"{escape(suggestion.description)}\n"
                f"<i>For example: “{escape(suggestion.example)}”</i>\n"
            )
        text = PROPOSAL.format(name=name, title=f"<b>{title}</b>", details=details, period=period)
    return Outgoing(
        text,
        buttons(
            [
                (BUTTON_ACCEPT, b.Accept(topic.id).pack()),
                (BUTTON_DECLINE, b.Decline(topic.id).pack()),
            ],
            [(BUTTON_SUGGEST_CHANGE, b.SuggestChange(topic.id).pack())],
        ),
    )


def shown_proposal(result: Proposal) -> Outgoing:
    return proposal(result.topic, result.proposer, result.suggestion, result.replaced)


def proposed(result: Proposed) -> Outgoing:
    return Outgoing(
        PROPOSAL_SENT.format(
            name=escape(result.partner.first_name),
            title=escape(result.topic.title),
            period=period_name(result.topic.period_days),
        )
    )


# --- Answering a proposal ------------------------------------------------------------------


def accepted(result: Accepted) -> Outgoing:
    """To the reader: in force until its review, or waiting for the private check."""
    topic = result.topic
    if result.review_at is None:
        return Outgoing(ACCEPTED_WAITING.format(title=escape(topic.title)))
    return Outgoing(
        ACCEPTED_STARTS.format(
            title=escape(topic.title),
            period=period_name(topic.period_days),
            review=when.day_of(result.review_at, result.reader.tz),
        )
    )


def partner_accepted(result: Accepted, accepter: User) -> Outgoing:
    """To the proposer: the partner accepted, and what follows (``result`` is theirs)."""
    told = PARTNER_ACCEPTED.format(
        name=escape(accepter.first_name), title=escape(result.topic.title)
    )
    return Outgoing(told + "\n" + accepted(result).text)


def partner_declined(topic: Topic, decliner: User) -> Outgoing:
    return Outgoing(
        PARTNER_DECLINED.format(name=escape(decliner.first_name), title=escape(topic.title))
    )


def declined(partner: User) -> Outgoing:
    return Outgoing(DECLINED.format(name=escape(partner.first_name)))


def suggest_change(partner: User) -> Outgoing:
    return Outgoing(SUGGEST_CHANGE.format(limit=MAX_TOPIC_CHARS, name=escape(partner.first_name)))


def change_sent(result: ChangeSent) -> Outgoing:
    return Outgoing(
        CHANGE_SENT.format(name=escape(result.partner.first_name), title=escape(result.title))
    )


# --- The private freely-agreeing check -------------------------------------------------------


def check_question(result: CheckQuestion) -> Outgoing:
    def button(answer: CheckAnswer) -> str:
        return b.Check(result.couple_id, answer).pack()

    return Outgoing(
        CHECK_QUESTION.format(name=escape(result.partner.first_name)),
        buttons(
            [(BUTTON_CHECK_YES, button(CheckAnswer.YES))],
            [(BUTTON_CHECK_UNSURE, button(CheckAnswer.UNSURE))],
            [(BUTTON_CHECK_NO, button(CheckAnswer.NO))],
        ),
    )


def check_not_started() -> Outgoing:
    """The week's note, the same for both partners whatever either answered."""
    return Outgoing(CHECK_NOT_STARTED)


def _listing(started: list[tuple[Topic, datetime]], reader: User) -> str:
    return "\n".join(
        f"• {escape(topic.title)}, until {when.day_of(review, reader.tz)}"
        for topic, review in started
    )


def agreement_started(started: list[tuple[Topic, datetime]], reader: User) -> Outgoing:
    return Outgoing(AGREEMENT_STARTED.format(topics=_listing(started, reader)))


def _support(support: Support) -> str:
    lines = [SUPPORT_TITLE, escape(support.message)]
    lines += [f"• <b>{escape(r.name)}</b>: {escape(r.detail)}" for r in support.resources]
    return "\n".join(lines)


def check_answered(result: CheckAnswered) -> Outgoing:
    name = escape(result.partner.first_name)
    if result.outcome is CheckOutcome.HESITANT:
        return Outgoing(CHECK_HESITANT.format(name=name) + "\n\n" + _support(result.support))
    if result.outcome is CheckOutcome.WAITING:
        return Outgoing(CHECK_YES_WAITING.format(name=name))
    started = agreement_started(result.started, result.reader).text
    return Outgoing(CHECK_YES_STARTS + "\n\n" + started)


# --- Withdraw and history ----------------------------------------------------------------------


def withdraw_choice(result: WithdrawChoice) -> Outgoing:
    rows = [[(_short(t.title), b.Withdraw(t.id).pack())] for t in result.topics]
    return Outgoing(WITHDRAW_PICK.format(name=escape(result.partner.first_name)), buttons(*rows))


def withdrawn(result: Withdrawn) -> Outgoing:
    return Outgoing(
        WITHDRAWN.format(title=escape(result.topic.title), name=escape(result.partner.first_name))
    )


def partner_withdrew(topic: Topic, withdrawer: User) -> Outgoing:
    return Outgoing(
        PARTNER_WITHDREW.format(name=escape(withdrawer.first_name), title=escape(topic.title))
    )


def history(result: History) -> Outgoing:
    if not result.topics:
        return Outgoing(HISTORY_TITLE + "\n" + HISTORY_EMPTY)
    me = result.me

    def day(moment: datetime | None) -> str:
        return when.day_of(moment, me.tz) if moment else "?"

    lines = [HISTORY_TITLE]
    for topic in result.topics:
        template = HISTORY_STATES[topic.status]
        if topic.status == TopicStatus.WITHDRAWN and topic.started_at is None:
            template = HISTORY_WITHDRAWN_EARLY
        what = template.format(
            who="you" if topic.proposed_by == me.id else escape(result.partner.first_name),
            proposed=day(topic.proposed_at),
            accepted=day(topic.accepted_at),
            started=day(topic.started_at),
            ended=day(topic.ended_at),
        )
        lines.append(HISTORY_LINE.format(title=escape(topic.title), what=what))
    return Outgoing("\n".join(lines))


# --- Reviews ---------------------------------------------------------------------------------


def review_question(topic: Topic, reader: User, other: User) -> Outgoing:
    assert topic.review_at is not None and topic.started_at is not None
    return Outgoing(
        REVIEW_QUESTION.format(
            title=f"<b>{escape(topic.title)}</b>",
            period=period_name(topic.period_days),
            started=when.day_of(topic.started_at, reader.tz),
            deadline=when.day_of(topic.review_at + RENEW_WINDOW, reader.tz),
            name=escape(other.first_name),
        ),
        buttons(
            [
                (BUTTON_RENEW, b.Review(topic.id, ReviewChoice.RENEW).pack()),
                (BUTTON_LET_END, b.Review(topic.id, ReviewChoice.END).pack()),
            ]
        ),
    )


def lapsed(topic: Topic) -> Outgoing:
    return Outgoing(LAPSED.format(title=escape(topic.title)))


def renewed(result: Renewal) -> Outgoing:
    """Let it end, Renew (waiting for the partner), or renewed by both."""
    title = escape(result.topic.title)
    name = escape(result.partner.first_name)
    if result.outcome is RenewOutcome.ENDED:
        return Outgoing(LET_END.format(title=title, name=name))
    assert result.when is not None
    day = when.day_of(result.when, result.reader.tz)
    if result.outcome is RenewOutcome.WAITING:
        return Outgoing(RENEW_WAITING.format(name=name, deadline=day))
    return Outgoing(RENEWED.format(title=title, review=day))
