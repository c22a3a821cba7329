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
from bot.kernel.i18n import N_, ngettext
from bot.kernel.outgoing import Outgoing, buttons
from bot.library import AgreementTopic, Support
from bot.storage.models import User
from bot.texts import escape

WAITING_PROPOSAL = N_("A proposal for your agreement is waiting for your answer.")
AGREEMENT_TITLE = N_("<b>Your disclosure agreement with {name}</b>")
AGREEMENT_EMPTY = N_(
    "There's nothing in it yet. An agreement is a short list of things one of you will share "
    "openly, without being asked, for a limited time. Either of you can propose a topic; it "
    "starts only once you both accept, and either of you can withdraw it at any time."
)
AGREEMENT_IN_FORCE = N_("<b>In force</b>")
AGREEMENT_ACTIVE_LINE_MINE = N_("• {title}: proposed by you, agreed {agreed}, review on {review}")
AGREEMENT_ACTIVE_LINE_THEIRS = N_(
    "• {title}: proposed by {name}, agreed {agreed}, review on {review}"
)
AGREEMENT_WAITING = N_("<b>Agreed, not started yet</b>")
AGREEMENT_WAITING_LINE_MINE = N_("• {title}: proposed by you, {period}")
AGREEMENT_WAITING_LINE_THEIRS = N_("• {title}: proposed by {name}, {period}")
# What a reader sees of the private check depends only on their own answer, never on the
# partner's.
AGREEMENT_CHECK_PENDING = N_(
    "Before the first topic starts, I ask each of you one private question. It starts once "
    "you've both said Yes, and you'll both be told then."
)
AGREEMENT_CHECK_YES = N_(
    "You've answered your private question. It starts once you've both said Yes, and you'll "
    "both be told then."
)
AGREEMENT_CHECK_NOT_NOW = N_("Not now: disclosures are off for the moment.")
AGREEMENT_PROPOSED = N_("<b>Proposed</b>")
AGREEMENT_PROPOSED_LINE_MINE = N_("• {title} ({period}): proposed by you, waiting for {name}")
AGREEMENT_PROPOSED_LINE_THEIRS = N_("• {title} ({period}): proposed by {name}, waiting for you")
AGREEMENT_REMINDERS = N_("“Anything to share?” reminders: {mine} for you, {theirs} for {name}.")
AGREEMENT_REMINDER_ON = N_("on ({time})")
AGREEMENT_REMINDER_OFF = N_("off")
AGREEMENT_NOTHING_ON = N_("When you answer “Nothing to share today”, {name} is told.")
AGREEMENT_NOTHING_OFF = N_("When you answer “Nothing to share today”, {name} isn't told.")
AGREEMENT_HELP = N_(
    "/disclose shares something under the agreement, /disclosures shows your shared log, and "
    "<code>/remind disclosure 20:00</code> sets a daily “anything to share?” reminder."
)
BUTTON_PROPOSE = N_("Propose a topic")
BUTTON_WITHDRAW = N_("Withdraw a topic")
BUTTON_HISTORY = N_("History")
BUTTON_NOTHING_ON = N_("Tell {name} when I've nothing to share")
BUTTON_NOTHING_OFF = N_("Don't tell {name} when I've nothing to share")
BUTTON_ANSWER_CHECK = N_("Answer the private question again")
BUTTON_OWN_TOPIC = N_("Write my own")
BUTTON_ANSWER_PROPOSAL = N_("Answer: {title}")
NOTHING_SHARED_ON = N_("Done. When you answer “Nothing to share today”, {name} will be told.")
NOTHING_SHARED_OFF = N_("Done. When you answer “Nothing to share today”, {name} won't be told.")

