"""The disclosure agreement: propose a topic, accept it, the private check, review, withdraw.

A topic is in force only once both partners accepted it and, before the couple's first topic
starts, both answered Yes to a private question about agreeing freely. That answer stays
private in timing too: nothing is said to either about the other's answer until both said
Yes (then both are told it started), and a week after the question without two Yeses both
get the same neutral note. So what one sees never depends on what the other answered.

Each topic is agreed for a period and reviewed; it continues only if both renew. Either
partner can withdraw any topic alone, at any time.

Every function returns what happened (a result below); ``views`` turns it into words.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from bot import texts
from bot.domain.text import is_blank
from bot.features.agreement import store, views
from bot.features.agreement.models import (
    CHECK_NOTE_AFTER,
    DEFAULT_PERIOD,
    LIVE,
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
    Topic,
    TopicStatus,
    WithdrawChoice,
    Withdrawn,
)
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed, Stale
from bot.kernel.i18n import current
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import paired
from bot.library import AgreementTopic
from bot.storage import couples, reminders, users
from bot.storage.models import Couple, User

HISTORY_LIMIT = 30
BATCH = 200


async def in_force(tx: Tx, couple_id: int) -> bool:
    """Whether any topic of the couple's agreement is in force."""
    return bool(await store.topics_of(tx, couple_id, (TopicStatus.ACTIVE,)))


def _named(mend: Mend, topic: Topic) -> Topic:
    """The topic with a suggestion's title in every language, so a view shows it in its
    reader's (what a partner wrote in their own words stays as written)."""
    if topic.library_id is None:
        return topic
    return replace(topic, titles=mend.agreements.titles(topic.library_id))


async def _get(mend: Mend, tx: Tx, topic_id: int) -> Topic | None:
    topic = await store.get_topic(tx, topic_id)
    return None if topic is None else _named(mend, topic)


async def _topics(mend: Mend, tx: Tx, couple_id: int, statuses: Sequence[str]) -> list[Topic]:
    return [_named(mend, topic) for topic in await store.topics_of(tx, couple_id, statuses)]


# --- /agreement ------------------------------------------------------------------------------


async def show(mend: Mend, user_id: int) -> Overview:
    """/agreement: the topics, who proposed each, when agreed, reviews, and the reminders."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        return Overview(
            me=me,
            partner=partner,
            topics=await _topics(mend, tx, couple.id, LIVE),
            consent=await store.consents(tx, couple.id),
            my_reminder=await _check_reminder(tx, me.id),
            their_reminder=await _check_reminder(tx, partner.id),
            tells_nothing=await users.shares_nothing(tx, me.id),
        )


async def _check_reminder(tx: Tx, user_id: int) -> tuple[int, int] | None:
    for reminder in await reminders.for_user(tx, user_id):
        if reminder.kind == "disclosure":
            return reminder.hour, reminder.minute
    return None


async def toggle_nothing(mend: Mend, user_id: int) -> NothingToggled:
    """Tell (or stop telling) the partner when the user has nothing to share today."""
    async with mend.db.transaction() as tx:
        _, me, partner = await paired(tx, user_id)
        on = not await users.shares_nothing(tx, me.id)
        await users.set_shares_nothing(tx, me.id, on)
    return NothingToggled(partner, on)


# --- Proposing ---------------------------------------------------------------------------------


async def pick(mend: Mend, user_id: int) -> list[AgreementTopic]:
    """Propose a topic: the suggestions not already in the agreement (and Write my own)."""
    async with mend.db.read() as tx:
        couple, _, _ = await paired(tx, user_id)
        taken = {t.library_id for t in await store.topics_of(tx, couple.id, LIVE)}
    return [
        topic for topic in mend.agreements.in_language(current()).topics if topic.id not in taken
    ]


async def _refuse_duplicate(
    mend: Mend, tx: Tx, couple_id: int, title: str, library_id: str | None
) -> None:
    for topic in await _topics(mend, tx, couple_id, LIVE):
        names = {name.casefold() for name in (topic.title, *topic.titles.values())}
        if title.casefold() in names or (
            library_id is not None and topic.library_id == library_id
        ):
            raise NotAllowed(views.TOPIC_DUPLICATE.format(title=texts.escape(topic.shown)))


async def choose_suggestion(mend: Mend, user_id: int, library_id: str) -> Draft:
    """A suggested topic was chosen: what it means, and for how long."""
    suggestion = mend.agreements.get(library_id)
    if suggestion is None:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, _ = await paired(tx, user_id)
        await _refuse_duplicate(mend, tx, couple.id, suggestion.title, suggestion.id)
        topic = await store.create_topic(
            tx, couple.id, me.id, suggestion.title, DEFAULT_PERIOD, now, library_id=suggestion.id
        )
    return Draft(topic, suggestion)


async def write_own(mend: Mend, user_id: int) -> User:
    """Write my own: the next message is the topic, in the user's words. Returns the partner."""
    async with mend.db.transaction() as tx:
        _, me, partner = await paired(tx, user_id)
        await users.set_awaiting(tx, me.id, "topic", mend.clock.now())
    return partner


