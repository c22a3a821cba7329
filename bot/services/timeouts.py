"""Timeouts: a calm pause in a hard conversation, with a time to come back.

The partner gets a fixed, calm message (never anything the asker wrote); at the end the one
who asked is reminded to come back, with I'm ready / 10 more minutes. One running timeout per
couple: asking again extends it.
"""

from datetime import datetime, timedelta

from bot import texts
from bot.domain.schedule import format_time
from bot.domain.tools import TIMEOUT_MORE, parse_minutes
from bot.kernel import outbox
from bot.kernel.errors import Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import paired
from bot.storage import couples, timeouts, users
from bot.storage.models import User

BATCH = 200


def _clock(reader: User, moment: datetime) -> str:
    """'21:40' in the reader's own time."""
    local = moment.astimezone(reader.tz) if reader.tz else moment
    return format_time(local.hour, local.minute)


async def start(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/timeout [minutes]: default 20, 5 to 120; a second one extends the running one."""
    minutes = parse_minutes(args)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        running = await timeouts.running(tx, couple.id)
        if running is None:
            ends_at = now + timedelta(minutes=minutes)
            await timeouts.start(tx, couple.id, me.id, now, ends_at)
            told = texts.TIMEOUT_TOLD
        else:
            ends_at = max(running.ends_at, now) + timedelta(minutes=minutes)
            await timeouts.extend(tx, running.id, me.id, ends_at)
            told = texts.TIMEOUT_EXTENDED_TOLD
        notice = told.format(name=texts.escape(me.first_name), time=_clock(partner, ends_at))
        await outbox.add(tx, partner.id, "timeout", Outgoing(notice), now, couple_id=couple.id)
    template = texts.TIMEOUT_STARTED if running is None else texts.TIMEOUT_EXTENDED
    return Outgoing(
        template.format(time=_clock(me, ends_at), name=texts.escape(partner.first_name))
    )


async def end_due(mend: Mend) -> int:
    """Run by the tick: at a timeout's end, remind the one who asked to come back."""
    now = mend.clock.now()
    ended = 0
    async with mend.db.transaction() as tx:
        for timeout in await timeouts.ending(tx, now, BATCH):
            await timeouts.set_status(tx, timeout.id, "ended")
            couple = await couples.active(tx, timeout.couple_id)
            if couple is None:
                continue
            partner = await users.get(tx, couple.partner_of(timeout.asker_id))
            name = texts.escape(partner.first_name) if partner else texts.YOUR_PARTNER
            reminder = Outgoing(
                texts.TIMEOUT_OVER.format(name=name),
                buttons(
                    [(texts.BUTTON_READY, f"to:{timeout.id}:ready")],
                    [(texts.BUTTON_MORE_TIME, f"to:{timeout.id}:more")],
                ),
            )
            await outbox.add(tx, timeout.asker_id, "timeout", reminder, now, couple_id=couple.id)
            ended += 1
    return ended


async def come_back(mend: Mend, user_id: int, timeout_id: int, choice: str) -> Outgoing:
    """I'm ready (the partner is told) or 10 more minutes (the timeout runs on)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        timeout = await timeouts.get(tx, timeout_id)
        if timeout is None or timeout.couple_id != couple.id or timeout.asker_id != me.id:
            raise Stale(texts.STALE_BUTTON)
        if timeout.status != "ended":
            raise Stale(texts.TIMEOUT_CLOSED)
        if choice == "ready":
            await timeouts.set_status(tx, timeout.id, "done")
            notice = texts.TIMEOUT_READY_TOLD.format(name=texts.escape(me.first_name))
            reply = texts.TIMEOUT_READY.format(name=texts.escape(partner.first_name))
        else:
            ends_at = now + timedelta(minutes=TIMEOUT_MORE)
            await timeouts.extend(tx, timeout.id, me.id, ends_at)
            notice = texts.TIMEOUT_EXTENDED_TOLD.format(
                name=texts.escape(me.first_name), time=_clock(partner, ends_at)
            )
            reply = texts.TIMEOUT_EXTENDED.format(
                time=_clock(me, ends_at), name=texts.escape(partner.first_name)
            )
        await outbox.add(tx, partner.id, "timeout", Outgoing(notice), now, couple_id=couple.id)
    return Outgoing(reply)