PROPOSE_PICK = N_(
    "Which topic would you like to propose? Each is a suggestion; choose one to see what it "
    "means, or write your own."
)
PROPOSE_DETAILS = N_("<b>{title}</b>\n{description}\n<i>For example: “{example}”</i>")
PROPOSAL_DETAILS = N_("{description}\n<i>For example: “{example}”</i>")
PROPOSE_PERIOD = N_("For how long? At the end you'll both be asked whether to renew it.")
PROPOSE_OWN_DETAILS = N_("<b>{title}</b>")
BUTTON_PERIOD = N_("{period}")
BUTTON_PERIOD_DEFAULT = N_("{period} (suggested)")
PROPOSAL_SENT = N_(
    "Proposed to {name}: <b>{title}</b>, for {period}. It starts only if {name} accepts."
)
PROPOSAL = N_(
    "<b>{name} proposes a topic for your disclosure agreement</b>\n"
    "{title}\n{details}"
    "For {period}, then you'll both be asked whether to renew it.\n"
    "It starts only if you accept. You can also decline, or suggest other words."
)
PROPOSAL_CHANGED = N_(
    "<b>{name} suggests a change to a topic you proposed</b>\n"
    "Your words: {old}\nTheir words: {title}\n"
    "For {period}. It starts only if you accept."
)
BUTTON_ACCEPT = N_("Accept")
BUTTON_DECLINE = N_("Decline")
BUTTON_SUGGEST_CHANGE = N_("Suggest a change")
TOPIC_DUPLICATE = N_("“{title}” is already part of your agreement, or waiting for an answer.")
TOPIC_EMPTY = N_(
    "That looks empty. Write the topic in a few words, for example “Late nights out”."
)
ACCEPTED_STARTS = N_(
    "You've both agreed: <b>{title}</b>, for {period}. It's in force until {review}."
)
ACCEPTED_WAITING = N_(
    "You've both agreed: <b>{title}</b>. Before it starts, I'll ask each of you one private "
    "question."
)
PARTNER_ACCEPTED = N_("{name} accepted <b>{title}</b>.")
DECLINED = N_("Declined. {name} will be told, nothing more.")
PARTNER_DECLINED = N_("{name} declined <b>{title}</b> for now.")
CHANGE_SENT = N_("Sent to {name}: <b>{title}</b>. It starts only if they accept.")
PROPOSAL_CLOSED = N_("That proposal has already been answered or withdrawn.")
OWN_PROPOSAL = N_("That's your own proposal; {name} answers it.")

CHECK_QUESTION = N_(
    "<b>A private question, just for you</b>\n"
    "Before your agreement starts: are you agreeing to it freely, without feeling pressured?\n"
    "Your answer is never shown to {name}, and nothing you answer changes what {name} hears "
    "or when: if it's anything but Yes, disclosures simply stay off."
)
BUTTON_CHECK_YES = N_("Yes")
BUTTON_CHECK_UNSURE = N_("I'm not sure")
BUTTON_CHECK_NO = N_("No")
CHECK_YES_WAITING = N_(
    "Thank you. It starts once you've both said Yes to your own private question, and you'll "
    "both be told then."
)
CHECK_YES_STARTS = N_("Thank you. Your agreement is now in force.")
CHECK_HESITANT = N_(
    "Thank you for saying so. Disclosures stay off, and {name} isn't told anything about "
    "your answer.\n"
    "You can change your answer later from /agreement, or withdraw any topic there."
)
CHECK_ALREADY = N_("You've answered this already. /agreement shows where things stand.")
AGREEMENT_STARTED = N_(
    "<b>Your disclosure agreement is in force</b>\n{topics}\n"
    "/disclose shares something under it; /agreement shows it."
)
# The same note to both, at the same moment, a week after the question without two Yeses.
CHECK_NOT_STARTED = N_(
    "<b>About your disclosure agreement</b>\n"
    "It hasn't started: it starts only once you've each said Yes to your own private "
    "question, and until then disclosures stay off. Nothing more is needed from you. "
    "/agreement shows where things stand."
)
SUPPORT_TITLE = N_("<b>Some support, privately</b>")

WITHDRAW_PICK = N_("Which topic do you want to withdraw? {name} will be told.")
WITHDRAW_NONE = N_("There's nothing to withdraw: no topic is in force or waiting.")
WITHDRAWN = N_("Withdrawn: <b>{title}</b>. {name} has been told.")
PARTNER_WITHDREW = N_("{name} withdrew <b>{title}</b> from your disclosure agreement.")
TOPIC_GONE = N_("That topic is no longer part of your agreement.")

