"""Disclosing under the agreement: write, preview, Send with a 30 s Undo, acknowledgements,
the "anything to share?" check, /ask, and the shared log.

Only topics in force can be disclosed on; only Send relays, and only to the partner.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot import texts
from bot.domain import schedule
from bot.domain.agreement import (
    ACKS,
    ASK_INTERVAL,
    MAX_DISCLOSURE_CHARS,
    MAX_NOTE_CHARS,
    UNDO_WINDOW,
)
from bot.domain.prompting import local_day
from bot.domain.text import words
from bot.kernel import outbox, pages
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import is_paused, paired
from bot.storage import agreements, disclosures, users
from bot.storage.models import Couple, Disclosure, User

if TYPE_CHECKING:
    from bot.features.agreement import Topic

LOG_PAGE = 5


# The agreement's published face, imported when called: the registry imports this module
# (through legacy), so importing bot.features here at the top would be circular.
async def in_force(tx: Tx, couple_id: int) -> bool:
    from bot.features import agreement

    return await agreement.in_force(tx, couple_id)


async def get_topic(tx: Tx, topic_id: int) -> Topic | None:
    from bot.features import agreement

    return await agreement.get_topic(tx, topic_id)


async def topics_of(tx: Tx, couple_id: int, statuses: tuple[str, ...]) -> list[Topic]:
    from bot.features import agreement

    return await agreement.topics_of(tx, couple_id, statuses)


async def _topics_to_disclose(tx: Tx, couple: Couple) -> list[Topic]:
    """The topics in force; a kind explanation when there are none."""
    topics = await topics_of(tx, couple.id, ("active",))
    if topics:
        return topics
    if await topics_of(tx, couple.id, ("agreed",)):
        raise NotAllowed(texts.DISCLOSE_NOT_YET)
    raise NotAllowed(texts.DISCLOSE_NOTHING_IN_FORCE)


async def pick(mend: Mend, user_id: int) -> Outgoing:
    """/disclose (and Share something): the topics in force, as buttons."""
    async with mend.db.read() as tx:
        couple, _, _ = await paired(tx, user_id)
        topics = await _topics_to_disclose(tx, couple)
    return Outgoing(
        texts.DISCLOSE_PICK, buttons(*[[(topic.title[:60], f"dt:{topic.id}")] for topic in topics])
    )


async def start(mend: Mend, user_id: int, topic_id: int) -> Outgoing:
    """A topic was chosen: the next message (words or a voice note) is the disclosure."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, _ = await paired(tx, user_id)
        topic = await get_topic(tx, topic_id)
        if topic is None or topic.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if topic.status != "active":
            raise NotAllowed(_off_agreement(topic))
        disclosure = await disclosures.create(
            tx, couple.id, me.id, topic.id, "disclosure", "writing", now
        )
        await users.set_awaiting(tx, me.id, f"disclose:{disclosure.id}", now)
    return Outgoing(texts.DISCLOSE_WRITE.format(title=texts.escape(topic.title)))


def _off_agreement(topic: Topic) -> str:
    return texts.DISCLOSE_OFF_AGREEMENT.format(title=texts.escape(topic.title))


async def _own(tx: Tx, user_id: int, disclosure_id: int, *statuses: str) -> Disclosure:
    """The user's own disclosure in one of these states, in their current couple."""
    couple, me, _ = await paired(tx, user_id)
    disclosure = await disclosures.get(tx, disclosure_id)
    if (
        disclosure is None
        or disclosure.author_id != me.id
        or disclosure.couple_id != couple.id
        or disclosure.kind != "disclosure"
    ):
        raise Stale(texts.STALE_BUTTON)
    if disclosure.status not in statuses:
        raise Stale(texts.DISCLOSE_CLOSED)
    return disclosure


async def write(
    tx: Tx, mend: Mend, user: User, disclosure_id: int, text: str | None, voice: str | None
) -> Outgoing:
    """The words or the voice note arrive: shown back with Send / Edit / Cancel."""
    disclosure = await _own(tx, user.id, disclosure_id, "writing")
    assert disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    if topic is None or topic.status != "active":
        raise Stale(texts.TOPIC_GONE if topic is None else _off_agreement(topic))
    body = words(text, MAX_DISCLOSURE_CHARS) if text is not None else None
    now = mend.clock.now()
    await disclosures.write(tx, disclosure.id, body, voice, now)
    await users.set_awaiting(tx, user.id, None, now)
    return await _preview(tx, disclosure.id, user.id)


