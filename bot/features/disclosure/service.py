"""Disclosing under the agreement: write, preview, Send with a 30 s Undo, acknowledgements,
the "anything to share?" check, /ask, and the shared log.

Only topics in force can be disclosed on; only Send relays, and only to the partner.
"""

from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.domain.prompting import local_day
from bot.domain.text import words
from bot.features.agreement import Topic, get_topic, in_force, topics_of
from bot.features.disclosure import store, views
from bot.features.disclosure.models import (
    Ack,
    AckChosen,
    AckSent,
    Asked,
    Disclosure,
    Kind,
    LogEntry,
    NothingNoted,
    Preview,
    Sending,
    SharedLog,
    Status,
)
from bot.kernel import outbox, pages
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.people import is_paused, paired
from bot.storage import users
from bot.storage.models import Couple, User
from bot.texts import STALE_BUTTON

if TYPE_CHECKING:  # the feature protocol imports Telegram; only its type is needed here
    from bot.kernel.feature import ExportScope

# After Send, a disclosure waits this long (with an Undo button) before it goes out.
UNDO_WINDOW = timedelta(seconds=30)
# /ask: at most once in this long, so it cannot be used to chase.
ASK_INTERVAL = timedelta(hours=24)
MAX_DISCLOSURE_CHARS = 2000
MAX_NOTE_CHARS = 300

# The words a button asks for next (``users.set_awaiting``: "disclose:<id>", "ack:<id>").
DISCLOSE_INPUT = "disclose"
ACK_INPUT = "ack"


class Relay(StrEnum):
    """The kinds of outbox rows this feature writes."""

    DISCLOSURE = "disclosure"
    ACK = "ack"
    NOTHING = "nothing"
    CHECK = "share_check"  # not "check": the agreement's private question is one
    SEEN = "seen"  # /ask answered with nothing passed on


async def _topics_to_disclose(tx: Tx, couple: Couple) -> list[Topic]:
    """The topics in force; a kind explanation when there are none."""
    topics = await topics_of(tx, couple.id, ("active",))
    if topics:
        return topics
    if await topics_of(tx, couple.id, ("agreed",)):
        raise NotAllowed(views.DISCLOSE_NOT_YET)
    raise NotAllowed(views.DISCLOSE_NOTHING_IN_FORCE)


async def pick(mend: Mend, user_id: int) -> list[Topic]:
    """/disclose (and Share something): the topics in force to choose from."""
    async with mend.db.read() as tx:
        couple, _, _ = await paired(tx, user_id)
        return await _topics_to_disclose(tx, couple)


async def start(mend: Mend, user_id: int, topic_id: int) -> Topic:
    """A topic was chosen: the next message (words or a voice note) is the disclosure."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, _ = await paired(tx, user_id)
        topic = await get_topic(tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(STALE_BUTTON)
        if topic.status != "active":
            raise NotAllowed(views.off_agreement(topic))
        disclosure = await store.create(
            tx, couple.id, me.id, topic.id, Kind.DISCLOSURE, Status.WRITING, now
        )
        await users.set_awaiting(tx, me.id, f"{DISCLOSE_INPUT}:{disclosure.id}", now)
    return topic


async def _own(tx: Tx, user_id: int, disclosure_id: int, *statuses: Status) -> Disclosure:
    """The user's own disclosure in one of these states, in their current couple."""
    couple, me, _ = await paired(tx, user_id)
    disclosure = await store.get(tx, disclosure_id)
    if (
        disclosure is None
        or disclosure.author_id != me.id
        or disclosure.couple_id != couple.id
        or disclosure.kind != Kind.DISCLOSURE
    ):
        raise Stale(STALE_BUTTON)
    if disclosure.status not in statuses:
        raise Stale(views.DISCLOSE_CLOSED)
    return disclosure


async def write(
    tx: Tx, mend: Mend, user: User, disclosure_id: int, text: str | None, voice: str | None
) -> Preview:
    """The words or the voice note arrive: shown back with Send / Edit / Cancel."""
    disclosure = await _own(tx, user.id, disclosure_id, Status.WRITING)
    assert disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    if topic is None or topic.status != "active":
        raise Stale(views.TOPIC_GONE if topic is None else views.off_agreement(topic))
    body = words(text, MAX_DISCLOSURE_CHARS) if text is not None else None
    now = mend.clock.now()
    await store.write(tx, disclosure.id, body, voice, now)
    await users.set_awaiting(tx, user.id, None, now)
    return await _preview(tx, disclosure.id, user.id)


