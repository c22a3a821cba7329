"""The disclosure agreement: propose a topic, accept it, the private check, review, withdraw.

A topic is in force only once both partners accepted it and, before the couple's first topic
starts, both answered Yes to a private question about agreeing freely. Each topic is agreed
for a period and reviewed; it continues only if both renew. Either partner can withdraw any
topic alone, at any time.
"""

from datetime import datetime, timedelta

from bot import texts
from bot.domain import schedule
from bot.domain.agreement import (
    DEFAULT_PERIOD,
    LIVE,
    MAX_TOPIC_CHARS,
    PERIODS,
    RENEW_WINDOW,
    period_name,
)
from bot.domain.text import is_blank
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import paired
from bot.storage import agreements, couples, reminders, users
from bot.storage.models import Couple, Topic, User

HISTORY_LIMIT = 30
BATCH = 200


async def in_force(tx: Tx, couple_id: int) -> list[Topic]:
    return await agreements.topics_of(tx, couple_id, ("active",))


# --- /agreement ------------------------------------------------------------------------------


async def show(mend: Mend, user_id: int) -> Outgoing:
    """/agreement: the topics, who proposed each, when agreed, reviews, and the reminders."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        topics = await agreements.topics_of(tx, couple.id, LIVE)
        consent = await agreements.consents(tx, couple.id)
        mine = await _check_reminder(tx, me.id)
        theirs = await _check_reminder(tx, partner.id)
        tells = await users.shares_nothing(tx, me.id)
    name = texts.escape(partner.first_name)

    def who(topic: Topic) -> str:
        return "you" if topic.proposed_by == me.id else name

    parts = [texts.AGREEMENT_TITLE.format(name=name)]
    rows: list[list[tuple[str, str]]] = []
    if not topics:
        parts.append(texts.AGREEMENT_EMPTY)
    active = [t for t in topics if t.status == "active"]
    if active:
        lines = [texts.AGREEMENT_IN_FORCE]
        for topic in active:
            assert topic.accepted_at is not None and topic.review_at is not None
            lines.append(
                texts.AGREEMENT_ACTIVE_LINE.format(
                    title=texts.escape(topic.title),
                    who=who(topic),
                    agreed=schedule.format_date(topic.accepted_at, me.tz),
                    review=schedule.format_date(topic.review_at, me.tz),
                )
            )
        parts.append("\n".join(lines))
    waiting = [t for t in topics if t.status == "agreed"]
    hesitant = any(answer not in (None, "yes") for answer in consent.values())
    if waiting:
        lines = [texts.AGREEMENT_WAITING]
        lines += [
            texts.AGREEMENT_WAITING_LINE.format(
                title=texts.escape(t.title), who=who(t), period=period_name(t.period_days)
            )
            for t in waiting
        ]
        lines.append(texts.AGREEMENT_CHECK_NOT_NOW if hesitant else texts.AGREEMENT_CHECK_PENDING)
        parts.append("\n".join(lines))
    if consent.get(me.id) not in (None, "yes"):
        rows.append([(texts.BUTTON_ANSWER_CHECK, "fa")])
    proposed = [t for t in topics if t.status == "proposed"]
    if proposed:
        lines = [texts.AGREEMENT_PROPOSED]
        for topic in proposed:
            mine_to_answer = topic.proposed_by != me.id
            lines.append(
                texts.AGREEMENT_PROPOSED_LINE.format(
                    title=texts.escape(topic.title),
                    period=period_name(topic.period_days),
                    who=who(topic),
                    whom="you" if mine_to_answer else name,
                )
            )
            if mine_to_answer:
                label = texts.BUTTON_ANSWER_PROPOSAL.format(title=_short(topic.title))
                rows.append([(label, f"tv:{topic.id}")])
        parts.append("\n".join(lines))
    parts.append(
        texts.AGREEMENT_REMINDERS.format(mine=mine, theirs=theirs, name=name)
        + "\n"
        + (texts.AGREEMENT_NOTHING_ON if tells else texts.AGREEMENT_NOTHING_OFF).format(name=name)
    )
    parts.append(texts.AGREEMENT_HELP)
    rows.append([(texts.BUTTON_PROPOSE, "ap")])
    if topics:
        rows.append([(texts.BUTTON_WITHDRAW, "aw")])
    rows.append([(texts.BUTTON_HISTORY, "ah")])
    toggle = texts.BUTTON_NOTHING_OFF if tells else texts.BUTTON_NOTHING_ON
    rows.append([(toggle.format(name=partner.first_name), "an")])
    return Outgoing("\n\n".join(parts), buttons(*rows))


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


async def _check_reminder(tx: Tx, user_id: int) -> str:
    for reminder in await reminders.for_user(tx, user_id):
        if reminder.kind == "disclosure":
            time = f"{reminder.hour:02d}:{reminder.minute:02d}"
            return texts.AGREEMENT_REMINDER_ON.format(time=time)
    return texts.AGREEMENT_REMINDER_OFF


async def toggle_nothing(mend: Mend, user_id: int) -> Outgoing:
    """Tell (or stop telling) the partner when the user has nothing to share today."""
    async with mend.db.transaction() as tx:
        _, me, partner = await paired(tx, user_id)
        on = not await users.shares_nothing(tx, me.id)
        await users.set_shares_nothing(tx, me.id, on)
    template = texts.NOTHING_SHARED_ON if on else texts.NOTHING_SHARED_OFF
    return Outgoing(template.format(name=texts.escape(partner.first_name)))


# --- Proposing ---------------------------------------------------------------------------------


async def pick(mend: Mend, user_id: int) -> Outgoing:
    """Propose a topic: the suggestions not already in the agreement, and Write my own."""
    async with mend.db.read() as tx:
        couple, _, _ = await paired(tx, user_id)
        taken = {t.library_id for t in await agreements.topics_of(tx, couple.id, LIVE)}
    rows = [
        [(topic.title, f"at:{topic.id}")]
        for topic in mend.agreements.topics
        if topic.id not in taken
    ]
    rows.append([(texts.BUTTON_OWN_TOPIC, "ao")])
    return Outgoing(texts.PROPOSE_PICK, buttons(*rows))


def _periods(topic_id: int) -> list[list[tuple[str, str]]]:
    return [
        [
            (
                (
                    texts.BUTTON_PERIOD_DEFAULT if days == DEFAULT_PERIOD else texts.BUTTON_PERIOD
                ).format(period=name),
                f"tp:{topic_id}:{days}",
            )
        ]
        for days, name in PERIODS.items()
    ]


async def _refuse_duplicate(tx: Tx, couple_id: int, title: str, library_id: str | None) -> None:
    for topic in await agreements.topics_of(tx, couple_id, LIVE):
        same_words = topic.title.casefold() == title.casefold()
        if same_words or (library_id is not None and topic.library_id == library_id):
            raise NotAllowed(texts.TOPIC_DUPLICATE.format(title=texts.escape(topic.title)))


async def choose_suggestion(mend: Mend, user_id: int, library_id: str) -> Outgoing:
    """A suggested topic was chosen: what it means, and for how long."""
    suggestion = mend.agreements.get(library_id)
    if suggestion is None:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, _ = await paired(tx, user_id)
        await _refuse_duplicate(tx, couple.id, suggestion.title, suggestion.id)
        topic = await agreements.create_topic(
            tx, couple.id, me.id, suggestion.title, DEFAULT_PERIOD, now, library_id=suggestion.id
        )
    details = texts.PROPOSE_DETAILS.format(
        title=texts.escape(suggestion.title),
        description=texts.escape(suggestion.description),
        example=texts.escape(suggestion.example),
    )
    return Outgoing(details + "\n\n" + texts.PROPOSE_PERIOD, buttons(*_periods(topic.id)))


async def write_own(mend: Mend, user_id: int) -> Outgoing:
    """Write my own: the next message is the topic, in the user's words."""
    async with mend.db.transaction() as tx:
        _, me, partner = await paired(tx, user_id)
        await users.set_awaiting(tx, me.id, "topic", mend.clock.now())
    return Outgoing(
        texts.PROPOSE_OWN.format(name=texts.escape(partner.first_name), limit=MAX_TOPIC_CHARS)
    )


