"""Quiet hours end to end: what a partner's action sends arrives silently at night (or waits
until morning, if the receiver prefers), in the receiver's own time; their own prompts ring."""

import asyncio
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.features.settings import views as settings_views
from bot.kernel.db import to_ts
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, answer_checkin, couple
from tests.test_e2e_agreement import agree
from tests.test_e2e_disclose import draft

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


async def delivered(bot: Bot) -> None:
    """Wait until the sender has delivered everything due in the outbox."""
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


async def thank(tg: FakeTelegram, author: FakeUser, receiver: FakeUser) -> SentMessage:
    """The author writes a gratitude and presses Send; the receiver's copy, once it came."""
    await author.send("/gratitude")
    await author.wait_message("Gratitude")
    await author.send("Thank you for the tea.")
    preview = await author.wait_message("You wrote")
    await author.press(preview, f"Send to {receiver.first_name}")
    await tg.wait_for(lambda: "Sent to" in preview.text)
    return await receiver.wait_message("A note of thanks")


async def test_a_gratitude_at_night_arrives_silently(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    bot.clock.set(berlin(3, 2, 23, 30))
    relay = await thank(tg, ben, anna)
    assert relay.silent
    assert not ben.last_message().silent  # his own replies ring as ever

    bot.clock.set(berlin(3, 3, 9, 0))
    relay = await thank(tg, ben, anna)
    assert not relay.silent
    await all_fine(tg, anna, ben)


async def choose_quiet(tg: FakeTelegram, user: FakeUser, label: str) -> None:
    """In /settings, Quiet hours: press ``label`` (a mode, a start or an end)."""
    await user.send("/settings")
    screen = await user.wait_message("Settings")
    await user.press(screen, str(settings_views.BUTTON_QUIET))
    await tg.wait_for(lambda: "Quiet hours" in screen.text and screen.edit_count == 1)
    await user.press(screen, label)
    await tg.wait_for(lambda: screen.edit_count == 2)


async def nothing_more(bot: Bot, user: FakeUser, count: int) -> None:
    """Everything due has gone out, and the user has still ``count`` messages."""
    await delivered(bot)
    assert len(user.messages) == count, user.messages[count:]


async def test_waiting_until_the_quiet_hours_end(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_WAIT))
    bot.clock.set(berlin(3, 2, 23, 30))
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Thank you for the tea.")
    preview = await ben.wait_message("You wrote")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sent to Anna" in preview.text)
    before = len(anna.messages)
    await bot.at(berlin(3, 3, 7, 59))
    await nothing_more(bot, anna, before)
    await bot.restart()  # the wait is kept on the row, not in memory
    await bot.at(berlin(3, 3, 8, 0))
    relay = await anna.wait_message("A note of thanks from Ben")
    assert not relay.silent  # the quiet hours are over: it may ring


async def test_own_prompts_ring_in_quiet_hours(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_WAIT))
    await anna.send("/remind checkin 22:30")
    await anna.wait_message("reminder is set")
    await bot.at(berlin(3, 2, 22, 0))
    await bot.at(berlin(3, 2, 22, 30))
    prompt = await anna.wait_message("Check-in")
    assert not prompt.silent
    await all_fine(tg, anna)


async def test_quiet_hours_follow_the_receivers_own_clock(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/timezone America/New_York")
    await anna.wait_message("Your timezone is now America/New_York")
    # 13:00 for Ben in Berlin is 07:00 for Anna in New York: inside her quiet hours.
    relay = await thank(tg, ben, anna)
    assert relay.silent
    # And what Anna sends Ben at her 07:00 reaches him at his 13:00, with a sound.
    relay = await thank(tg, anna, ben)
    assert not relay.silent
    await all_fine(tg, anna, ben)


async def test_the_wait_ends_at_local_eight_across_a_dst_change(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_WAIT))
    # Berlin moves its clocks from 02:00 to 03:00 in the night to Sunday 29 March.
    bot.clock.set(berlin(3, 28, 23, 30))
    await thank_without_waiting(tg, ben)
    before = len(anna.messages)
    await bot.at(datetime(2026, 3, 29, 5, 59, tzinfo=UTC))  # 07:59 in Berlin, summer time
    await nothing_more(bot, anna, before)
    await bot.at(datetime(2026, 3, 29, 6, 0, tzinfo=UTC))  # 08:00 in Berlin
    await anna.wait_message("A note of thanks from Ben")
    await all_fine(tg, anna, ben)


async def test_quiet_hours_off_ring_at_night(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_OFF))
    bot.clock.set(berlin(3, 2, 23, 30))
    relay = await thank(tg, ben, anna)
    assert not relay.silent
    await all_fine(tg, anna, ben)


async def test_quiet_hours_moved_by_the_receiver(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await choose_quiet(tg, anna, "From 21:00")
    bot.clock.set(berlin(3, 2, 21, 30))
    assert (await thank(tg, ben, anna)).silent
    # Ben's own quiet hours are still the default: what Anna sends him at 21:30 rings.
    assert not (await thank(tg, anna, ben)).silent
    await all_fine(tg, anna, ben)


async def thank_without_waiting(tg: FakeTelegram, author: FakeUser) -> None:
    """Write and send a gratitude (to a partner whose copy may wait)."""
    await author.send("/gratitude")
    await author.wait_message("Gratitude")
    await author.send("Thank you for the tea.")
    preview = await author.wait_message("You wrote")
    await author.press(preview, next(b for b in preview.button_texts if b.startswith("Send")))
    await tg.wait_for(lambda: "Sent to" in preview.text)


async def test_a_disclosure_waiting_for_the_morning_says_so_and_can_be_undone(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await agree(tg, anna, ben)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_WAIT))
    bot.clock.set(berlin(3, 2, 23, 30))
    preview = await draft(tg, ben, "Out with Sam until late")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna at Tue 3 Mar, 08:00" in preview.text)
    await bot.at(berlin(3, 2, 23, 45))  # long past the 30 seconds, still waiting
    await ben.press(preview, "Undo")
    await tg.wait_for(lambda: "Undone" in preview.text)
    before = len(anna.messages)
    await bot.at(berlin(3, 3, 8, 1))
    await nothing_more(bot, anna, before)
    await all_fine(tg, anna, ben)


async def test_what_is_true_only_now_comes_silently_even_when_waiting(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await choose_quiet(tg, anna, str(settings_views.BUTTON_QUIET_WAIT))
    bot.clock.set(berlin(3, 2, 23, 30))
    await ben.send("/checkin")
    await answer_checkin(tg, ben, await ben.wait_message("Check-in"))
    nudge = await anna.wait_message("Ben has checked in today")
    assert nudge.silent  # now, while it is still today, without a sound
    await ben.send("/timeout 20")
    told = await anna.wait_message("Ben")
    assert told.silent
    await all_fine(tg, anna, ben)