async def _preview(tx: Tx, disclosure_id: int, user_id: int, undone: bool = False) -> Preview:
    _, _, partner = await paired(tx, user_id)
    disclosure = await store.get(tx, disclosure_id)
    assert disclosure is not None and disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    assert topic is not None
    return Preview(disclosure, topic, partner, undone)


async def send(mend: Mend, user_id: int, disclosure_id: int, message_id: int) -> Sending:
    """Send: written to the outbox, due after the undo window. Once it is delivered, the
    author's message (``message_id``, with Undo) says so instead."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, Status.DRAFT)
        couple, me, partner = await paired(tx, user_id)
        assert disclosure.topic_id is not None
        topic = await get_topic(tx, disclosure.topic_id)
        assert topic is not None
        if topic.status != "active":
            raise NotAllowed(views.off_agreement(topic))
        deliver_at = now + UNDO_WINDOW
        outbox_id = await outbox.add(
            tx,
            partner.id,
            Relay.DISCLOSURE,
            lambda: views.relay(disclosure, topic, me, partner),
            now,
            due_at=deliver_at,
            couple_id=couple.id,
            author_id=me.id,
        )
        # The partner's quiet hours may hold it longer: Undo works, and the log says, until then.
        waits = await outbox.due_of(tx, outbox_id)
        await store.mark_sent(tx, disclosure.id, waits, outbox_id)
        if me.tz is not None:  # something shared answers "anything to share today?"
            await store.answered_check(tx, me.id, local_day(now, me.tz))
        await outbox.settle(tx, _check_question(me, now), now)
        # What they chose to pass on is the disclosure itself: it answers an open /ask.
        await store.answer_request(tx, couple.id, partner.id, now - ASK_INTERVAL, now)
        sending = Sending(disclosure, topic, partner, waits if waits > deliver_at else None, me)
        shown = partial(views.delivered, sending, me, waits)
        await outbox.edit(tx, me.id, message_id, now, shown, after=outbox_id)
    return sending


async def undo(mend: Mend, user_id: int, disclosure_id: int) -> Preview:
    """Undo within the window: nothing is delivered, and it is a draft again."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, Status.SENT, Status.DRAFT)
        _, _, partner = await paired(tx, user_id)
        if disclosure.status == Status.DRAFT:
            raise Stale(views.DISCLOSE_CLOSED)
        # The sender only takes rows that are due, so before deliver_at the row is untouched.
        assert disclosure.deliver_at is not None and disclosure.outbox_id is not None
        if now >= disclosure.deliver_at or not await outbox.cancel(tx, disclosure.outbox_id):
            status = await outbox.status_of(tx, disclosure.outbox_id)
            raise NotAllowed(views.too_late(partner, reached=status not in UNDELIVERED))
        await store.undo(tx, disclosure.id)
        return await _preview(tx, disclosure.id, user_id, undone=True)


async def edit(mend: Mend, user_id: int, disclosure_id: int) -> None:
    """Edit: the next message replaces the draft."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, Status.DRAFT)
        await store.set_status(tx, disclosure.id, Status.WRITING)
        await users.set_awaiting(tx, user_id, f"{DISCLOSE_INPUT}:{disclosure.id}", now)


async def cancel(mend: Mend, user_id: int, disclosure_id: int) -> None:
    """Cancel: nothing is sent and the words are erased."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, Status.DRAFT, Status.WRITING)
        await store.cancel(tx, disclosure.id)
        await users.set_awaiting(tx, user_id, None, now)


# --- Acknowledgements ------------------------------------------------------------------------


async def _received(tx: Tx, user_id: int, disclosure_id: int) -> tuple[Disclosure, User, User]:
    """A disclosure the user received, in their current couple, not yet answered."""
    couple, me, partner = await paired(tx, user_id)
    disclosure = await store.get(tx, disclosure_id)
    if (
        disclosure is None
        or disclosure.couple_id != couple.id
        or disclosure.kind != Kind.DISCLOSURE
        or disclosure.status != Status.SENT
    ):
        raise Stale(STALE_BUTTON)
    if disclosure.author_id == me.id:
        raise NotAllowed(views.ACK_NOT_YOURS)
    if disclosure.ack_sent_at is not None:
        raise Stale(views.ACK_ALREADY)
    return disclosure, me, partner


