"""The monthly reflection end to end: on the pairing's day of the month (its last day in a
shorter month), at the check-in time, answered in words, revealed once both answered."""

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import texts
from bot.features.monthly import service as monthly_service
from bot.features.monthly import views as monthly_views
from bot.features.prompts import views as prompts_views
from bot.kernel.db import to_ts
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, expect, pair, set_up, words

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def berlin(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=BERLIN)


def reflections(user: FakeUser) -> list[SentMessage]:
    return [m for m in user.messages if m.text.startswith(str(monthly_views.TITLE))]


def reveals(user: FakeUser) -> list[SentMessage]:
    return [m for m in user.messages if m.text.startswith(str(monthly_views.REVEAL_TITLE))]


async def quiet(user: FakeUser) -> None:
    """A round trip through the bot: everything queued before it has been handled."""
    await user.send("/help")
    await user.wait_message("What I can do")


async def delivered(bot: Bot) -> None:
    """Wait until the sender has delivered everything due in the outbox (it paces each chat
    at a message a second, so a direct reply can overtake a prompt)."""
    for _ in range(200):
        async with bot.mend.db.read() as tx:
            cursor = await tx.conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at <= ?",
                (to_ts(bot.clock.now()),),
            )
            row = await cursor.fetchone()
        if row is not None and row[0] == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the outbox was not delivered in 10 s")


async def at_checkin_time(bot: Bot, month: int, day: int, *users: FakeUser) -> None:
    """Move to 21:00:02 Berlin on that day (via 20:00 that day, so the daily reminder is due
    then rather than long past), and let every message of that moment arrive."""
    await bot.at(berlin(month, day, 20, 0))
    await bot.at(berlin(month, day, 21, 0, 2))
    for user in users:
        await user.wait_message("Check-in")
    await delivered(bot)
    for user in users:
        await quiet(user)  # read up to here


async def has_reflections(bot: Bot, user: FakeUser, count: int) -> list[SentMessage]:
    """The reflections the user has been sent in all, once all due messages arrived."""
    await delivered(bot)
    assert len(reflections(user)) == count
    return reflections(user)