def _topic_words(text: str) -> str:
    title = " ".join(text.split())
    if is_blank(title):
        raise InvalidInput(texts.TOPIC_EMPTY)
    if len(title) > MAX_TOPIC_CHARS:
        raise InvalidInput(texts.TOPIC_TOO_LONG.format(length=len(title), limit=MAX_TOPIC_CHARS))
    return title


async def own_topic(tx: Tx, mend: Mend, user: User, text: str) -> Outgoing:
    """The user's own topic arrives: ask for how long."""
    title = _topic_words(text)
    couple, me, _ = await paired(tx, user.id)
    await _refuse_duplicate(tx, couple.id, title, None)
    now = mend.clock.now()
    topic = await agreements.create_topic(tx, couple.id, me.id, title, DEFAULT_PERIOD, now)
    await users.set_awaiting(tx, me.id, None, now)
    details = texts.PROPOSE_OWN_DETAILS.format(title=texts.escape(title))
    return Outgoing(details + "\n\n" + texts.PROPOSE_PERIOD, buttons(*_periods(topic.id)))


def proposal(topic: Topic, proposer: User, mend: Mend, replaced: Topic | None = None) -> Outgoing:
    """The message the partner answers: Accept / Decline / Suggest a change."""
    name = texts.escape(proposer.first_name)
    title = texts.escape(topic.title)
    period = period_name(topic.period_days)
    if replaced is not None:
        text = texts.PROPOSAL_CHANGED.format(
            name=name, old=texts.escape(replaced.title), title=title, period=period
        )
    else:
        suggestion = mend.agreements.get(topic.library_id) if topic.library_id else None
        details = ""
        if suggestion is not None:
            details = (
                f"{texts.escape(suggestion.description)}\n"
                f"<i>For example: “{texts.escape(suggestion.example)}”</i>\n"
            )
        text = texts.PROPOSAL.format(
            name=name, title=f"<b>{title}</b>", details=details, period=period
        )
    return Outgoing(
        text,
        buttons(
            [(texts.BUTTON_ACCEPT, f"ta:{topic.id}"), (texts.BUTTON_DECLINE, f"td:{topic.id}")],
            [(texts.BUTTON_SUGGEST_CHANGE, f"tc:{topic.id}")],
        ),
    )


