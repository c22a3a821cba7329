"""Promises, shared wins, timeouts, the repair plan and the private journal, end to end."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.playground.telegram_server import FakeTelegram
from tests.conftest import Bot, FakeClock, couple, library, pair, running_bot, set_up

SCALE_ONLY = """\
prompts:
  - id: "steady-today"
    text: "From 1 (hard) to 10 (good), how steady did today feel between you?"
    answer: "scale"
    depth: 1
"""


@pytest.fixture
async def bot(tg: FakeTelegram, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Bot]:
    """The shipped library, with one check-in question on the 1-10 scale."""
    prompts = library(tmp_path, checkin=SCALE_ONLY)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts) as running:
        yield running


async def test_a_promise_kept_by_both_counts(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/promise call if I'm running late by 18:00")
    made = await ben.wait_message("Promise noted")
    assert "call if I'm running late" in made.text and "18:00" in made.text
    told = await anna.wait_message("Ben made you a promise")
    assert "call if I'm running late" in told.text

    # 18:00 in Berlin is 17:00 UTC.
    await bot.at(datetime(2026, 3, 2, 17, 0, 5, tzinfo=UTC))
    mine = await ben.wait_message("How did it go?")
    theirs = await anna.wait_message("Ben promised")
    assert mine.button_texts == ["Kept", "Not this time"]
    assert theirs.button_texts == ["Kept", "Let's talk"]
    await ben.press(mine, "Kept")
    await tg.wait_for(lambda: "once they've answered" in mine.text)
    await anna.press(theirs, "Kept")
    await tg.wait_for(lambda: "You both say it was kept" in theirs.text)
    await ben.wait_message("You both say it was kept")

    await anna.send("/promises")
    overview = await anna.wait_message("Promises")
    # Counted together, never one partner against the other, and never "0 of 0".
    assert "Promises you both called kept in the last 30 days: 1" in overview.text
    assert "0 of 0" not in overview.text and "Anna:" not in overview.text


async def test_an_undated_promise_is_asked_at_a_checkin_a_day_later(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await ben.send("/promise stand by you at the family dinner")
    made = await ben.wait_message("Promise noted")
    assert "stand by you at the family dinner" in made.text
    assert "at your check-in, a day or so from now" in made.text
    await anna.wait_message("Ben made you a promise")
    # A check-in two hours later does not ask yet: it is too soon to say how it went.
    bot.clock.advance(hours=2)
    await ben.send("/checkin")
    await ben.wait_message("Check-in")
    await bot.tick()
    assert not any("How did it go?" in m.text for m in ben.messages)
    assert not any("Ben promised you" in m.text for m in anna.messages)
    # The next day's check-in does.
    bot.clock.advance(days=1)
    await ben.send("/checkin")
    mine = await ben.wait_message("How did it go?")
    theirs = await anna.wait_message("Ben promised you")
    await anna.press(theirs, "Let's talk")
    await ben.press(mine, "Kept")
    outcome = await anna.wait_message("Ben: Kept")
    assert "Ben: Kept" in outcome.text and "Anna: Let's talk" in outcome.text
    await ben.send("/promises")
    assert "called kept" not in (await ben.wait_message("Promises")).text


async def test_promise_bad_input(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/promise")
    assert "Tell me what you promise" in (await ben.wait_message()).text
    await ben.send("/promise call you by 25:99")
    assert "couldn't read" in (await ben.wait_message()).text
    await ben.send("/promise call you by 2026-02-01")
    assert "already passed" in (await ben.wait_message()).text
    await ben.send("/promise " + "x" * 301)
    assert "300" in (await ben.wait_message()).text
    await ben.send("/promises")
    assert "No open promises" in (await ben.wait_message("Promises")).text
    assert not any("made you a promise" in m.text for m in anna.messages)


async def test_a_win_is_shared_on_send_and_offered_on_a_hard_day(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/win")
    assert "What would you like to remember?" in (await anna.wait_message()).text
    await anna.send("/win We laughed at dinner <again>")
    preview = await anna.wait_message("A win to remember")
    await anna.press(preview, "Send to Ben")
    await tg.wait_for(lambda: "Sent to Ben" in preview.text)
    relay = await ben.wait_message("A win to remember, from Anna")
    assert "We laughed at dinner <again>" in relay.text
    await anna.send("/win Only a draft")
    dropped = await anna.wait_message("A win to remember")
    await anna.press(dropped, "Don't send")
    await tg.wait_for(lambda: "Not sent" in dropped.text)

    await ben.send("/wins")
    listing = await ben.wait_message("Your wins")
    assert "We laughed at dinner" in listing.text and "Only a draft" not in listing.text

    await ben.send("/checkin")
    prompt = await ben.wait_message("Check-in")
    await ben.press(prompt, "2")
    await tg.wait_for(lambda: "No note" in prompt.button_texts)
    await ben.press(prompt, "No note")
    offer = await ben.wait_message("hard day")
    await ben.press(offer, "Show me one")
    await tg.wait_for(lambda: "We laughed at dinner" in offer.text)
    assert not any("hard day" in m.text for m in anna.messages)
    await ben.send("/wins threshold 11")
    assert "from 1 to 9" in (await ben.wait_message()).text
    await ben.send("/wins threshold off")
    assert "aren't offered" in (await ben.wait_message()).text


async def test_a_timeout_tells_the_partner_and_brings_the_asker_back(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/timeout 3")
    assert "5 to 120 minutes" in (await anna.wait_message()).text
    await anna.send("/timeout banana")
    assert "couldn't read" in (await anna.wait_message()).text
    await anna.send("/timeout 30")
    started = await anna.wait_message("Timeout until 13:30")
    told = await ben.wait_message("Anna asked for a pause")
    assert "13:30" in told.text
    assert started.text.count("13:30") == 1
    await ben.send("/timeout 10")
    await ben.wait_message("now runs until 13:40")
    await anna.wait_message("Ben asked for a little more time")

    await bot.at(datetime(2026, 3, 2, 12, 40, 5, tzinfo=UTC))
    over = await ben.wait_message("The timeout is over")
    await ben.press(over, "10 more minutes")
    await tg.wait_for(lambda: "13:50" in over.text)
    await anna.wait_message("pick up again at 13:50")
    await bot.at(datetime(2026, 3, 2, 12, 50, 5, tzinfo=UTC))
    again = await ben.wait_message("The timeout is over")
    await ben.press(again, "I'm ready")
    await anna.wait_message("Ben is ready to come back")


async def test_the_repair_plan_changes_only_with_approval(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/repair")
    plan = await anna.wait_message("Our repair plan")
    assert "1. We agree on a pause word" in plan.text
    await anna.send("/repair add We text a heart when we're ready")
    await anna.wait_message("It applies once Ben approves")
    ask = await ben.wait_message("Anna proposes a change to your repair plan")
    await anna.send("/repair")
    mine = await anna.wait_message("Our repair plan")
    assert "Waiting for approval" in mine.text and mine.button_texts == []
    await ben.press(ask, "Approve")
    await tg.wait_for(lambda: "Approved" in ask.text)
    await anna.wait_message("Ben approved your change")
    await ben.send("/repair")
    assert "9. We text a heart when we're ready" in (await ben.wait_message("Our repair")).text

    await ben.send("/repair remove 1")
    ask = await anna.wait_message("Ben proposes a change")
    await anna.press(ask, "Decline")
    await ben.wait_message("Anna declined your change")
    await ben.send("/repair edit 99 nonsense")
    assert "from 1 to 9" in (await ben.wait_message()).text
    await ben.send("/repair shuffle")
    assert "To change the plan" in (await ben.wait_message()).text


async def test_the_journal_is_private_and_deletable(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/journal list")
    assert "Your journal is empty" in (await anna.wait_message()).text
    await anna.send("/journal I felt jealous today and didn't say it")
    await anna.wait_message("Saved in your private journal")
    await anna.send("/journal")
    await anna.wait_message("Write your entry now")
    await anna.send("A second, quieter note")
    await anna.wait_message("Saved in your private journal")
    await anna.send("/journal list")
    listing = await anna.wait_message("Your private journal")
    assert "A second, quieter note" in listing.text and "felt jealous" in listing.text
    assert listing.button_texts == ["Delete 1", "Delete 2"]
    await anna.press(listing, "Delete 2")
    await tg.wait_for(lambda: "Deleted" in listing.text)
    assert "felt jealous" not in listing.text
    await ben.send("/journal list")
    assert "Your journal is empty" in (await ben.wait_message()).text
    assert not any("jealous" in m.text or "quieter" in m.text for m in ben.messages)


async def test_tools_bad_input_gets_kind_answers(bot: Bot, tg: FakeTelegram) -> None:
    carol = tg.user(1003, "Carol")
    await carol.send("/journal hello")
    assert "Send /start" in (await carol.wait_message()).text
    await set_up(carol)
    for command in (
        "/promise call",
        "/promises",
        "/win a good day",
        "/wins",
        "/timeout",
        "/repair",
    ):
        await carol.send(command)
        reply = await carol.wait_message()
        assert "you're not paired right now" in reply.text, (command, reply.text)
    await carol.send("/journal \u200b")
    assert "looks empty" in (await carol.wait_message()).text
    await carol.send("/journal " + "x" * 3001)
    assert "3000" in (await carol.wait_message()).text
    await carol.send("/journal")
    await carol.wait_message("Write your entry now")
    await carol.send_sticker()
    assert "text" in (await carol.wait_message()).text
    await carol.send("/journal\nFirst line\nsecond line")
    await carol.wait_message("Saved in your private journal")
    await carol.send("/journal list")
    listing = await carol.wait_message("Your private journal")
    assert "First line\nsecond line" in listing.text
    await carol.press_data(listing, "jd:999999:0")
    assert "already gone" in (await carol.wait_message()).text
    assert "Something went wrong" not in "".join(m.text for m in carol.messages)


async def test_buttons_of_another_couple_do_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/promise call by 18:00")
    await anna.wait_message("Ben made you a promise")
    await bot.at(datetime(2026, 3, 2, 17, 0, 5, tzinfo=UTC))
    asked = await anna.wait_message("Ben promised")
    await anna.send("/win a good one")
    await anna.wait_message("A win to remember")
    await anna.send("/timeout 5")
    await ben.wait_message("Anna asked for a pause")
    await ben.send("/repair add Tea first")
    await anna.wait_message("Ben proposes a change")

    carol, dan = tg.user(1003, "Carol"), tg.user(1004, "Dan")
    await set_up(carol)
    await set_up(dan)
    await pair(tg, carol, dan)
    target = carol.last_message()
    for data in ("pa:1:kept", "pp:1:kept", "ws:1", "wx:1", "to:1:ready", "rc:1:yes"):
        await carol.press_data(target, data)
        reply = await carol.wait_message()
        assert "isn't active any more" in reply.text, (data, reply.text)
    # Anna answering the promise as if she had made it is refused too.
    await anna.press_data(asked, "pa:1:kept")
    assert "isn't active any more" in (await anna.wait_message()).text
    await anna.press(asked, "Kept")
    await tg.wait_for(lambda: "once they've answered" in asked.text)
    await carol.send("/wins")
    assert "No wins yet" in (await carol.wait_message()).text
    await tg.wait_callbacks_answered()