HISTORY_TITLE = N_("<b>Agreement history</b>")
HISTORY_EMPTY = N_("Nothing has been proposed yet.")
AGREEMENT_STARTED_LINE = N_("• {title}, until {review}")
HISTORY_LINE = N_("• {title}: {what}")
HISTORY_STATES = {
    "proposed": N_("proposed by {name} on {proposed}"),
    "agreed": N_("agreed on {accepted}, not started yet"),
    "active": N_("in force since {started}"),
    "declined": N_("proposed by {name} on {proposed}, declined on {ended}"),
    "changed": N_("proposed by {name} on {proposed}, replaced by other words on {ended}"),
    "withdrawn": N_("in force {started} to {ended}, withdrawn"),
    "lapsed": N_("in force {started} to {ended}, ended at its review"),
    "ended": N_("ended with the pairing on {ended}"),
}
# The states that say who proposed, as the one who did reads them.
HISTORY_STATES_MINE = {
    "proposed": N_("proposed by you on {proposed}"),
    "declined": N_("proposed by you on {proposed}, declined on {ended}"),
    "changed": N_("proposed by you on {proposed}, replaced by other words on {ended}"),
}
HISTORY_WITHDRAWN_EARLY = N_("proposed by {name} on {proposed}, withdrawn on {ended}")
HISTORY_WITHDRAWN_EARLY_MINE = N_("proposed by you on {proposed}, withdrawn on {ended}")

REVIEW_QUESTION = N_(
    "<b>Time to review a topic</b>\n"
    "{title}: agreed for {period}, in force since {started}.\n"
    "Renew it for another {period}? It continues only if you both renew by {deadline}. "
    "Your answer is yours; {name} isn't told which one you chose."
)
BUTTON_RENEW = N_("Renew")
BUTTON_LET_END = N_("Let it end")
RENEW_WAITING = N_("Noted. It continues if {name} renews too by {deadline}.")
RENEWED = N_("<b>{title}</b> is renewed until {review}.")
LAPSED = N_("<b>{title}</b> has ended at its review, as you didn't both renew it.")
LET_END = N_("<b>{title}</b> has ended. {name} has been told it ended at its review.")
REVIEW_CLOSED = N_("That review is over. /agreement shows where things stand.")


def period_name(days: int) -> str:
    """The plain name of a period a topic can be agreed for (``PERIOD_DAYS``)."""
    if days == 14:
        return ngettext("{count} week", "{count} weeks", 2).format(count=2)
    if days == 30:
        return ngettext("{count} month", "{count} months", 1).format(count=1)
    if days == 90:
        return ngettext("{count} month", "{count} months", 3).format(count=3)
    return ngettext("{count} day", "{count} days", days).format(count=days)


def too_long(length: int, limit: int) -> str:
    """A topic longer than a topic can be."""
    return ngettext(
        "That's {length} character; a topic can be up to {limit}. A short name works best, "
        "like “Messages from my ex”. Nothing has been saved yet.",
        "That's {length} characters; a topic can be up to {limit}. A short name works best, "
        "like “Messages from my ex”. Nothing has been saved yet.",
        length,
    ).format(length=length, limit=limit)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _reminder(time: tuple[int, int] | None) -> str:
    if time is None:
        return str(AGREEMENT_REMINDER_OFF)
    return AGREEMENT_REMINDER_ON.format(time=when.time_of_day(dt_time(*time)))


# --- /agreement ------------------------------------------------------------------------------