async def propose(mend: Mend, user_id: int, topic_id: int, days: int) -> Outgoing:
    """A period was chosen: the proposal goes to the partner."""
    if days not in PERIODS:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await agreements.get_topic(tx, topic_id)
        if topic is None or topic.couple_id != couple.id or topic.proposed_by != me.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status != "draft":
            raise Stale(texts.PROPOSAL_CLOSED)
        await _refuse_duplicate(tx, couple.id, topic.title, topic.library_id)
        await agreements.propose(tx, topic.id, days, now)
        topic = await agreements.get_topic(tx, topic.id)
        assert topic is not None
        message = proposal(topic, me, mend)
        await outbox.add(
            tx, partner.id, "proposal", message, now, couple_id=couple.id, author_id=me.id
        )
    return Outgoing(
        texts.PROPOSAL_SENT.format(
            name=texts.escape(partner.first_name),
            title=texts.escape(topic.title),
            period=period_name(days),
        )
    )


# --- Answering a proposal ------------------------------------------------------------------


async def _open_proposal(tx: Tx, user_id: int, topic_id: int) -> tuple[Topic, Couple, User, User]:
    """A proposal this user may answer: in their couple, still open, and not their own."""
    couple, me, partner = await paired(tx, user_id)
    topic = await agreements.get_topic(tx, topic_id)
    if topic is None or topic.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if topic.status != "proposed":
        raise Stale(texts.PROPOSAL_CLOSED)
    if topic.proposed_by == me.id:
        raise NotAllowed(texts.OWN_PROPOSAL.format(name=texts.escape(partner.first_name)))
    return topic, couple, me, partner