async def acknowledge(mend: Mend, user_id: int, disclosure_id: int, ack: Ack) -> AckChosen:
    """An acknowledgement button: a note may follow, or it is sent as it is."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure, me, partner = await _received(tx, user_id, disclosure_id)
        await store.acknowledge(tx, disclosure.id, ack, now)
        await users.set_awaiting(tx, me.id, f"{ACK_INPUT}:{disclosure.id}", now)
    return AckChosen(disclosure.id, ack, partner)


async def ack_without_note(
    mend: Mend, user_id: int, disclosure_id: int, message_id: int
) -> AckSent:
    async with mend.db.transaction() as tx:
        user = await users.get(tx, user_id)
        if user is None:
            raise Stale(STALE_BUTTON)
        return await send_ack(tx, mend, user, disclosure_id, None, message_id)


async def showing_ack(mend: Mend, user_id: int, disclosure_id: int, message_id: int) -> None:
    """The message asking for a note on an acknowledgement (with No note) was sent."""
    async with mend.db.transaction() as tx:
        question = f"{ACK_INPUT}:{disclosure_id}"
        await outbox.shown(tx, user_id, message_id, question, mend.clock.now())


async def send_ack(
    tx: Tx, mend: Mend, user: User, disclosure_id: int, note: str | None, pressed: int = 0
) -> AckSent:
    """The acknowledgement (and the note, if any) goes back to the author; the message that
    asked for the note (but ``pressed``, edited by its handler) becomes what was sent."""
    disclosure, me, partner = await _received(tx, user.id, disclosure_id)
    ack = disclosure.ack
    if ack is None:
        raise Stale(STALE_BUTTON)
    if note is not None:
        note = words(note, MAX_NOTE_CHARS)
    now = mend.clock.now()
    assert disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    await outbox.add(
        tx,
        partner.id,
        Relay.ACK,
        lambda: views.ack_relay(me, topic, ack, note),
        now,
        couple_id=disclosure.couple_id,
        author_id=me.id,
    )
    await store.mark_ack_sent(tx, disclosure.id, note, now)
    await users.set_awaiting(tx, me.id, None, now)
    sent = AckSent(ack, partner)
    question = f"{ACK_INPUT}:{disclosure.id}"
    await outbox.settle(tx, question, now, lambda: views.ack_sent(sent), keep=pressed)
    return sent


# --- "Anything to share today?" --------------------------------------------------------------


def _check_question(user: User, now: datetime) -> str:
    """The key of the day's "anything to share today?" for this user (their local day)."""
    return f"share:{user.id}:{local_day(now, user.tz) if user.tz else now.date().isoformat()}"


async def share_started(mend: Mend, user_id: int, message_id: int) -> None:
    """Share something turned that check into the topics: its own buttons are gone."""
    async with mend.db.transaction() as tx:
        await outbox.forget(tx, user_id, message_id)


async def queue_checks(tx: Tx, user_ids: list[int], now: datetime) -> int:
    """The scheduled check for users whose disclosure reminder is due (run by the tick):
    only for those paired, not paused, with a topic in force."""
    queued = 0
    for user_id in user_ids:
        try:
            couple, me, partner = await paired(tx, user_id)
        except NotAllowed:
            continue
        if is_paused(me, now) or not await in_force(tx, couple.id):
            continue
        if me.tz is not None and await store.check_answered_on(tx, me.id, local_day(now, me.tz)):
            continue  # answered today already (asked by the partner, or shared something)
        tells = await users.shares_nothing(tx, me.id)
        message = partial(views.check, partner, tells)
        await outbox.add(tx, me.id, Relay.CHECK, message, now, question=_check_question(me, now))
        queued += 1
    return queued


async def nothing(mend: Mend, user_id: int, message_id: int) -> NothingNoted:
    """Nothing to share today: relayed only if the user chose that in /agreement. Answered for
    the day: no other check today, and other checks already sent today lose their buttons
    (``message_id``, the one pressed, is edited by its handler)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        await _topics_to_disclose(tx, couple)
        local_midnight = now
        if me.tz is not None:
            day = local_day(now, me.tz)
            local_midnight = datetime.fromisoformat(day).replace(tzinfo=me.tz)
            await store.answered_check(tx, me.id, day)
        await outbox.settle(tx, _check_question(me, now), now, keep=message_id)
        if not await users.shares_nothing(tx, me.id):
            # An open /ask hears back, neutrally, that its question was seen: nothing more.
            asked = await store.answer_request(tx, couple.id, partner.id, now - ASK_INTERVAL, now)
            if asked:
                await outbox.add(
                    tx,
                    partner.id,
                    Relay.SEEN,
                    lambda: views.seen_relay(me),
                    now,
                    couple_id=couple.id,
                    author_id=me.id,
                )
            return NothingNoted(partner, told=False, seen=asked)
        if await store.nothing_today(tx, me.id, local_midnight):
            raise Stale(views.nothing_already(partner))
        await store.answer_request(tx, couple.id, partner.id, now - ASK_INTERVAL, now)
        entry = await store.create(tx, couple.id, me.id, None, Kind.NOTHING, Status.DRAFT, now)
        outbox_id = await outbox.add(
            tx,
            partner.id,
            Relay.NOTHING,
            lambda: views.nothing_relay(me),
            now,
            couple_id=couple.id,
            author_id=me.id,
        )
        await store.mark_sent(tx, entry.id, now, outbox_id)
    return NothingNoted(partner, told=True)


async def ask(mend: Mend, user_id: int) -> Asked:
    """/ask: the partner gets the check now. At most once in 24 hours."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        await _topics_to_disclose(tx, couple)
        last = await store.last_request(tx, me.id)
        if last is not None and now < last + ASK_INTERVAL:
            raise NotAllowed(views.ask_too_soon(me, partner, last, last + ASK_INTERVAL))
        await store.add_request(tx, couple.id, me.id, now)
        tells = await users.shares_nothing(tx, partner.id)
        await outbox.add(
            tx,
            partner.id,
            Relay.CHECK,
            lambda: views.check(me, tells, asked=True),
            now,
            couple_id=couple.id,
            author_id=me.id,
            question=_check_question(partner, now),
        )
    return Asked(me, partner, now + ASK_INTERVAL)