async def _preview(tx: Tx, disclosure_id: int, user_id: int, lead: str = "") -> Outgoing:
    _, _, partner = await paired(tx, user_id)
    disclosure = await disclosures.get(tx, disclosure_id)
    assert disclosure is not None and disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    assert topic is not None
    text = (
        _shown(disclosure, topic)
        + "\n\n"
        + texts.DISCLOSE_ASK_SEND.format(name=texts.escape(partner.first_name))
    )
    return Outgoing(
        (lead + "\n\n" if lead else "") + text,
        buttons(
            [(texts.BUTTON_SEND_TO.format(name=partner.first_name), f"ds:{disclosure.id}")],
            [
                (texts.BUTTON_EDIT, f"de:{disclosure.id}"),
                (texts.BUTTON_CANCEL, f"dc:{disclosure.id}"),
            ],
        ),
    )


def _shown(disclosure: Disclosure, topic: Topic) -> str:
    title = texts.escape(topic.title)
    if disclosure.voice is not None:
        return texts.DISCLOSE_PREVIEW_VOICE.format(title=title)
    return texts.DISCLOSE_PREVIEW.format(title=title, text=texts.escape(disclosure.body or ""))


async def send(mend: Mend, user_id: int, disclosure_id: int) -> Outgoing:
    """Send: written to the outbox, due after the undo window."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, "draft")
        couple, me, partner = await paired(tx, user_id)
        assert disclosure.topic_id is not None
        topic = await get_topic(tx, disclosure.topic_id)
        assert topic is not None
        if topic.status != "active":
            raise NotAllowed(_off_agreement(topic))
        deliver_at = now + UNDO_WINDOW
        outbox_id = await outbox.add(
            tx,
            partner.id,
            "disclosure",
            _relay(disclosure, topic, me, partner),
            now,
            due_at=deliver_at,
            couple_id=couple.id,
            author_id=me.id,
        )
        await disclosures.mark_sent(tx, disclosure.id, deliver_at, outbox_id)
    return Outgoing(
        _shown(disclosure, topic)
        + "\n\n"
        + texts.DISCLOSE_SENDING.format(name=texts.escape(partner.first_name)),
        buttons([(texts.BUTTON_UNDO, f"du:{disclosure.id}")]),
    )


def _relay(disclosure: Disclosure, topic: Topic, author: User, reader: User) -> Outgoing:
    """What the partner receives: clearly marked, with the acknowledgement buttons."""
    assert disclosure.written_at is not None
    fields = {
        "name": texts.escape(author.first_name),
        "title": texts.escape(topic.title),
        "written": schedule.format_moment(disclosure.written_at, reader.tz),
    }
    keyboard = buttons(*[[(texts.ACK_LABELS[ack], f"ak:{disclosure.id}:{ack}")] for ack in ACKS])
    if disclosure.voice is not None:
        return Outgoing(texts.DISCLOSURE_RELAY_VOICE.format(**fields), keyboard, disclosure.voice)
    text = texts.DISCLOSURE_RELAY.format(text=texts.escape(disclosure.body or ""), **fields)
    return Outgoing(text, keyboard)


async def undo(mend: Mend, user_id: int, disclosure_id: int) -> Outgoing:
    """Undo within the window: nothing is delivered, and it is a draft again."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, "sent", "draft")
        _, _, partner = await paired(tx, user_id)
        if disclosure.status == "draft":
            raise Stale(texts.DISCLOSE_CLOSED)
        # The sender only takes rows that are due, so before deliver_at the row is untouched.
        assert disclosure.deliver_at is not None and disclosure.outbox_id is not None
        if now >= disclosure.deliver_at or not await outbox.cancel(tx, disclosure.outbox_id):
            raise NotAllowed(texts.DISCLOSE_TOO_LATE.format(name=texts.escape(partner.first_name)))
        await disclosures.undo(tx, disclosure.id)
        return await _preview(tx, disclosure.id, user_id, lead=texts.DISCLOSE_UNDONE)