def _topic_words(text: str) -> str:
    title = " ".join(text.split())
    if is_blank(title):
        raise InvalidInput(views.TOPIC_EMPTY)
    if len(title) > MAX_TOPIC_CHARS:
        raise InvalidInput(views.too_long(len(title), MAX_TOPIC_CHARS))
    return title


async def own_topic(tx: Tx, mend: Mend, user: User, text: str) -> Draft:
    """The user's own topic arrives: ask for how long."""
    title = _topic_words(text)
    couple, me, _ = await paired(tx, user.id)
    await _refuse_duplicate(mend, tx, couple.id, title, None)
    now = mend.clock.now()
    topic = await store.create_topic(tx, couple.id, me.id, title, DEFAULT_PERIOD, now)
    await users.set_awaiting(tx, me.id, None, now)
    return Draft(topic, None)


def _proposal(mend: Mend, topic: Topic, proposer: User, replaced: Topic | None) -> Outgoing:
    suggestion = mend.agreements.get(topic.library_id) if topic.library_id else None
    return views.proposal(topic, proposer, suggestion, replaced)


async def propose(mend: Mend, user_id: int, topic_id: int, days: int) -> Proposed:
    """A period was chosen: the proposal goes to the partner."""
    if days not in PERIOD_DAYS:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await _get(mend, tx, topic_id)
        if topic is None or topic.couple_id != couple.id or topic.proposed_by != me.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status != TopicStatus.DRAFT:
            raise Stale(views.PROPOSAL_CLOSED)
        await _refuse_duplicate(mend, tx, couple.id, topic.title, topic.library_id)
        await store.propose(tx, topic.id, days, now)
        topic = await _get(mend, tx, topic.id)
        assert topic is not None
        message = partial(_proposal, mend, topic, me, None)
        await outbox.add(
            tx,
            partner.id,
            "proposal",
            message,
            now,
            couple_id=couple.id,
            author_id=me.id,
            question=_proposal_question(topic),
        )
    return Proposed(topic, partner)


def _proposal_question(topic: Topic) -> str:
    """The key of a proposal's Accept / Decline buttons, for when it closes elsewhere."""
    return f"proposal:{topic.id}"


def _review_question(topic: Topic) -> str:
    """The key of a topic's review buttons (Renew / Let it end), for both partners."""
    return f"review:{topic.id}"


# --- Answering a proposal ------------------------------------------------------------------