# --- The shared log --------------------------------------------------------------------------

UNDELIVERED = frozenset({"blocked", "failed", "cancelled"})  # outbox statuses


async def log(mend: Mend, user_id: int, offset: int = 0) -> SharedLog:
    """/disclosures: what was shared under the agreement, newest first, a page at a time."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        total = await store.count_log(tx, couple.id, now)
        if total == 0:
            return SharedLog(me, partner, 0, 0, ())
        offset = pages.clamp(offset, total, views.LOG_PAGE)
        found, delivery = await store.log(tx, couple.id, now, views.LOG_PAGE, offset)
        titles: dict[int, str] = {}
        for entry in found:
            if entry.topic_id is not None and entry.topic_id not in titles:
                topic = await get_topic(tx, entry.topic_id)
                titles[entry.topic_id] = topic.title if topic else ""
    entries = tuple(
        LogEntry(
            entry,
            by_me=entry.author_id == me.id,
            title=titles.get(entry.topic_id or 0, ""),
            undelivered=delivery.get(entry.id) in UNDELIVERED,
        )
        for entry in found
    )
    return SharedLog(me, partner, offset, total, entries)


# --- /export ---------------------------------------------------------------------------------


async def export(tx: Tx, mend: Mend, scope: "ExportScope") -> dict[str, Any]:
    """The user's disclosures (and the answers they got), and what partners shared with them
    once past its undo window; a cancelled disclosure has nothing left to export."""
    when = scope.when
    titles: dict[int, str | None] = {}
    mine: list[dict[str, Any]] = []
    to_me: list[dict[str, Any]] = []
    for d in await store.disclosures_in(tx, scope.couple_ids):
        if d.topic_id is not None and d.topic_id not in titles:
            topic = await get_topic(tx, d.topic_id)
            titles[d.topic_id] = topic.title if topic else None
        title = titles.get(d.topic_id) if d.topic_id is not None else None
        partner_answered = d.ack is not None and d.ack_sent_at is not None
        if d.author_id == scope.me.id:
            if d.kind == Kind.DISCLOSURE and d.body is None and d.voice is None:
                continue  # cancelled: nothing left of it
            mine.append(
                {
                    "kind": d.kind.value,
                    "topic": title,
                    "text": d.body,
                    "voice_note": d.voice is not None,
                    "status": d.status.value,
                    "written_at": when(d.written_at),
                    "delivered_at": when(d.deliver_at),
                    "to": scope.partner_name(d.couple_id),
                    "their_answer": str(views.ACK_LABELS[d.ack])
                    if partner_answered and d.ack
                    else None,
                    "their_note": d.ack_note if partner_answered else None,
                }
            )
        elif d.status == Status.SENT and d.deliver_at is not None and d.deliver_at <= scope.now:
            to_me.append(
                {
                    "kind": d.kind.value,
                    "from": scope.partner_name(d.couple_id),
                    "topic": title,
                    "text": d.body,
                    "voice_note": d.voice is not None,
                    "written_at": when(d.written_at),
                    "delivered_at": when(d.deliver_at),
                    "your_answer": str(views.ACK_LABELS[d.ack]) if d.ack else None,
                    "your_note": d.ack_note if d.ack_sent_at is not None else None,
                }
            )
    return {"written_by_you": {"disclosures": mine}, "shared_with_you": {"disclosures": to_me}}
