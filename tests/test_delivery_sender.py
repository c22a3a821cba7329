"""The sender keeps rows it has read in memory and marks sent rows in batches: a row cancelled
after it was read is not sent, a refused row is sent once later, and every accepted row is
marked sent (with its message id) exactly once, across a restart too."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import build_application
from bot.kernel import outbox
from bot.kernel.config import Settings
from bot.kernel.context import MendApplication
from bot.kernel.crypto import generate_key
from bot.kernel.limiter import RateLimiter
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.sender import Sender
from bot.playground.telegram_server import FakeTelegram

NOW = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)


class Clock:
    def now(self) -> datetime:
        return NOW


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def app(tmp_path: Path, tg: FakeTelegram) -> AsyncIterator[MendApplication]:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=tg.token,
        telegram_api_base_url=tg.base_url,
        telegram_api_base_file_url=tg.base_file_url,
        bot_database=tmp_path / "mend.sqlite3",
        bot_data_key=generate_key(),
        tick_seconds=0.05,
    )
    application = build_application(settings, clock=Clock())
    await application.initialize()
    await application.bot_data.mend.db.open()
    yield application
    await application.bot_data.mend.db.close()
    await application.shutdown()


def _sender(app: MendApplication) -> Sender:
    # No per-chat spacing, so a chat's next row is ready as soon as the previous one is sent.
    return Sender(app.bot_data.mend, app.bot, RateLimiter(1000, per_chat_interval=0))


async def _queue(mend: Mend, chat: int, *texts: str) -> list[int]:
    async with mend.db.transaction() as tx:
        return [await outbox.add(tx, chat, "relay", Outgoing(text), NOW) for text in texts]


async def _statuses(mend: Mend) -> dict[int, tuple[str, int | None]]:
    async with mend.db.read() as tx:
        cursor = await tx.conn.execute("SELECT id, status, message_id FROM outbox")
        return {row[0]: (row[1], row[2]) for row in await cursor.fetchall()}


async def test_a_row_cancelled_after_it_was_read_is_not_sent(
    app: MendApplication, tg: FakeTelegram
) -> None:
    mend = app.bot_data.mend
    anna = tg.user(1, "Anna")
    first, second = await _queue(mend, 1, "first", "second")
    sender = _sender(app)
    assert await sender.pump() == (1, float("inf"))  # "second" waits for Anna's "first"
    await tg.wait_for(lambda: len(anna.messages) == 1)
    async with mend.db.transaction() as tx:  # e.g. a disclosure undone
        assert await outbox.cancel(tx, second)
    await sender.stop()  # lets the sent row be marked
    assert (await sender.pump())[0] == 0
    await sender.stop()
    assert [m.text for m in anna.messages] == ["first"]
    statuses = await _statuses(mend)
    assert statuses[first] == ("sent", anna.messages[0].message_id)
    assert statuses[second] == ("cancelled", None)


async def test_every_accepted_row_is_marked_sent_once_even_after_a_restart(
    app: MendApplication, tg: FakeTelegram
) -> None:
    mend = app.bot_data.mend
    people = [tg.user(uid, f"User {uid}") for uid in range(1, 41)]
    ids: dict[int, list[int]] = {}
    for person in people:
        ids[person.id] = await _queue(mend, person.id, f"one for {person.id}", f"two {person.id}")
    sender = _sender(app)
    sender.start()
    await tg.wait_for(lambda: all(len(p.messages) == 2 for p in people))
    await sender.stop()
    statuses = await _statuses(mend)
    for person in people:
        sent = [m.message_id for m in person.messages]
        assert [statuses[row] for row in ids[person.id]] == [("sent", m) for m in sent]
        assert [m.text for m in person.messages] == [
            f"one for {person.id}",
            f"two {person.id}",
        ]
    restarted = _sender(app)
    assert (await restarted.pump())[0] == 0
    await restarted.stop()
    assert sum(len(p.messages) for p in people) == 80


async def test_a_refused_row_is_kept_and_sent_once_when_telegram_allows(
    app: MendApplication, tg: FakeTelegram
) -> None:
    mend = app.bot_data.mend
    ben = tg.user(2, "Ben")
    keyboard = buttons([("Yes", "y:1"), ("No", "n:1")])
    async with mend.db.transaction() as tx:
        row = await outbox.add(tx, 2, "prompt", Outgoing("<b>Question</b>", keyboard), NOW)
    tg.fail_next("sendMessage", status=429, retry_after=1)
    sender = _sender(app)
    sender.start()
    await tg.wait_for(lambda: len(ben.messages) == 1)
    await sender.stop()
    refused, accepted = tg.calls_to("sendMessage")
    assert refused.status == 429 and accepted.status == 200
    assert accepted.at >= refused.at + 1  # retry_after was honoured for Ben's chat
    message = ben.messages[0]
    assert message.text == "Question" and message.parse_mode == "HTML"
    assert message.button_texts == ["Yes", "No"]
    assert (await _statuses(mend))[row] == ("sent", message.message_id)


async def test_an_edit_row_changes_the_message_and_a_gone_one_counts_as_done(
    app: MendApplication, tg: FakeTelegram
) -> None:
    mend = app.bot_data.mend
    ben = tg.user(2, "Ben")
    keyboard = buttons([("Yes", "y:1"), ("No", "n:1")])
    async with mend.db.transaction() as tx:
        await outbox.add(tx, 2, "prompt", Outgoing("Question", keyboard), NOW)
    sender = _sender(app)
    sender.start()
    await tg.wait_for(lambda: len(ben.messages) == 1)
    asked = ben.messages[0]
    async with mend.db.transaction() as tx:
        strip = await outbox.edit(tx, 2, asked.message_id, NOW)  # only the buttons go
        again = await outbox.edit(tx, 2, asked.message_id, NOW)  # nothing left to do
        gone = await outbox.edit(tx, 2, 999_999, NOW, Outgoing("Answered"))  # no such message
    sender.wake()
    await tg.wait_for(lambda: not asked.buttons)
    await tg.wait_for(lambda: len(tg.calls_to("editMessageText")) == 1)
    await sender.stop()
    assert asked.text == "Question" and len(ben.messages) == 1  # nothing new was sent
    statuses = await _statuses(mend)
    assert [statuses[row][0] for row in (strip, again, gone)] == ["sent"] * 3


async def test_a_following_edit_waits_for_its_row_and_goes_only_if_that_was_sent(
    app: MendApplication, tg: FakeTelegram
) -> None:
    mend = app.bot_data.mend
    anna, ben = tg.user(1, "Anna"), tg.user(2, "Ben")
    async with mend.db.transaction() as tx:
        await outbox.add(tx, 2, "sending", Outgoing("Sending", buttons([("Undo", "u:1")])), NOW)
    sender = _sender(app)
    sender.start()
    await tg.wait_for(lambda: len(ben.messages) == 1)
    undo = ben.messages[0]
    tg.block(3)
    async with mend.db.transaction() as tx:
        relay = await outbox.add(tx, 1, "relay", Outgoing("For Anna"), NOW, author_id=2)
        delivered = await outbox.edit(
            tx, 2, undo.message_id, NOW, Outgoing("Delivered"), after=relay
        )
        lost = await outbox.add(tx, 3, "relay", Outgoing("For no one"), NOW)
        never = await outbox.edit(tx, 2, undo.message_id, NOW, Outgoing("Wrong"), after=lost)
    assert (await _statuses(mend))[delivered][0] == "waiting"
    sender.wake()
    await tg.wait_for(lambda: undo.text == "Delivered" and not undo.buttons)
    await sender.stop()
    assert [m.text for m in anna.messages] == ["For Anna"]
    statuses = await _statuses(mend)
    assert statuses[delivered][0] == "sent" and statuses[never][0] == "cancelled"