async def view(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """Answer: <topic> from /agreement: the proposal again, with its buttons."""
    async with mend.db.read() as tx:
        topic, _, _, partner = await _open_proposal(tx, user_id, topic_id)
        replaced = await agreements.get_topic(tx, topic.replaces) if topic.replaces else None
    return proposal(topic, partner, mend, replaced)


async def accept(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """Accept: in force now, or, before the couple's first topic, after the private check."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        topic, couple, me, partner = await _open_proposal(tx, user_id, topic_id)
        consent = await agreements.consents(tx, couple.id)
        title = texts.escape(topic.title)
        told = texts.PARTNER_ACCEPTED.format(name=texts.escape(me.first_name), title=title)
        if _consented(consent, couple):
            review_at = now + timedelta(days=topic.period_days)
            await agreements.start(tx, topic, now, review_at)
            mine = _started(topic, me, review_at)
            theirs = _started(topic, partner, review_at)
        else:
            await agreements.agree(tx, topic.id, now)
            mine = theirs = texts.ACCEPTED_WAITING.format(title=title)
        notice = Outgoing(told + "\n" + theirs)
        await outbox.add(tx, partner.id, "agreement", notice, now, couple_id=couple.id)
        if not consent:
            await _ask_check(tx, couple, me, partner, now)
    return Outgoing(mine)


def _started(topic: Topic, reader: User, review_at: datetime) -> str:
    return texts.ACCEPTED_STARTS.format(
        title=texts.escape(topic.title),
        period=period_name(topic.period_days),
        review=schedule.format_date(review_at, reader.tz),
    )


def _consented(consent: dict[int, str | None], couple: Couple) -> bool:
    return all(consent.get(member) == "yes" for member in (couple.inviter_id, couple.joiner_id))


async def decline(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """Decline: the proposer is told, nothing more."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        topic, couple, me, partner = await _open_proposal(tx, user_id, topic_id)
        await agreements.end(tx, topic.id, "declined", me.id, now)
        told = texts.PARTNER_DECLINED.format(
            name=texts.escape(me.first_name), title=texts.escape(topic.title)
        )
        await outbox.add(tx, partner.id, "agreement", Outgoing(told), now, couple_id=couple.id)
    return Outgoing(texts.DECLINED.format(name=texts.escape(partner.first_name)))


async def suggest_change(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """Suggest a change: the next message is the topic in the user's own words."""
    async with mend.db.transaction() as tx:
        topic, _, me, partner = await _open_proposal(tx, user_id, topic_id)
        await users.set_awaiting(tx, me.id, f"change:{topic.id}", mend.clock.now())
    return Outgoing(
        texts.SUGGEST_CHANGE.format(limit=MAX_TOPIC_CHARS, name=texts.escape(partner.first_name))
    )


async def changed_words(tx: Tx, mend: Mend, user: User, topic_id: int, text: str) -> Outgoing:
    """The other words arrive: they replace the proposal and go back for acceptance."""
    title = _topic_words(text)
    old, couple, me, partner = await _open_proposal(tx, user.id, topic_id)
    now = mend.clock.now()
    await agreements.end(tx, old.id, "changed", me.id, now)
    await _refuse_duplicate(tx, couple.id, title, None)
    topic = await agreements.create_topic(
        tx, couple.id, me.id, title, old.period_days, now, status="proposed", replaces=old.id
    )
    await users.set_awaiting(tx, me.id, None, now)
    message = proposal(topic, me, mend, replaced=old)
    await outbox.add(
        tx, partner.id, "proposal", message, now, couple_id=couple.id, author_id=me.id
    )
    return Outgoing(
        texts.CHANGE_SENT.format(name=texts.escape(partner.first_name), title=texts.escape(title))
    )


# --- The private freely-agreeing check -------------------------------------------------------


def _check_question(couple: Couple, partner: User) -> Outgoing:
    return Outgoing(
        texts.CHECK_QUESTION.format(name=texts.escape(partner.first_name)),
        buttons(
            [(texts.BUTTON_CHECK_YES, f"fc:{couple.id}:yes")],
            [(texts.BUTTON_CHECK_UNSURE, f"fc:{couple.id}:unsure")],
            [(texts.BUTTON_CHECK_NO, f"fc:{couple.id}:no")],
        ),
    )


async def _ask_check(tx: Tx, couple: Couple, me: User, partner: User, now: datetime) -> None:
    """Ask each partner, privately, whether they agree freely."""
    for person, other in ((me, partner), (partner, me)):
        await agreements.ask_consent(tx, couple.id, person.id, now)
        await outbox.add(tx, person.id, "check", _check_question(couple, other), now)


async def ask_check_again(mend: Mend, user_id: int) -> Outgoing:
    """Answer the private question again (for someone who answered anything but Yes)."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        consent = await agreements.consents(tx, couple.id)
    if consent.get(me.id) in (None, "yes"):
        raise Stale(texts.CHECK_ALREADY)
    return _check_question(couple, partner)


async def answer_check(mend: Mend, user_id: int, couple_id: int, answer: str) -> Outgoing:
    """Yes / I'm not sure / No. The partner never sees the answer, only "not now"."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        consent = await agreements.consents(tx, couple.id)
        if couple.id != couple_id or me.id not in consent:
            raise Stale(texts.STALE_BUTTON)
        before = consent[me.id]
        if before == "yes":
            raise Stale(texts.CHECK_ALREADY)
        await agreements.answer_consent(tx, couple.id, me.id, answer, now)
        name = texts.escape(partner.first_name)
        if answer != "yes":
            if before is None:
                notice = Outgoing(texts.PARTNER_NOT_NOW.format(name=texts.escape(me.first_name)))
                await outbox.add(tx, partner.id, "agreement", notice, now, couple_id=couple.id)
            return Outgoing(texts.CHECK_HESITANT.format(name=name) + "\n\n" + _support(mend))
        if consent.get(partner.id) != "yes":
            return Outgoing(texts.CHECK_YES_WAITING.format(name=name))
        started = await _start_agreed(tx, couple, now)
        if not started:  # every agreed topic was withdrawn meanwhile
            return Outgoing(texts.CHECK_YES_WAITING.format(name=name))
        notice = Outgoing(texts.AGREEMENT_STARTED.format(topics=_listing(started, partner)))
        await outbox.add(tx, partner.id, "agreement", notice, now, couple_id=couple.id)
    started_text = texts.AGREEMENT_STARTED.format(topics=_listing(started, me))
    return Outgoing(texts.CHECK_YES_STARTS + "\n\n" + started_text)


def _listing(started: list[tuple[Topic, datetime]], reader: User) -> str:
    return "\n".join(
        f"• {texts.escape(topic.title)}, until {schedule.format_date(review, reader.tz)}"
        for topic, review in started
    )


async def _start_agreed(tx: Tx, couple: Couple, now: datetime) -> list[tuple[Topic, datetime]]:
    started = []
    for topic in await agreements.topics_of(tx, couple.id, ("agreed",)):
        review_at = now + timedelta(days=topic.period_days)
        await agreements.start(tx, topic, now, review_at)
        started.append((topic, review_at))
    return started


def _support(mend: Mend) -> str:
    lines = [texts.SUPPORT_TITLE, texts.escape(mend.support.message)]
    lines += [
        f"• <b>{texts.escape(r.name)}</b>: {texts.escape(r.detail)}"
        for r in mend.support.resources
    ]
    return "\n".join(lines)


# --- Withdraw and history ----------------------------------------------------------------------


async def withdraw_pick(mend: Mend, user_id: int) -> Outgoing:
    async with mend.db.read() as tx:
        couple, _, partner = await paired(tx, user_id)
        topics = await agreements.topics_of(tx, couple.id, LIVE)
    if not topics:
        raise NotAllowed(texts.WITHDRAW_NONE)
    rows = [[(_short(t.title), f"tw:{t.id}")] for t in topics]
    return Outgoing(
        texts.WITHDRAW_PICK.format(name=texts.escape(partner.first_name)), buttons(*rows)
    )


async def withdraw(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """Either partner can withdraw any topic, alone, at any time; the other is told."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await agreements.get_topic(tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status not in LIVE:
            raise Stale(texts.TOPIC_GONE)
        await agreements.end(tx, topic.id, "withdrawn", me.id, now)
        title = texts.escape(topic.title)
        told = texts.PARTNER_WITHDREW.format(name=texts.escape(me.first_name), title=title)
        await outbox.add(tx, partner.id, "agreement", Outgoing(told), now, couple_id=couple.id)
    return Outgoing(texts.WITHDRAWN.format(title=title, name=texts.escape(partner.first_name)))


async def history(mend: Mend, user_id: int) -> Outgoing:
    """What was proposed, agreed and in force, and when."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        topics = await agreements.history(tx, couple.id, HISTORY_LIMIT)
    if not topics:
        return Outgoing(texts.HISTORY_TITLE + "\n" + texts.HISTORY_EMPTY)

    def day(moment: datetime | None) -> str:
        return schedule.format_date(moment, me.tz) if moment else "?"

    lines = [texts.HISTORY_TITLE]
    for topic in topics:
        template = texts.HISTORY_STATES[topic.status]
        if topic.status == "withdrawn" and topic.started_at is None:
            template = texts.HISTORY_WITHDRAWN_EARLY
        what = template.format(
            who="you" if topic.proposed_by == me.id else texts.escape(partner.first_name),
            proposed=day(topic.proposed_at),
            accepted=day(topic.accepted_at),
            started=day(topic.started_at),
            ended=day(topic.ended_at),
        )
        lines.append(texts.HISTORY_LINE.format(title=texts.escape(topic.title), what=what))
    return Outgoing("\n".join(lines))


# --- Reviews ---------------------------------------------------------------------------------


async def review_due(mend: Mend) -> int:
    """Ask both partners about topics at their review date; let unrenewed ones lapse.

    Run by the tick. Returns how many topics were asked about or lapsed.
    """
    now = mend.clock.now()
    handled = 0
    async with mend.db.transaction() as tx:
        for topic in await agreements.reviews_due(tx, now, BATCH):
            await agreements.mark_review_asked(tx, topic.id, now)
            couple = await couples.active(tx, topic.couple_id)
            if couple is None:
                continue
            for member in (couple.inviter_id, couple.joiner_id):
                reader = await users.get(tx, member)
                other = await users.get(tx, couple.partner_of(member))
                if reader is None or other is None:
                    continue
                await outbox.add(
                    tx,
                    member,
                    "review",
                    _review_question(topic, reader, other),
                    now,
                    couple_id=couple.id,
                )
            handled += 1
        for topic in await agreements.lapsing(tx, now - RENEW_WINDOW, BATCH):
            await _lapse(tx, topic, None, now)
            handled += 1
    return handled


def _review_question(topic: Topic, reader: User, other: User) -> Outgoing:
    assert topic.review_at is not None and topic.started_at is not None
    return Outgoing(
        texts.REVIEW_QUESTION.format(
            title=f"<b>{texts.escape(topic.title)}</b>",
            period=period_name(topic.period_days),
            started=schedule.format_date(topic.started_at, reader.tz),
            deadline=schedule.format_date(topic.review_at + RENEW_WINDOW, reader.tz),
            name=texts.escape(other.first_name),
        ),
        buttons(
            [
                (texts.BUTTON_RENEW, f"tr:{topic.id}:renew"),
                (texts.BUTTON_LET_END, f"tr:{topic.id}:end"),
            ]
        ),
    )


async def _lapse(tx: Tx, topic: Topic, by: int | None, now: datetime) -> None:
    """End a topic at its review; both partners (but the one who chose it) are told."""
    await agreements.end(tx, topic.id, "lapsed", by, now)
    couple = await couples.active(tx, topic.couple_id)
    if couple is None:
        return
    notice = Outgoing(texts.LAPSED.format(title=texts.escape(topic.title)))
    for member in (couple.inviter_id, couple.joiner_id):
        if member != by:
            await outbox.add(tx, member, "review", notice, now, couple_id=couple.id)


async def renew(mend: Mend, user_id: int, topic_id: int, yes: bool) -> Outgoing:
    """Renew (it continues if both renew in time) or Let it end (it ends now)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await agreements.get_topic(tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status != "active" or topic.review_asked_at is None or topic.review_at is None:
            raise Stale(texts.REVIEW_CLOSED)
        title = texts.escape(topic.title)
        name = texts.escape(partner.first_name)
        if not yes:
            await _lapse(tx, topic, me.id, now)
            return Outgoing(texts.LET_END.format(title=title, name=name))
        renewed_by = await agreements.add_renewal(tx, topic, me.id)
        if partner.id not in renewed_by:
            deadline = schedule.format_date(topic.review_at + RENEW_WINDOW, me.tz)
            return Outgoing(texts.RENEW_WAITING.format(name=name, deadline=deadline))
        review_at = max(now, topic.review_at) + timedelta(days=topic.period_days)
        await agreements.renew(tx, topic.id, review_at)
        told = texts.RENEWED.format(
            title=title, review=schedule.format_date(review_at, partner.tz)
        )
        await outbox.add(tx, partner.id, "review", Outgoing(told), now, couple_id=couple.id)
    return Outgoing(
        texts.RENEWED.format(title=title, review=schedule.format_date(review_at, me.tz))
    )