async def _open_proposal(
    mend: Mend, tx: Tx, user_id: int, topic_id: int
) -> tuple[Topic, Couple, User, User]:
    """A proposal this user may answer: in their couple, still open, and not their own."""
    couple, me, partner = await paired(tx, user_id)
    topic = await _get(mend, tx, topic_id)
    if topic is None or topic.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if topic.status != TopicStatus.PROPOSED:
        raise Stale(views.PROPOSAL_CLOSED)
    if topic.proposed_by == me.id:
        raise NotAllowed(views.OWN_PROPOSAL.format(name=texts.escape(partner.first_name)))
    return topic, couple, me, partner


async def view(mend: Mend, user_id: int, topic_id: int) -> Proposal:
    """Answer: <topic> from /agreement: the proposal again, with its buttons."""
    async with mend.db.read() as tx:
        topic, _, _, partner = await _open_proposal(mend, tx, user_id, topic_id)
        replaced = await _get(mend, tx, topic.replaces) if topic.replaces else None
    suggestion = mend.agreements.get(topic.library_id) if topic.library_id else None
    return Proposal(topic, partner, suggestion, replaced)


async def accept(mend: Mend, user_id: int, topic_id: int) -> Accepted:
    """Accept: in force now, or, before the couple's first topic, after the private check."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        topic, couple, me, partner = await _open_proposal(mend, tx, user_id, topic_id)
        consent = await store.consents(tx, couple.id)
        review_at: datetime | None = None
        if _consented(consent, couple):
            review_at = now + timedelta(days=topic.period_days)
            await store.start(tx, topic, now, review_at)
        else:
            await store.agree(tx, topic.id, now)
        notice = partial(views.partner_accepted, Accepted(topic, partner, review_at), me)
        await outbox.add(tx, partner.id, "agreement", notice, now, couple_id=couple.id)
        if not consent:
            await _ask_check(tx, couple, me, partner, now)
    return Accepted(topic, me, review_at)


def _consented(consent: Mapping[int, CheckAnswer | None], couple: Couple) -> bool:
    return all(
        consent.get(member) == CheckAnswer.YES for member in (couple.inviter_id, couple.joiner_id)
    )


async def decline(mend: Mend, user_id: int, topic_id: int) -> User:
    """Decline: the proposer is told, nothing more. Returns the partner."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        topic, couple, me, partner = await _open_proposal(mend, tx, user_id, topic_id)
        await store.end(tx, topic.id, TopicStatus.DECLINED, me.id, now)
        told = partial(views.partner_declined, topic, me)
        await outbox.add(tx, partner.id, "agreement", told, now, couple_id=couple.id)
    return partner


async def suggest_change(mend: Mend, user_id: int, topic_id: int) -> User:
    """Suggest a change: the next message is the topic in the user's own words. Returns the
    partner."""
    async with mend.db.transaction() as tx:
        topic, _, me, partner = await _open_proposal(mend, tx, user_id, topic_id)
        await users.set_awaiting(tx, me.id, f"change:{topic.id}", mend.clock.now())
    return partner


async def changed_words(tx: Tx, mend: Mend, user: User, topic_id: int, text: str) -> ChangeSent:
    """The other words arrive: they replace the proposal and go back for acceptance."""
    title = _topic_words(text)
    old, couple, me, partner = await _open_proposal(mend, tx, user.id, topic_id)
    now = mend.clock.now()
    await store.end(tx, old.id, TopicStatus.CHANGED, me.id, now)
    await _refuse_duplicate(mend, tx, couple.id, title, None)
    topic = await store.create_topic(
        tx,
        couple.id,
        me.id,
        title,
        old.period_days,
        now,
        status=TopicStatus.PROPOSED,
        replaces=old.id,
    )
    await users.set_awaiting(tx, me.id, None, now)
    message = partial(_proposal, mend, topic, me, old)
    await outbox.add(
        tx, partner.id, "proposal", message, now, couple_id=couple.id, author_id=me.id
    )
    return ChangeSent(title, partner)


# --- The private freely-agreeing check -------------------------------------------------------