def overview(result: Overview) -> Outgoing:
    """/agreement: the topics, who proposed each, when agreed, reviews, and the reminders."""
    me, topics = result.me, result.topics
    name = escape(result.partner.first_name)

    def by_me(topic: Topic) -> bool:
        return topic.proposed_by == me.id

    parts = [AGREEMENT_TITLE.format(name=name)]
    rows: list[list[tuple[str, str]]] = []
    if not topics:
        parts.append(str(AGREEMENT_EMPTY))
    active = [t for t in topics if t.status == TopicStatus.ACTIVE]
    if active:
        lines = [str(AGREEMENT_IN_FORCE)]
        for topic in active:
            assert topic.accepted_at is not None and topic.review_at is not None
            line = AGREEMENT_ACTIVE_LINE_MINE if by_me(topic) else AGREEMENT_ACTIVE_LINE_THEIRS
            lines.append(
                line.format(
                    title=escape(topic.shown),
                    name=name,
                    agreed=when.day_of(topic.accepted_at, me.tz),
                    review=when.day_of(topic.review_at, me.tz),
                )
            )
        parts.append("\n".join(lines))
    waiting = [t for t in topics if t.status == TopicStatus.AGREED]
    if waiting:
        lines = [str(AGREEMENT_WAITING)]
        lines += [
            (AGREEMENT_WAITING_LINE_MINE if by_me(t) else AGREEMENT_WAITING_LINE_THEIRS).format(
                title=escape(t.shown), name=name, period=period_name(t.period_days)
            )
            for t in waiting
        ]
        mine = result.my_check
        if mine is None:
            lines.append(str(AGREEMENT_CHECK_PENDING))
        else:
            lines.append(
                str(AGREEMENT_CHECK_YES if mine == CheckAnswer.YES else AGREEMENT_CHECK_NOT_NOW)
            )
        parts.append("\n".join(lines))
    if result.consent.get(me.id) not in (None, CheckAnswer.YES):
        rows.append([(str(BUTTON_ANSWER_CHECK), b.CheckAgain().pack())])
    proposed = [t for t in topics if t.status == TopicStatus.PROPOSED]
    if proposed:
        lines = [str(AGREEMENT_PROPOSED)]
        for topic in proposed:
            mine_to_answer = not by_me(topic)
            line = (
                AGREEMENT_PROPOSED_LINE_THEIRS if mine_to_answer else AGREEMENT_PROPOSED_LINE_MINE
            )
            lines.append(
                line.format(
                    title=escape(topic.shown), period=period_name(topic.period_days), name=name
                )
            )
            if mine_to_answer:
                label = BUTTON_ANSWER_PROPOSAL.format(title=_short(topic.shown))
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
    parts.append(str(AGREEMENT_HELP))
    rows.append([(str(BUTTON_PROPOSE), b.Propose().pack())])
    if topics:
        rows.append([(str(BUTTON_WITHDRAW), b.WithdrawPick().pack())])
    rows.append([(str(BUTTON_HISTORY), b.HistoryButton().pack())])
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
    rows.append([(str(BUTTON_OWN_TOPIC), b.WriteOwn().pack())])
    return Outgoing(str(PROPOSE_PICK), buttons(*rows))


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
        details = PROPOSE_OWN_DETAILS.format(title=escape(result.topic.shown))
    else:
        details = PROPOSE_DETAILS.format(
            title=escape(suggestion.title),
            description=escape(suggestion.description),
            example=escape(suggestion.example),
        )
    return Outgoing(details + "\n\n" + str(PROPOSE_PERIOD), buttons(*_periods(result.topic.id)))


def write_own(partner: User) -> Outgoing:
    return Outgoing(
        ngettext(
            "Write the topic in a few words, as you'd like {name} to read it, for example "
            "“Messages from my ex”. Up to {limit} character.",
            "Write the topic in a few words, as you'd like {name} to read it, for example "
            "“Messages from my ex”. Up to {limit} characters.",
            MAX_TOPIC_CHARS,
        ).format(name=escape(partner.first_name), limit=MAX_TOPIC_CHARS)
    )


