"""Promises without a score: the receiver's notice, two answers that differ, "Let's talk"."""

from datetime import UTC, datetime

from bot.features.promises import views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, couple, expect

# 18:00 in Berlin, on the test's first day.
DUE = datetime(2026, 3, 2, 17, 0, 5, tzinfo=UTC)


def query(bot: Bot, sql: str) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(bot.settings.bot_database) as conn:
        return conn.execute(sql).fetchall()


async def asked(bot: Bot, anna: FakeUser, ben: FakeUser) -> tuple[SentMessage, SentMessage]:
    """Ben promises something by 18:00; at 18:00 both are asked."""
    await ben.send("/promise call if I'm running late by 18:00")
    await anna.wait_message("Ben made you a promise")
    await bot.at(DUE)
    return await ben.wait_message("How did it go?"), await anna.wait_message("Ben promised you")


async def test_the_notice_quotes_the_promiser_and_speaks_to_the_receiver(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await ben.send("/promise tell Anna when I need space")
    made = await ben.wait_message("Promise noted")
    assert "at your check-in, a day or so from now" in made.text
    told = await anna.wait_message("Ben made you a promise")
    assert told.text == (
        "Ben made you a promise, in their own words:\n"
        "“tell Anna when I need space”\n"
        "I'll ask you both how it went at Ben's check-in, a day or so from now."
    )
    await ben.send("/promise plan Saturday together by fri")
    told = await anna.wait_message("plan Saturday together")
    assert "I'll ask you both how it went on Fri 6 Mar, 20:00." in told.text
    assert "your next check-in" not in told.text
    await all_fine(tg, anna, ben)


async def test_two_answers_that_differ_record_no_verdict_and_both_see_both(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    mine, theirs = await asked(bot, anna, ben)
    await ben.press(mine, "Kept")
    await tg.wait_for(lambda: "once they've answered" in mine.text)
    await anna.press(theirs, "Let's talk")
    await tg.wait_for(lambda: str(views.PROMISE_DIFFER) in theirs.text)
    told = await ben.wait_message(views.PROMISE_DIFFER)
    for seen in (theirs, told):
        assert "Ben: Kept" in seen.text and "Anna: Let's talk" in seen.text
        assert "not kept" not in seen.text.lower() and "Not counted" not in seen.text
        # The talk feature declares the "talk" screen: a way to find a time to talk.
        assert seen.button_texts == [str(views.BUTTON_FIND_TIME)]
    assert "Anna would like to talk about it" in told.text
    assert "You'd like to talk about it; Ben sees that too." in theirs.text
    assert query(bot, "SELECT status FROM promises") == [("differ",)]

    # Nothing counts against anyone, nothing is counted per person, and no "0 of 0".
    for person in (anna, ben):
        await person.send("/promises")
        overview = await person.wait_message("Promises")
        assert "called kept" not in overview.text and " of " not in overview.text
    # A second press, on either side, changes nothing.
    await anna.press_data(theirs, "pp:1:kept")
    await expect(anna, views.PROMISE_ANSWERED)
    await ben.press_data(mine, "pa:1:not")
    await expect(ben, views.PROMISE_ANSWERED)
    assert query(bot, "SELECT status, author_says, partner_says FROM promises") == [
        ("differ", "kept", "talk")
    ]
    await all_fine(tg, anna, ben)


async def test_lets_talk_offers_a_time_when_a_talk_screen_exists(
    bot: Bot, tg: FakeTelegram
) -> None:
    # The talk feature (bot/features/talk) declares the "talk" screen.
    anna, ben = await couple(tg)
    mine, theirs = await asked(bot, anna, ben)
    await anna.press(theirs, "Let's talk")
    await ben.press(mine, "Not this time")
    told = await anna.wait_message("Ben: Not this time")
    await tg.wait_for(lambda: "Anna: Let's talk" in mine.text)
    for seen in (mine, told):
        assert seen.button_texts == [str(views.BUTTON_FIND_TIME)]
        assert str(views.PROMISE_NOT_KEPT) in seen.text
    await ben.press(mine, str(views.BUTTON_FIND_TIME))
    await ben.wait_message("When would you like to talk with Anna?")

    # Both said Kept: nothing to talk about, no button, and it counts for the two of them.
    await ben.send("/promise put my phone away at dinner by 20:00")
    await ben.wait_message("Promise noted")
    await anna.wait_message("Ben made you a promise")
    await bot.at(datetime(2026, 3, 2, 19, 0, 5, tzinfo=UTC))
    mine = await ben.wait_message("How did it go?")
    theirs = await anna.wait_message("Ben promised you")
    await ben.press(mine, "Kept")
    await anna.press(theirs, "Kept")
    await tg.wait_for(lambda: str(views.PROMISE_KEPT) in theirs.text)
    assert theirs.button_texts == []
    await anna.send("/promises")
    overview = await anna.wait_message("Promises")
    assert "Promises you both called kept in the last 30 days: 1" in overview.text
    await all_fine(tg, anna, ben)
