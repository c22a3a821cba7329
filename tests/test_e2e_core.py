"""The core loop, end to end: pair, set times, get a scheduled prompt, answer, reveal, thank."""

import sqlite3
from datetime import UTC, datetime

from bot.playground.telegram_server import FakeTelegram, FakeUser
from tests.conftest import Bot, all_fine, answer_checkin, couple, set_up


def _people(tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    return tg.user(1001, "Anna"), tg.user(1002, "Ben")


async def test_start_explains_and_asks_for_timezone(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    welcome = await anna.wait_message("I'm Mend")
    assert "Nothing reaches your partner unless you decide" in welcome.text
    # The timezone is asked with buttons (typing a city works too, and /timezone still does).
    assert "where are you" in welcome.text
    assert "Type my city" in welcome.button_texts
    await anna.send("/remind checkin 21:00")
    assert "need your timezone" in (await anna.wait_message()).text


async def test_commands_menu_is_registered(bot: Bot, tg: FakeTelegram) -> None:
    commands = await tg.wait_for(lambda: tg.calls_to("setMyCommands"))
    names = [c["command"] for c in commands[0].params["commands"]]
    # The menu holds the daily few; the rest are typed, and each is in a /help topic.
    assert {"checkin", "gratitude"} <= set(names) and len(names) <= 8
    anna = tg.user(1001, "Anna")
    await anna.send("/help")
    shown = await anna.wait_message("What I can do")
    pages = [shown.text]
    for topic in list(shown.button_texts):
        await anna.press(shown, topic)
        await tg.wait_for(lambda: "Back" in shown.button_texts)
        pages.append(shown.text)
        await anna.press(shown, "Back")
        await tg.wait_for(lambda: "What I can do" in shown.text)
    for name in ("remind", "reminders", "pair", "unpair", "pause"):
        assert any(f"/{name}" in page for page in pages), name
    await all_fine(tg, anna)


async def test_pairing_tells_both_by_first_name(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = _people(tg)
    await set_up(anna)
    await anna.send("/pair")
    invite = await anna.wait_message("Here is your invite")
    code = invite.text.split("?start=", 1)[1].split()[0]
    assert "https://t.me/MendTestBot?start=" in invite.text
    assert len(code) >= 16  # 96 bits of randomness, URL-safe base64
    await ben.send(f"/start {code}")
    preview = await ben.wait_message("Anna has invited you")
    await ben.press(preview, "Pair with Anna")
    await tg.wait_for(lambda: "You're paired with Anna" in preview.text)
    await anna.wait_message("You're paired with Ben")
    await tg.wait_callbacks_answered()


async def test_scheduled_checkin_reveals_only_after_both(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    for person in (anna, ben):
        await person.send("/remind checkin 21:00")
        reply = await person.wait_message("Your check-in reminder is set for 21:00")
        assert "Next: today at 21:00" in reply.text

    # 21:00 in Berlin on Monday 2 March 2026 is 20:00 UTC.
    bot.clock.set(datetime(2026, 3, 2, 20, 0, 5, tzinfo=UTC))
    anna_prompt = await anna.wait_message("Check-in")
    ben_prompt = await ben.wait_message("Check-in")
    question = anna_prompt.text.splitlines()[1]
    assert question in ben_prompt.text  # partners answer the same question on the same day
    assert "Remind me in 1 h" in anna_prompt.button_texts
    assert "Skip today" in anna_prompt.button_texts

    await answer_checkin(tg, anna, anna_prompt, note="A long day, but we talked <properly> & it")
    saved = anna.last_message()
    assert "once Ben has answered" in saved.text
    nudge = await ben.wait_message("Anna has checked in today")
    assert "properly" not in nudge.text

    await answer_checkin(tg, ben, ben_prompt)
    ben_reveal = await ben.wait_message("You've both checked in")
    anna_reveal = await anna.wait_message("You've both checked in")
    assert "Anna: " in ben_reveal.text
    assert "we talked <properly> & it" in ben_reveal.text  # escaped, shown literally
    assert "Ben: " in anna_reveal.text
    await tg.wait_callbacks_answered()


async def test_gratitude_is_sent_only_on_send(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)

    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Thank you for <b>telling me</b> about the call.")
    preview = await ben.wait_message("You wrote")
    assert preview.button_texts == ["Send to Anna", "Keep private"]
    assert not anna.messages[-1].text.startswith("A note of thanks")
    await ben.press(preview, "Send to Anna")
    relay = await anna.wait_message("A note of thanks from Ben")
    assert "Thank you for <b>telling me</b> about the call." in relay.text
    await tg.wait_for(lambda: "Sent to Anna" in preview.text)

    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Something just for me")
    kept = await ben.wait_message("You wrote")
    await ben.press(kept, "Keep private")
    await tg.wait_for(lambda: "Kept private" in kept.text)
    assert not any("Something just for me" in m.text for m in anna.messages)


async def test_restart_mid_day_changes_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")

    await bot.restart()

    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert "check-in: 21:00, every day. Next: today at 21:00" in listing.text
    # The prompt opened before the restart is still today's check-in.
    await anna.send("/checkin")
    reopened = await anna.wait_message("Check-in")
    assert reopened.text == prompt.text
    # The 21:00 reminder does not send a second check-in for the same day.
    bot.clock.set(datetime(2026, 3, 2, 20, 0, 30, tzinfo=UTC))
    await bot.restart()
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert sum("Check-in" in m.text for m in anna.messages) == 2


async def test_database_file_is_private_and_holds_no_plaintext(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    secret = "Zebra-secret appreciation 4417"
    await ben.send(secret)
    preview = await ben.wait_message("You wrote")
    await ben.press(preview, "Send to Anna")
    await anna.wait_message("A note of thanks")
    await bot.stop()
    path = bot.settings.bot_database
    assert path.stat().st_mode & 0o777 == 0o600
    raw = b"".join(p.read_bytes() for p in path.parent.glob("mend.sqlite3*"))
    assert secret.encode() not in raw
    assert b"Anna" not in raw and b"Ben" not in raw
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
