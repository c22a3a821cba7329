"""Reminders over time: late starts, DST, snooze, skip, pause, day ends, and delivery faults."""

import sqlite3
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, answer_checkin, couple, set_up

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=BERLIN)


def prompts_in(user: FakeUser, title: str = "Check-in") -> list[SentMessage]:
    return [m for m in user.messages if m.text.startswith(title)]


async def quiet(user: FakeUser) -> None:
    """A round trip through the bot: everything queued before it has been handled."""
    await user.send("/help")
    await user.wait_message("What I can do")


async def remind(user: FakeUser, args: str) -> None:
    await user.send(f"/remind {args}")
    await user.wait_message("reminder is set")


async def test_reminder_missed_while_down_is_sent_late_once(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await bot.stop()
    bot.clock.set(berlin(2026, 3, 2, 22, 30))  # 1.5 h late
    await bot.start()
    prompt = await anna.wait_message("Check-in")
    await bot.restart()
    await quiet(anna)
    assert prompts_in(anna) == [prompt]


async def test_reminder_more_than_two_hours_late_waits_for_next_time(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await bot.stop()
    bot.clock.set(berlin(2026, 3, 2, 23, 30))
    await bot.start()
    await bot.tick()  # the start-up tick, before the test moves the clock on
    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert "Next: tomorrow at 21:00" in listing.text
    assert prompts_in(anna) == []
    await bot.at(berlin(2026, 3, 3, 21, 0, 1))
    await anna.wait_message("Check-in")


async def test_21_00_stays_21_00_across_dst_and_fires_once_a_day(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await bot.at(berlin(2026, 3, 28, 12, 0))  # Saturday; clocks go forward on Sunday
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await bot.at(berlin(2026, 3, 28, 21, 0, 2))
    await anna.wait_message("Check-in")
    await bot.at(berlin(2026, 3, 29, 20, 59))  # 18:59 UTC Sunday: not yet
    await quiet(anna)
    assert len(prompts_in(anna)) == 1
    await bot.at(berlin(2026, 3, 29, 21, 0, 2))  # 21:00 CEST is 19:00 UTC
    await anna.wait_message("Check-in")
    await bot.at(berlin(2026, 3, 29, 22, 0, 2))  # 20:00 UTC, the old UTC time: nothing more
    await quiet(anna)
    assert len(prompts_in(anna)) == 2


async def test_time_skipped_by_dst_fires_at_next_valid_minute_once(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await bot.at(berlin(2026, 3, 28, 12, 0))
    await set_up(anna)
    await remind(anna, "gratitude 2:30")
    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert "Next: tomorrow at 03:00" in listing.text  # 02:30 does not exist on 29 March
    await bot.at(berlin(2026, 3, 29, 3, 0, 1))
    await anna.wait_message("Gratitude")
    await bot.at(berlin(2026, 3, 29, 3, 30))
    await quiet(anna)
    assert len(prompts_in(anna, "Gratitude")) == 1
    await anna.send("/reminders")
    assert "Next: tomorrow at 02:30" in (await anna.wait_message("Your reminders")).text


async def test_days_of_the_week_are_kept(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)  # Monday 2 March
    await anna.send("/remind checkin 9pm weekends")
    reply = await anna.wait_message("reminder is set")
    assert "21:00, weekends. Next: Sat 7 Mar at 21:00" in reply.text
    await bot.at(berlin(2026, 3, 6, 21, 0, 1))  # Friday
    await quiet(anna)
    assert prompts_in(anna) == []
    await bot.at(berlin(2026, 3, 7, 21, 0, 1))
    await anna.wait_message("Check-in")


async def test_remind_me_in_an_hour_sends_the_prompt_again(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await bot.at(berlin(2026, 3, 2, 21, 0, 1))
    prompt = await anna.wait_message("Check-in")
    await anna.press(prompt, "Remind me in 1 h")
    await tg.wait_for(lambda: "I'll ask again at 22:00" in prompt.text)
    await bot.at(berlin(2026, 3, 2, 21, 59))
    await quiet(anna)
    assert len(prompts_in(anna)) == 0  # the first prompt was edited into the snooze note
    await bot.at(berlin(2026, 3, 2, 22, 0, 2))
    again = await anna.wait_message("Check-in")
    await answer_checkin(tg, anna, again)
    await tg.wait_callbacks_answered()


async def test_skip_today_means_no_more_prompts_today(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")
    await anna.press(prompt, "Skip today")
    await tg.wait_for(lambda: "Skipped for today" in prompt.text)
    await remind(anna, "checkin 21:00")
    await bot.at(berlin(2026, 3, 2, 21, 0, 1))
    await quiet(anna)
    assert prompts_in(anna) == []
    await bot.at(berlin(2026, 3, 3, 21, 0, 1))
    await anna.wait_message("Check-in")


async def test_pause_and_resume(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await anna.send("/pause 3d")
    paused = await anna.wait_message("paused until")
    assert "Thu 5 Mar at 13:00" in paused.text
    await bot.at(berlin(2026, 3, 2, 21, 0, 1))
    await quiet(anna)
    await anna.send("/reminders")
    assert "paused" in (await anna.wait_message("Your reminders")).text
    await bot.at(berlin(2026, 3, 3, 21, 0, 1))
    await quiet(anna)
    assert prompts_in(anna) == []
    await anna.send("/resume")
    await anna.wait_message("Prompts are back on")
    await bot.at(berlin(2026, 3, 4, 21, 0, 1))
    await anna.wait_message("Check-in")


async def test_pause_until_a_date(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await remind(anna, "checkin 21:00")
    await anna.send("/pause until 2026-03-05")
    await anna.wait_message("paused until Thu 5 Mar at 00:00")
    await bot.at(berlin(2026, 3, 4, 21, 0, 1))
    await quiet(anna)
    assert prompts_in(anna) == []
    await bot.at(berlin(2026, 3, 5, 21, 0, 1))
    await anna.wait_message("Check-in")


async def test_nothing_is_revealed_once_the_day_is_over(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/checkin")
    await answer_checkin(tg, anna, await anna.wait_message("Check-in"))
    await ben.send("/checkin")
    ben_prompt = await ben.wait_message("Check-in")
    await bot.at(berlin(2026, 3, 3, 0, 5))  # past midnight in Berlin
    target = ben_prompt.buttons[0][0][0]
    await ben.press(ben_prompt, target)
    await ben.wait_message("earlier day")
    await ben.send("/checkin")
    today = await ben.wait_message("Check-in")
    await answer_checkin(tg, ben, today)
    await quiet(anna)
    assert not any("both checked in" in m.text for m in anna.messages + ben.messages)


async def test_prompts_do_not_repeat_until_all_are_used(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    depth_one = [p for p in bot.mend.prompts.kind("checkin").prompts if p.depth == 1]
    questions = []
    for day in range(len(depth_one)):
        await bot.at(berlin(2026, 3, 2, 20, 0) + timedelta(days=day))
        await anna.send("/checkin")
        questions.append((await anna.wait_message("Check-in")).text.splitlines()[1])
    assert len(set(questions)) == len(depth_one)


async def test_unpair_tells_the_partner_neutrally(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/unpair")
    confirm = await ben.wait_message("End your pairing with Anna?")
    await ben.press(confirm, "Yes, end the pairing")
    await tg.wait_for(lambda: "The pairing has ended" in confirm.text)
    notice = await anna.wait_message("Your pairing on Mend has ended")
    assert "Ben" not in notice.text
    await anna.send("/pair")
    await anna.wait_message("Here is your invite")


async def test_a_message_survives_network_errors_and_a_restart(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Thanks for the walk")
    preview = await ben.wait_message("You wrote")
    tg.fail_next("sendMessage", status="network", times=1)
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sent to Anna" in preview.text)
    await tg.wait_for(
        lambda: (
            any(c.method == "sendMessage" and c.status is None for c in tg.calls)
            or len(tg.calls_to("sendMessage")) >= 1
        )
    )
    await bot.restart()  # the failed row is still pending and is sent after the restart
    await anna.wait_message("A note of thanks from Ben", timeout=10)
    await bot.restart()
    await quiet(anna)
    assert sum("A note of thanks" in m.text for m in anna.messages) == 1
    with sqlite3.connect(bot.settings.bot_database) as conn:
        statuses = conn.execute("SELECT status FROM outbox WHERE kind = 'gratitude'").fetchall()
    assert statuses == [("sent",)]


async def test_429_is_honoured_and_the_message_arrives_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Thanks for making dinner")
    preview = await ben.wait_message("You wrote")
    tg.fail_next("sendMessage", status=429, retry_after=1)
    await ben.press(preview, "Send to Anna")
    relay = await anna.wait_message("A note of thanks from Ben", timeout=10)
    refused = [c for c in tg.calls_to("sendMessage") if c.status == 429]
    assert len(refused) == 1
    delivered = next(
        c
        for c in tg.calls_to("sendMessage")
        if c.status == 200 and c.params["chat_id"] == anna.id and "thanks" in c.params["text"]
    )
    assert delivered.at - refused[0].at >= 1.0  # retry_after was honoured
    assert sum("A note of thanks" in m.text for m in anna.messages) == 1
    assert relay.text.endswith("Thanks for making dinner")
