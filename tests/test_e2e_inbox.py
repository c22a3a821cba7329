"""The inbox: an update fetched before a crash is handled after the restart, once; an update
Telegram delivers twice takes effect once; handled updates are forgotten after a day."""

import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, couple


def inbox_rows(bot: Bot) -> dict[int, tuple[bytes | None, int | None]]:
    """update_id -> (stored body, done_at), read from the database file."""
    with sqlite3.connect(bot.settings.bot_database) as db:
        rows = db.execute("SELECT update_id, body, done_at FROM inbox").fetchall()
    return {update_id: (body, done_at) for update_id, body, done_at in rows}


async def crash_after_fetch(
    bot: Bot, tg: FakeTelegram, act: Callable[[], Awaitable[object]], words: str
) -> int:
    """The user does ``act``; the bot fetches it (Telegram is told it was received) and is
    killed before handling it. Returns the update's id, stored and not done."""
    await bot.stop()
    await bot.start(handle_updates=False)
    sent_before = len(tg.sent_updates)
    await act()
    (update,) = tg.sent_updates[sent_before:]
    # Fetched: the next getUpdates confirmed it, Telegram will not deliver it again.
    await tg.wait_for(lambda: not tg.pending_updates, what="the update fetched and confirmed")
    await bot.stop()  # kill -9: nothing handled it
    body, done_at = inbox_rows(bot)[update["update_id"]]
    assert done_at is None
    assert body is not None and words.encode() not in body  # stored encrypted
    return int(update["update_id"])


async def count(tg: FakeTelegram, user: FakeUser, words: str) -> int:
    """How many messages to ``user`` contain ``words``, once everything before was handled."""
    await user.send("/help")
    await user.wait_message("What I can do")
    await tg.wait_callbacks_answered()
    return sum(words in message.text for message in user.messages)


async def win_preview(user: FakeUser, text: str) -> SentMessage:
    await user.send(f"/win {text}")
    return await user.wait_message("A win to remember")


async def test_a_typed_checkin_answer_fetched_before_a_crash_counts_once(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    for person in (anna, ben):
        await person.send("/remind checkin 21:00")
        await person.wait_message("Your check-in reminder is set for 21:00")
    bot.clock.set(datetime(2026, 3, 2, 20, 0, 5, tzinfo=UTC))
    prompt = await anna.wait_message("Check-in")
    first = prompt.buttons[0][0][0]
    if first != "Remind me in 1 h":  # a scale or a choice first, then the words
        await anna.press(prompt, "5" if first == "1" else first)
        await tg.wait_for(lambda: "No note" in prompt.button_texts)

    note = "Typed just before the power cut"
    update_id = await crash_after_fetch(
        bot, tg, lambda: anna.send(note, reply_to=prompt), words=note
    )
    await tg.redeliver(update_id)  # and Telegram delivers it again: still once
    await bot.start()

    await anna.wait_message("Saved")
    ben_prompt = await ben.wait_message("Check-in")
    first = ben_prompt.buttons[0][0][0]
    if first == "Remind me in 1 h":
        await ben.send("Ben's words", reply_to=ben_prompt)
    else:
        await ben.press(ben_prompt, "5" if first == "1" else first)
        await tg.wait_for(lambda: "No note" in ben_prompt.button_texts)
        await ben.press(ben_prompt, "No note")
    reveal = await ben.wait_message("You've both checked in")
    assert note in reveal.text
    assert await count(tg, anna, "Saved") == 1
    assert inbox_rows(bot)[update_id] == (None, int(bot.clock.now().timestamp()))


async def test_a_win_command_fetched_before_a_crash_takes_effect_once(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    text = "We fixed the bike together"
    await crash_after_fetch(bot, tg, lambda: anna.send(f"/win {text}"), words=text)
    await bot.start()

    preview = await anna.wait_message("A win to remember")
    assert text in preview.text
    await anna.press(preview, "Send to Ben")
    relay = await ben.wait_message("A win to remember, from Anna")
    assert text in relay.text
    assert await count(tg, anna, "A win to remember") == 1
    assert await count(tg, ben, text) == 1


async def test_a_send_pressed_before_a_crash_relays_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    text = "Dinner at the lake"
    preview = await win_preview(anna, text)
    update_id = await crash_after_fetch(
        bot, tg, lambda: anna.press(preview, "Send to Ben"), words=text
    )
    await tg.redeliver(update_id)
    await bot.start()

    relay = await ben.wait_message("A win to remember, from Anna")
    assert text in relay.text
    await tg.wait_for(lambda: "Sent to Ben" in preview.text)
    assert await count(tg, ben, text) == 1
    assert tg.unanswered_callbacks == []


async def test_an_update_delivered_twice_takes_effect_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    text = "The first warm evening"
    await anna.send(f"/win {text}")
    win_id = tg.sent_updates[-1]["update_id"]
    preview = await anna.wait_message("A win to remember")
    await anna.press(preview, "Send to Ben")
    send_id = tg.sent_updates[-1]["update_id"]
    await ben.wait_message("A win to remember, from Anna")
    # Both were handled, and their confirmation was lost: Telegram delivers them again.
    await bot.stop()
    await tg.redeliver(win_id)
    await tg.redeliver(send_id)
    await bot.start()
    await tg.wait_for(lambda: not tg.pending_updates, what="the copies fetched")

    assert await count(tg, anna, "A win to remember") == 1
    assert await count(tg, ben, text) == 1
    await ben.send("/wins")
    listing = await ben.wait_message("Your wins")
    assert listing.text.count(text) == 1


async def test_handled_updates_are_forgotten_after_a_day(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    first = tg.sent_updates[-1]["update_id"]
    bot.clock.advance(hours=12)
    await anna.send("/help")
    await anna.wait_message("What I can do")
    second = tg.sent_updates[-1]["update_id"]
    await count(tg, anna, "What I can do")  # one more: the ones before are done by then
    rows = inbox_rows(bot)
    assert rows[first][0] is None and rows[first][1] is not None  # done: the words are gone
    assert rows[second][0] is None and rows[second][1] is not None

    await bot.at(bot.clock.now() + timedelta(hours=12, minutes=1))
    rows = inbox_rows(bot)
    assert first not in rows and second in rows  # gone a day after it was handled
    await bot.at(bot.clock.now() + timedelta(hours=12))
    assert second not in inbox_rows(bot)