async def _ask_check(tx: Tx, couple: Couple, me: User, partner: User, now: datetime) -> None:
    """Ask each partner, privately, whether they agree freely."""
    for person, other in ((me, partner), (partner, me)):
        await store.ask_consent(tx, couple.id, person.id, now)
        question = partial(views.check_question, CheckQuestion(couple.id, other))
        await outbox.add(tx, person.id, "check", question, now)


async def ask_check_again(mend: Mend, user_id: int) -> CheckQuestion:
    """Answer the private question again (for someone who answered anything but Yes)."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        consent = await store.consents(tx, couple.id)
    if consent.get(me.id) in (None, CheckAnswer.YES):
        raise Stale(views.CHECK_ALREADY)
    return CheckQuestion(couple.id, partner)


async def answer_check(
    mend: Mend, user_id: int, couple_id: int, answer: CheckAnswer
) -> CheckAnswered:
    """Yes / I'm not sure / No. The partner never sees the answer, only "not now"."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        consent = await store.consents(tx, couple.id)
        if couple.id != couple_id or me.id not in consent:
            raise Stale(texts.STALE_BUTTON)
        before = consent[me.id]
        if before == CheckAnswer.YES:
            raise Stale(views.CHECK_ALREADY)
        await store.answer_consent(tx, couple.id, me.id, answer, now)

        def outcome(kind: CheckOutcome, started: list[tuple[Topic, datetime]]) -> CheckAnswered:
            return CheckAnswered(kind, me, partner, mend.support.in_language(current()), started)

        # Nothing goes to the partner here, whatever the answer: a notice now (or its
        # absence) would tell them what was answered.
        if answer != CheckAnswer.YES:
            return outcome(CheckOutcome.HESITANT, [])
        if consent.get(partner.id) != CheckAnswer.YES:
            return outcome(CheckOutcome.WAITING, [])
        await store.mark_noted(tx, couple.id, now)  # two Yeses: no week's note is needed
        started = await _start_agreed(mend, tx, couple, now)
        if not started:  # every agreed topic was withdrawn meanwhile
            return outcome(CheckOutcome.WAITING, [])
        notice = partial(views.agreement_started, started, partner)
        await outbox.add(tx, partner.id, "agreement", notice, now, couple_id=couple.id)
    return outcome(CheckOutcome.STARTED, started)


async def note_unstarted(mend: Mend) -> int:
    """Run by the tick: a week after the private check was asked without two Yeses, both
    partners get the same neutral note, at the same moment, whatever each answered. Written
    with the mark that it was sent, so it goes once."""
    now = mend.clock.now()
    noted = 0
    async with mend.db.transaction() as tx:
        for couple_id in await store.note_due(tx, now - CHECK_NOTE_AFTER, BATCH):
            await store.mark_noted(tx, couple_id, now)
            couple = await couples.active(tx, couple_id)
            if couple is None or _consented(await store.consents(tx, couple_id), couple):
                continue
            for member in (couple.inviter_id, couple.joiner_id):
                note = views.check_not_started  # the same note, in each one's language
                await outbox.add(tx, member, "agreement", note, now, couple_id=couple_id)
            noted += 1
    return noted


async def _start_agreed(
    mend: Mend, tx: Tx, couple: Couple, now: datetime
) -> list[tuple[Topic, datetime]]:
    started = []
    for topic in await _topics(mend, tx, couple.id, (TopicStatus.AGREED,)):
        review_at = now + timedelta(days=topic.period_days)
        await store.start(tx, topic, now, review_at)
        started.append((topic, review_at))
    return started


# --- Withdraw and history ----------------------------------------------------------------------


async def withdraw_pick(mend: Mend, user_id: int) -> WithdrawChoice:
    """Withdraw a topic: the live topics to choose from."""
    async with mend.db.read() as tx:
        couple, _, partner = await paired(tx, user_id)
        topics = await _topics(mend, tx, couple.id, LIVE)
    if not topics:
        raise NotAllowed(views.WITHDRAW_NONE)
    return WithdrawChoice(topics, partner)