async def couple_paired_on_the_31st(bot: Bot, tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Anna and Ben pair on 31 January, both with a check-in at 21:00 Berlin."""
    bot.clock.set(berlin(1, 31, 12, 0))
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben")
    await set_up(anna)
    await set_up(ben)
    await pair(tg, anna, ben)
    for user in (anna, ben):
        await user.send("/remind checkin 21:00")
        await user.wait_message("reminder is set")
    return anna, ben


async def test_a_short_month_has_it_on_its_last_day_and_a_restart_loses_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple_paired_on_the_31st(bot, tg)
    # The month they paired has none; February has no 31st: not before the 28th.
    await at_checkin_time(bot, 1, 31, anna, ben)
    await at_checkin_time(bot, 2, 27, anna, ben)
    assert reflections(anna) == reflections(ben) == []

    await at_checkin_time(bot, 2, 28, anna, ben)
    (for_anna,) = await has_reflections(bot, anna, 1)
    (for_ben,) = await has_reflections(bot, ben, 1)
    # The same question for both, with its footer, and the pipeline's Remind me / Skip.
    assert for_anna.text == for_ben.text.replace("Anna", "Ben")
    assert "once you've both answered, and Ben can't see yours before" in for_anna.text
    assert [b for row in for_anna.buttons for b, _ in row] == [
        str(prompts_views.BUTTON_SNOOZE),
        str(prompts_views.BUTTON_SKIP),
    ]

    await anna.send("We laughed more than I expected.", reply_to=for_anna)
    saved = await anna.wait_message("Saved. You'll see each other's reflections")
    assert "once Ben has answered too" in saved.text
    await quiet(ben)
    assert reveals(ben) == []  # nothing of Anna's answer reaches Ben before he answers

    await bot.restart()  # a restart between the two answers loses nothing
    await ben.send("The slow Sunday walks.", reply_to=for_ben)
    await ben.wait_message("Saved. You've both answered")
    anna_sees = await anna.wait_message(monthly_views.REVEAL_TITLE)
    ben_sees = await ben.wait_message(monthly_views.REVEAL_TITLE)
    assert "Ben: “The slow Sunday walks.”" in anna_sees.text
    assert "You: “We laughed more than I expected.”" in anna_sees.text
    assert "Anna: “We laughed more than I expected.”" in ben_sees.text
    assert anna_sees.text.index("Ben:") < anna_sees.text.index("You:")
    # Each can answer the other's reflection (issue 11: every loop closed).
    assert (
        anna_sees.button_texts
        == ben_sees.button_texts
        == ["Thank you", "Let's talk about it", "❤️"]
    )
    await anna.press(anna_sees, "❤️")
    chosen = await anna.wait_message("You chose: ❤️")
    await anna.press(chosen, "Send as it is")
    told = await ben.wait_message("Anna answered your monthly reflection")
    assert "❤️" in told.text

    # Once a month: not again on the days after, nor after another restart.
    await bot.restart()
    await at_checkin_time(bot, 3, 1, anna, ben)
    await at_checkin_time(bot, 3, 30, anna, ben)
    assert len(reflections(anna)) == len(reflections(ben)) == 1
    # March has a 31st; April's is its 30th.
    await at_checkin_time(bot, 3, 31, anna, ben)
    await has_reflections(bot, anna, 2)
    await has_reflections(bot, ben, 2)
    await at_checkin_time(bot, 4, 29, anna, ben)
    assert len(reflections(anna)) == len(reflections(ben)) == 2
    await at_checkin_time(bot, 4, 30, anna, ben)
    await has_reflections(bot, anna, 3)
    await has_reflections(bot, ben, 3)
    # A different question each month.
    questions = {m.text.split("\n")[1] for m in reflections(anna)}
    assert len(questions) == 3
    for user in (anna, ben):  # (restarts drop the long poll, so not all_fine here)
        assert not any(words(texts.SOMETHING_WRONG) in m.text for m in user.messages)


async def test_a_bot_down_at_the_time_sends_it_late_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple_paired_on_the_31st(bot, tg)
    await at_checkin_time(bot, 2, 27, anna, ben)
    await bot.stop()
    bot.clock.set(berlin(2, 28, 22, 0))  # an hour late: sent, once
    await bot.start()
    await bot.tick()  # as the start-up tick does (it may race this one: still only once)
    await has_reflections(bot, anna, 1)
    await has_reflections(bot, ben, 1)
    await bot.restart()
    await bot.tick()
    await quiet(anna)
    await quiet(ben)
    assert len(reflections(anna)) == len(reflections(ben)) == 1


async def test_off_for_one_partner_on_for_the_other(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple_paired_on_the_31st(bot, tg)
    await anna.send("/remind monthly off")
    await expect(anna, monthly_views.SWITCHED_OFF)
    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert str(monthly_views.STATUS_OFF) in listing.text
    await at_checkin_time(bot, 2, 28, anna, ben)
    (for_ben,) = await has_reflections(bot, ben, 1)
    assert reflections(anna) == []
    await ben.send("Steadier than January.", reply_to=for_ben)
    await ben.wait_message("Saved. You'll see each other's reflections once Anna")
    await anna.send("/remind monthly on")
    await expect(anna, monthly_views.SWITCHED_ON)
    await at_checkin_time(bot, 3, 31, anna, ben)
    await has_reflections(bot, anna, 1)
    await all_fine(tg, anna, ben)


async def test_partners_in_different_timezones_share_the_month(bot: Bot, tg: FakeTelegram) -> None:
    """Paired at 00:30 on 1 February in Berlin, which is still 31 January in New York: each
    partner's day is their own, and the month they answer is the same."""
    bot.clock.set(berlin(2, 1, 0, 30))
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben")
    await set_up(anna)
    await set_up(ben, "America/New_York")
    await pair(tg, anna, ben)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    await ben.send("/remind checkin 21:00")
    await ben.wait_message("reminder is set")
    # Berlin: paired on 1 Feb, so 1 March. New York: paired on 31 Jan, so 28 Feb.
    new_york = datetime(2026, 2, 28, 21, 0, 2, tzinfo=NEW_YORK)
    await bot.at(new_york.replace(hour=20, second=0))
    await bot.at(new_york)
    (for_ben,) = await has_reflections(bot, ben, 1)
    await ben.send("Harder than I said.", reply_to=for_ben)
    await ben.wait_message("Saved. You'll see each other's reflections")
    assert reflections(anna) == []
    await bot.at(berlin(3, 1, 20, 0))
    await bot.at(berlin(3, 1, 21, 0, 2))
    (for_anna,) = await has_reflections(bot, anna, 1)
    assert for_anna.text.split("\n")[1] == for_ben.text.split("\n")[1]  # the same question
    await anna.send("Better than I feared.", reply_to=for_anna)
    await anna.wait_message("Saved. You've both answered")
    assert "Ben: “Harder than I said.”" in (await anna.wait_message("Your month")).text
    await ben.wait_message(monthly_views.REVEAL_TITLE)


async def test_bad_input(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple_paired_on_the_31st(bot, tg)
    # Not a time of its own, and not a word /remind knows.
    await anna.send("/remind monthly 21:00")
    await expect(anna, monthly_views.SWITCH_USAGE)
    await anna.send("/remind monthly maybe")
    await expect(anna, monthly_views.SWITCH_USAGE)
    await at_checkin_time(bot, 2, 28, anna, ben)
    (for_anna,) = await has_reflections(bot, anna, 1)
    # Too long: refused kindly, and nothing is lost: a shorter answer still counts.
    too_long = "x" * (monthly_service.MAX_CHARS + 1)
    await anna.send(too_long, reply_to=for_anna)
    refused = await expect(anna, texts.TOO_LONG)
    assert f"keep up to {monthly_service.MAX_CHARS}" in refused.text
    await anna.send("\u200b", reply_to=for_anna)  # invisible only: empty
    await expect(anna, texts.EMPTY_ANSWER)
    await anna.send("Calmer.", reply_to=for_anna)
    await anna.wait_message("Saved. You'll see each other's reflections")
    await anna.send("Again.", reply_to=for_anna)
    await expect(anna, str(prompts_views.ALREADY_ANSWERED))
    # Ben replies after the reflection closed: told so, and nothing is revealed.
    (for_ben,) = await has_reflections(bot, ben, 1)
    bot.clock.advance(days=11)
    await ben.send("Late words.", reply_to=for_ben)
    await expect(ben, monthly_views.EXPIRED)
    await quiet(anna)
    assert reveals(anna) == reveals(ben) == []
    await all_fine(tg, anna, ben)


async def test_no_reflection_without_a_partner(bot: Bot, tg: FakeTelegram) -> None:
    bot.clock.set(berlin(1, 31, 12, 0))
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    await at_checkin_time(bot, 2, 28, anna)
    await at_checkin_time(bot, 3, 31, anna)
    assert reflections(anna) == []