async def edit(mend: Mend, user_id: int, disclosure_id: int) -> Outgoing:
    """Edit: the next message replaces the draft."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, "draft")
        await disclosures.set_status(tx, disclosure.id, "writing")
        await users.set_awaiting(tx, user_id, f"disclose:{disclosure.id}", now)
    return Outgoing(texts.DISCLOSE_EDIT)


async def cancel(mend: Mend, user_id: int, disclosure_id: int) -> Outgoing:
    """Cancel: nothing is sent and the words are erased."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure = await _own(tx, user_id, disclosure_id, "draft", "writing")
        await disclosures.cancel(tx, disclosure.id)
        await users.set_awaiting(tx, user_id, None, now)
    return Outgoing(texts.DISCLOSE_CANCELLED)


# --- Acknowledgements ------------------------------------------------------------------------


async def _received(tx: Tx, user_id: int, disclosure_id: int) -> tuple[Disclosure, User, User]:
    """A disclosure the user received, in their current couple, not yet answered."""
    couple, me, partner = await paired(tx, user_id)
    disclosure = await disclosures.get(tx, disclosure_id)
    if (
        disclosure is None
        or disclosure.couple_id != couple.id
        or disclosure.kind != "disclosure"
        or disclosure.status != "sent"
    ):
        raise Stale(texts.STALE_BUTTON)
    if disclosure.author_id == me.id:
        raise NotAllowed(texts.ACK_NOT_YOURS)
    if disclosure.ack_sent_at is not None:
        raise Stale(texts.ACK_ALREADY)
    return disclosure, me, partner


async def acknowledge(mend: Mend, user_id: int, disclosure_id: int, ack: str) -> Outgoing:
    """An acknowledgement button: add a note, or send it as it is."""
    if ack not in ACKS:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        disclosure, me, partner = await _received(tx, user_id, disclosure_id)
        await disclosures.acknowledge(tx, disclosure.id, ack, now)
        await users.set_awaiting(tx, me.id, f"ack:{disclosure.id}", now)
    return Outgoing(
        texts.ACK_NOTE.format(ack=texts.ACK_LABELS[ack], name=texts.escape(partner.first_name)),
        buttons([(texts.BUTTON_ACK_NO_NOTE, f"ax:{disclosure.id}")]),
    )


async def ack_without_note(mend: Mend, user_id: int, disclosure_id: int) -> Outgoing:
    async with mend.db.transaction() as tx:
        user = await users.get(tx, user_id)
        if user is None:
            raise Stale(texts.STALE_BUTTON)
        return await send_ack(tx, mend, user, disclosure_id, None)


async def send_ack(
    tx: Tx, mend: Mend, user: User, disclosure_id: int, note: str | None
) -> Outgoing:
    """The acknowledgement (and the note, if any) goes back to the author."""
    disclosure, me, partner = await _received(tx, user.id, disclosure_id)
    if disclosure.ack is None:
        raise Stale(texts.STALE_BUTTON)
    if note is not None:
        note = words(note, MAX_NOTE_CHARS)
    now = mend.clock.now()
    assert disclosure.topic_id is not None
    topic = await get_topic(tx, disclosure.topic_id)
    title = texts.escape(topic.title) if topic else ""
    ack = texts.ACK_LABELS[disclosure.ack]
    text = texts.ACK_RELAY.format(name=texts.escape(me.first_name), title=title, ack=ack)
    if note is not None:
        text += texts.ACK_RELAY_NOTE.format(note=texts.escape(note))
    await outbox.add(
        tx, partner.id, "ack", Outgoing(text), now, couple_id=disclosure.couple_id, author_id=me.id
    )
    await disclosures.mark_ack_sent(tx, disclosure.id, note, now)
    await users.set_awaiting(tx, me.id, None, now)
    return Outgoing(texts.ACK_SENT.format(ack=ack, name=texts.escape(partner.first_name)))


# --- "Anything to share today?" --------------------------------------------------------------


def check(partner: User, tells: bool, asked: bool = False) -> Outgoing:
    """The transparency check: Share something / Nothing to share today."""
    name = texts.escape(partner.first_name)
    lines = [texts.CHECK_TITLE]
    if asked:
        lines.append(texts.CHECK_ASKED.format(name=name))
    lines.append(texts.CHECK_BODY.format(name=name))
    lines.append((texts.CHECK_TELLS if tells else texts.CHECK_KEEPS).format(name=name))
    return Outgoing(
        "\n".join(lines),
        buttons(
            [(texts.BUTTON_SHARE_SOMETHING, "xs")],
            [(texts.BUTTON_NOTHING_TODAY, "xn")],
        ),
    )


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
        tells = await users.shares_nothing(tx, me.id)
        await outbox.add(tx, me.id, "check", check(partner, tells), now)
        queued += 1
    return queued