def proposal(
    topic: Topic,
    proposer: User,
    suggestion: AgreementTopic | None = None,
    replaced: Topic | None = None,
) -> Outgoing:
    """The message the partner answers: Accept / Decline / Suggest a change."""
    name = escape(proposer.first_name)
    title = escape(topic.shown)
    period = period_name(topic.period_days)
    if replaced is not None:
        text = PROPOSAL_CHANGED.format(
            name=name, old=escape(replaced.shown), title=title, period=period
        )
    else:
        details = ""
        if suggestion is not None:
            details = (
                PROPOSAL_DETAILS.format(
                    description=escape(suggestion.description),
                    example=escape(suggestion.example),
                )
                + "\n"
            )
        text = PROPOSAL.format(name=name, title=f"<b>{title}</b>", details=details, period=period)
    return Outgoing(
        text,
        buttons(
            [
                (str(BUTTON_ACCEPT), b.Accept(topic.id).pack()),
                (str(BUTTON_DECLINE), b.Decline(topic.id).pack()),
            ],
            [(str(BUTTON_SUGGEST_CHANGE), b.SuggestChange(topic.id).pack())],
        ),
    )


def shown_proposal(result: Proposal) -> Outgoing:
    return proposal(result.topic, result.proposer, result.suggestion, result.replaced)


def proposed(result: Proposed) -> Outgoing:
    return Outgoing(
        PROPOSAL_SENT.format(
            name=escape(result.partner.first_name),
            title=escape(result.topic.shown),
            period=period_name(result.topic.period_days),
        )
    )


# --- Answering a proposal ------------------------------------------------------------------


def accepted(result: Accepted) -> Outgoing:
    """To the reader: in force until its review, or waiting for the private check."""
    topic = result.topic
    if result.review_at is None:
        return Outgoing(ACCEPTED_WAITING.format(title=escape(topic.shown)))
    return Outgoing(
        ACCEPTED_STARTS.format(
            title=escape(topic.shown),
            period=period_name(topic.period_days),
            review=when.day_of(result.review_at, result.reader.tz),
        )
    )


def partner_accepted(result: Accepted, accepter: User) -> Outgoing:
    """To the proposer: the partner accepted, and what follows (``result`` is theirs)."""
    told = PARTNER_ACCEPTED.format(
        name=escape(accepter.first_name), title=escape(result.topic.shown)
    )
    return Outgoing(told + "\n" + accepted(result).text)


def partner_declined(topic: Topic, decliner: User) -> Outgoing:
    return Outgoing(
        PARTNER_DECLINED.format(name=escape(decliner.first_name), title=escape(topic.shown))
    )


def declined(partner: User) -> Outgoing:
    return Outgoing(DECLINED.format(name=escape(partner.first_name)))


def suggest_change(partner: User) -> Outgoing:
    return Outgoing(
        ngettext(
            "How would you put it? Write the topic in your own words (up to {limit} character), "
            "and I'll send it to {name} to accept.",
            "How would you put it? Write the topic in your own words (up to {limit} characters), "
            "and I'll send it to {name} to accept.",
            MAX_TOPIC_CHARS,
        ).format(limit=MAX_TOPIC_CHARS, name=escape(partner.first_name))
    )


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
            [(str(BUTTON_CHECK_YES), button(CheckAnswer.YES))],
            [(str(BUTTON_CHECK_UNSURE), button(CheckAnswer.UNSURE))],
            [(str(BUTTON_CHECK_NO), button(CheckAnswer.NO))],
        ),
    )


def check_not_started() -> Outgoing:
    """The week's note, the same for both partners whatever either answered."""
    return Outgoing(str(CHECK_NOT_STARTED))


def _listing(started: list[tuple[Topic, datetime]], reader: User) -> str:
    return "\n".join(
        AGREEMENT_STARTED_LINE.format(
            title=escape(topic.shown), review=when.day_of(review, reader.tz)
        )
        for topic, review in started
    )


def agreement_started(started: list[tuple[Topic, datetime]], reader: User) -> Outgoing:
    return Outgoing(AGREEMENT_STARTED.format(topics=_listing(started, reader)))


def _support(support: Support) -> str:
    lines = [str(SUPPORT_TITLE), escape(support.message)]
    lines += [f"• <b>{escape(r.name)}</b>: {escape(r.detail)}" for r in support.resources]
    return "\n".join(lines)