async def withdraw(mend: Mend, user_id: int, topic_id: int) -> Withdrawn:
    """Either partner can withdraw any topic, alone, at any time; the other is told."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await _get(mend, tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status not in LIVE:
            raise Stale(views.TOPIC_GONE)
        await store.end(tx, topic.id, TopicStatus.WITHDRAWN, me.id, now)
        if topic.status == TopicStatus.PROPOSED:  # its Accept / Decline go
            await outbox.settle(tx, _proposal_question(topic), now)
        await outbox.settle(tx, _review_question(topic), now)  # and a review's buttons
        told = partial(views.partner_withdrew, topic, me)
        await outbox.add(tx, partner.id, "agreement", told, now, couple_id=couple.id)
    return Withdrawn(topic, partner)


async def history(mend: Mend, user_id: int) -> History:
    """What was proposed, agreed and in force, and when."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        topics = [_named(mend, t) for t in await store.history(tx, couple.id, HISTORY_LIMIT)]
    return History(me, partner, topics)


# --- Reviews ---------------------------------------------------------------------------------


async def review_due(mend: Mend) -> int:
    """Ask both partners about topics at their review date; let unrenewed ones lapse.

    Run by the tick. Returns how many topics were asked about or lapsed.
    """
    now = mend.clock.now()
    handled = 0
    async with mend.db.transaction() as tx:
        for topic in map(partial(_named, mend), await store.reviews_due(tx, now, BATCH)):
            await store.mark_review_asked(tx, topic.id, now)
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
                    partial(views.review_question, topic, reader, other),
                    now,
                    couple_id=couple.id,
                    question=_review_question(topic),
                )
            handled += 1
        for topic in map(
            partial(_named, mend), await store.lapsing(tx, now - RENEW_WINDOW, BATCH)
        ):
            await _lapse(tx, topic, None, now)
            handled += 1
    return handled


async def _lapse(tx: Tx, topic: Topic, by: int | None, now: datetime) -> None:
    """End a topic at its review; both partners (but the one who chose it) are told."""
    await store.end(tx, topic.id, TopicStatus.LAPSED, by, now)
    await outbox.settle(tx, _review_question(topic), now)  # Renew / Let it end go
    couple = await couples.active(tx, topic.couple_id)
    if couple is None:
        return
    notice = partial(views.lapsed, topic)
    for member in (couple.inviter_id, couple.joiner_id):
        if member != by:
            await outbox.add(tx, member, "review", notice, now, couple_id=couple.id)


async def renew(mend: Mend, user_id: int, topic_id: int, yes: bool) -> Renewal:
    """Renew (it continues if both renew in time) or Let it end (it ends now)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        topic = await _get(mend, tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if (
            topic.status != TopicStatus.ACTIVE
            or topic.review_asked_at is None
            or topic.review_at is None
        ):
            raise Stale(views.REVIEW_CLOSED)
        if not yes:
            await _lapse(tx, topic, me.id, now)
            return Renewal(RenewOutcome.ENDED, topic, me, partner, None)
        renewed_by = await store.add_renewal(tx, topic, me.id)
        if partner.id not in renewed_by:
            deadline = topic.review_at + RENEW_WINDOW
            return Renewal(RenewOutcome.WAITING, topic, me, partner, deadline)
        review_at = max(now, topic.review_at) + timedelta(days=topic.period_days)
        await store.renew(tx, topic.id, review_at)
        await outbox.settle(tx, _review_question(topic), now)
        told = partial(views.renewed, Renewal(RenewOutcome.RENEWED, topic, partner, me, review_at))
        await outbox.add(tx, partner.id, "review", told, now, couple_id=couple.id)
    return Renewal(RenewOutcome.RENEWED, topic, me, partner, review_at)