async def nothing(mend: Mend, user_id: int) -> Outgoing:
    """Nothing to share today: relayed only if the user chose that in /agreement."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        await _topics_to_disclose(tx, couple)
        name = texts.escape(partner.first_name)
        if not await users.shares_nothing(tx, me.id):
            return Outgoing(texts.NOTHING_NOTED.format(name=name))
        local_midnight = now
        if me.tz is not None:
            day = local_day(now, me.tz)
            local_midnight = datetime.fromisoformat(day).replace(tzinfo=me.tz)
        if await disclosures.nothing_today(tx, me.id, local_midnight):
            raise Stale(texts.NOTHING_ALREADY.format(name=name))
        entry = await disclosures.create(tx, couple.id, me.id, None, "nothing", "draft", now)
        relay = Outgoing(texts.NOTHING_RELAY.format(name=texts.escape(me.first_name)))
        outbox_id = await outbox.add(
            tx, partner.id, "nothing", relay, now, couple_id=couple.id, author_id=me.id
        )
        await disclosures.mark_sent(tx, entry.id, now, outbox_id)
    return Outgoing(texts.NOTHING_NOTED_TOLD.format(name=name))


async def ask(mend: Mend, user_id: int) -> Outgoing:
    """/ask: the partner gets the check now. At most once in 24 hours."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id)
        await _topics_to_disclose(tx, couple)
        name = texts.escape(partner.first_name)
        last = await agreements.last_request(tx, me.id)
        if last is not None and now < last + ASK_INTERVAL:
            raise NotAllowed(
                texts.ASK_TOO_SOON.format(
                    name=name,
                    asked=schedule.format_moment(last, me.tz),
                    when=schedule.format_moment(last + ASK_INTERVAL, me.tz),
                )
            )
        await agreements.add_request(tx, couple.id, me.id, now)
        tells = await users.shares_nothing(tx, partner.id)
        message = check(me, tells, asked=True)
        await outbox.add(
            tx, partner.id, "check", message, now, couple_id=couple.id, author_id=me.id
        )
    return Outgoing(
        texts.ASK_SENT.format(name=name, when=schedule.format_moment(now + ASK_INTERVAL, me.tz))
    )


# --- The shared log --------------------------------------------------------------------------


async def log(mend: Mend, user_id: int, offset: int = 0) -> Outgoing:
    """/disclosures: what was shared under the agreement, newest first, a page at a time."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id)
        total = await disclosures.count_log(tx, couple.id, now)
        if total == 0:
            return Outgoing(texts.LOG_EMPTY)
        offset = pages.clamp(offset, total, LOG_PAGE)
        entries, delivery = await disclosures.log(tx, couple.id, now, LOG_PAGE, offset)
        titles = {}
        for entry in entries:
            if entry.topic_id is not None and entry.topic_id not in titles:
                topic = await get_topic(tx, entry.topic_id)
                titles[entry.topic_id] = topic.title if topic else ""
    parts = [texts.LOG_TITLE.format(first=offset + 1, last=offset + len(entries), total=total)]
    for entry in entries:
        assert entry.deliver_at is not None
        author, reader = (me, partner) if entry.author_id == me.id else (partner, me)
        who = texts.YOU if author is me else texts.escape(author.first_name)
        if entry.kind == "nothing":
            title, text = texts.LOG_NOTHING, ""
        else:
            title = texts.escape(titles.get(entry.topic_id or 0, ""))
            text = texts.LOG_VOICE if entry.voice else texts.escape(entry.body or "")
        if delivery.get(entry.id) in {"blocked", "failed", "cancelled"}:
            text = (text + " " + texts.LOG_UNDELIVERED).strip()
        block = texts.LOG_ENTRY.format(
            when=schedule.format_moment(entry.deliver_at, me.tz), who=who, title=title, text=text
        ).rstrip()
        if entry.ack is not None and entry.ack_sent_at is not None:
            answer = texts.ACK_LABELS[entry.ack]
            if entry.ack_note:
                answer += f": <i>{texts.escape(entry.ack_note)}</i>"
            replier = texts.YOU if reader is me else texts.escape(reader.first_name)
            block += "\n" + texts.LOG_ACK.format(who=replier, ack=answer)
        parts.append(block)
    row = pages.nav(offset, total, LOG_PAGE, "dl")
    return Outgoing("\n\n".join(parts), buttons(row) if row else ())