def check_answered(result: CheckAnswered) -> Outgoing:
    name = escape(result.partner.first_name)
    if result.outcome is CheckOutcome.HESITANT:
        return Outgoing(CHECK_HESITANT.format(name=name) + "\n\n" + _support(result.support))
    if result.outcome is CheckOutcome.WAITING:
        return Outgoing(CHECK_YES_WAITING.format(name=name))
    started = agreement_started(result.started, result.reader).text
    return Outgoing(str(CHECK_YES_STARTS) + "\n\n" + started)


# --- Withdraw and history ----------------------------------------------------------------------


def withdraw_choice(result: WithdrawChoice) -> Outgoing:
    rows = [[(_short(t.shown), b.Withdraw(t.id).pack())] for t in result.topics]
    return Outgoing(WITHDRAW_PICK.format(name=escape(result.partner.first_name)), buttons(*rows))


def withdrawn(result: Withdrawn) -> Outgoing:
    return Outgoing(
        WITHDRAWN.format(title=escape(result.topic.shown), name=escape(result.partner.first_name))
    )


def partner_withdrew(topic: Topic, withdrawer: User) -> Outgoing:
    return Outgoing(
        PARTNER_WITHDREW.format(name=escape(withdrawer.first_name), title=escape(topic.shown))
    )


def history(result: History) -> Outgoing:
    if not result.topics:
        return Outgoing(str(HISTORY_TITLE) + "\n" + str(HISTORY_EMPTY))
    me = result.me

    def day(moment: datetime | None) -> str:
        return when.day_of(moment, me.tz) if moment else "?"

    lines = [str(HISTORY_TITLE)]
    for topic in result.topics:
        mine = topic.proposed_by == me.id
        template = HISTORY_STATES[topic.status]
        if mine:
            template = HISTORY_STATES_MINE.get(topic.status, template)
        if topic.status == TopicStatus.WITHDRAWN and topic.started_at is None:
            template = HISTORY_WITHDRAWN_EARLY_MINE if mine else HISTORY_WITHDRAWN_EARLY
        what = template.format(
            name=escape(result.partner.first_name),
            proposed=day(topic.proposed_at),
            accepted=day(topic.accepted_at),
            started=day(topic.started_at),
            ended=day(topic.ended_at),
        )
        lines.append(HISTORY_LINE.format(title=escape(topic.shown), what=what))
    return Outgoing("\n".join(lines))


# --- Reviews ---------------------------------------------------------------------------------


def review_question(topic: Topic, reader: User, other: User) -> Outgoing:
    assert topic.review_at is not None and topic.started_at is not None
    return Outgoing(
        REVIEW_QUESTION.format(
            title=f"<b>{escape(topic.shown)}</b>",
            period=period_name(topic.period_days),
            started=when.day_of(topic.started_at, reader.tz),
            deadline=when.day_of(topic.review_at + RENEW_WINDOW, reader.tz),
            name=escape(other.first_name),
        ),
        buttons(
            [
                (str(BUTTON_RENEW), b.Review(topic.id, ReviewChoice.RENEW).pack()),
                (str(BUTTON_LET_END), b.Review(topic.id, ReviewChoice.END).pack()),
            ]
        ),
    )


def lapsed(topic: Topic) -> Outgoing:
    return Outgoing(LAPSED.format(title=escape(topic.shown)))


def renewed(result: Renewal) -> Outgoing:
    """Let it end, Renew (waiting for the partner), or renewed by both."""
    title = escape(result.topic.shown)
    name = escape(result.partner.first_name)
    if result.outcome is RenewOutcome.ENDED:
        return Outgoing(LET_END.format(title=title, name=name))
    assert result.when is not None
    day = when.day_of(result.when, result.reader.tz)
    if result.outcome is RenewOutcome.WAITING:
        return Outgoing(RENEW_WAITING.format(name=name, deadline=day))
    return Outgoing(RENEWED.format(title=title, review=day))
