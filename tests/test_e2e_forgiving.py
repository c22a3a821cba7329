"""Forgiving input, end to end: a typed number or a choice's words answer an open question, a
near-miss command gets "did you mean", and words with nothing open get a warm answer that
offers to keep them in the journal, a check-in, a timeout or support."""

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot import texts
from bot.features.prompts import views as prompts_views
from bot.features.prompts.buttons import KeepWords
from bot.features.support import views as support_views
from bot.features.timeouts import views as timeout_views
from bot.kernel.screens import Open
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import (
    Bot,
    FakeClock,
    all_fine,
    couple,
    expect,
    library,
    running_bot,
    set_up,
    words,
)

SCALE = """\
prompts:
  - id: "steady-today"
    text: "From 1 to 10, how steady did today feel?"
    answer: "scale"
    depth: 1
"""
CHOICE = """\
prompts:
  - id: "closer-today"
    text: "How close did you feel today?"
    answer: "choice"
    choices: ["Closer", "About the same", "About as usual", "Further apart"]
    depth: 1
"""


@pytest.fixture
async def bot(tg: FakeTelegram, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Bot]:
    """A bot whose check-in is always the 1-10 scale."""
    prompts = library(tmp_path, checkin=SCALE)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts) as running:
        yield running


async def journal(bot: Bot, user: FakeUser) -> list[str]:
    """The user's journal entries, decrypted, oldest first."""
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute(
            "SELECT body FROM journal WHERE user_id = ? ORDER BY id", (user.id,)
        )
        return [tx.open(row["body"]) for row in await cursor.fetchall()]


async def held(bot: Bot) -> int:
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute("SELECT COUNT(*) FROM held_words")
        (count,) = await cursor.fetchone() or (0,)
    return int(count)


async def open_checkin(user: FakeUser) -> SentMessage:
    await user.send("/checkin")
    return await user.wait_message("Check-in")


# --- A typed number or choice ----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["7", "7/10", "seven", " 7 out of 10. "])
async def test_a_typed_number_answers_the_open_scale(
    bot: Bot, tg: FakeTelegram, typed: str
) -> None:
    anna, ben = await couple(tg)
    await open_checkin(anna)
    await anna.send(typed)
    chosen = await anna.wait_message("Your answer: 7/10")
    assert "No note" in chosen.button_texts
    await anna.send("A long day")  # the note, as after a tapped number
    saved = await anna.wait_message("Saved")
    assert "7/10" in saved.text and "A long day" in saved.text
    await all_fine(tg, anna, ben)


async def test_a_number_replying_to_the_prompt_answers_it_and_words_do_not(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    prompt = await open_checkin(anna)
    await anna.send("11", reply_to=prompt)
    await expect(anna, str(prompts_views.USE_BUTTONS))
    await anna.send("pretty good", reply_to=prompt)
    await expect(anna, str(prompts_views.USE_BUTTONS))
    await anna.send("3", reply_to=prompt)
    await anna.wait_message("Your answer: 3/10")
    await all_fine(tg, anna, ben)


async def test_a_typed_choice_matches_its_button(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    prompts = library(tmp_path, checkin=CHOICE)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts):
        anna, ben = await couple(tg)
        prompt = await open_checkin(anna)
        await anna.send("about", reply_to=prompt)  # two choices begin so: not a guess
        await expect(anna, str(prompts_views.USE_BUTTONS))
        await anna.send("  about-the SAME!  ")
        await anna.wait_message("Your answer: About the same")
        await ben.send("/checkin")
        await ben.wait_message("Check-in")
        await ben.send("furth")
        await ben.wait_message("Your answer: Further apart")
        await all_fine(tg, anna, ben)


# --- Did you mean ----------------------------------------------------------------------------


async def test_a_near_miss_command_asks_did_you_mean(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    for typed, meant in [
        ("/chekin", "checkin"),
        ("/gratitue", "gratitude"),
        ("/jounral", "journal"),
    ]:
        await anna.send(typed)
        asked = await anna.wait_message(f"Did you mean /{meant}?")
        assert words(texts.DID_YOU_MEAN) in asked.text
    await anna.send("/chekin")
    asked = await anna.wait_message("Did you mean /checkin?")
    await anna.press(asked, "Go to /checkin")  # a screen of that name: a button to it
    prompt = await anna.wait_message("Check-in")
    assert "1" in prompt.button_texts
    await anna.send("/suport")
    asked = await anna.wait_message("Did you mean /support?")
    await anna.press(asked, "Go to /support")
    await anna.wait_message("Samaritans")
    await anna.send("/frobnicate")  # nothing close: the plain answer
    await expect(anna, texts.UNKNOWN_COMMAND)
    await all_fine(tg, anna)


# --- Words with nothing open -----------------------------------------------------------------


async def test_free_text_is_answered_warmly_and_kept_in_the_journal_on_a_tap(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    said = "I dont know if I can do this <today>"
    await anna.send(said)
    offer = await expect(anna, str(prompts_views.NOTHING_OPEN))
    assert "I'm not waiting" not in offer.text
    assert offer.button_texts == [
        str(prompts_views.BUTTON_KEEP_WORDS),
        str(prompts_views.BUTTON_CHECKIN),
        str(prompts_views.BUTTON_TIMEOUT),
        str(support_views.BUTTON_SUPPORT),
    ]
    assert all(said not in (data or "") for row in offer.buttons for _, data in row)
    raw = b"".join(p.read_bytes() for p in bot.settings.bot_database.parent.glob("mend.*"))
    assert b"I dont know if I can do this" not in raw  # held encrypted (the WAL too)

    await anna.press(offer, str(prompts_views.BUTTON_KEEP_WORDS))
    await tg.wait_for(lambda: words(prompts_views.KEPT_WORDS) in offer.text)
    assert offer.button_texts == []
    assert await journal(bot, anna) == [said]
    assert await held(bot) == 0
    await anna.press_data(offer, KeepWords(1).pack())  # again: kept once
    await expect(anna, str(prompts_views.HELD_GONE))
    assert await journal(bot, anna) == [said]
    assert not [m for m in ben.messages if "I dont know" in m.text]
    await all_fine(tg, anna, ben)


async def test_free_text_offers_a_checkin_a_timeout_and_support(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("so tired")
    offer = await expect(anna, str(prompts_views.NOTHING_OPEN))
    await anna.press(offer, str(prompts_views.BUTTON_CHECKIN))
    prompt = await anna.wait_message("Check-in")
    await anna.send("4")
    await anna.wait_message("Your answer: 4/10")
    await anna.press(offer, str(prompts_views.BUTTON_TIMEOUT))
    timeout = await expect(anna, timeout_views.TIMEOUT_OFFER)
    await anna.press(timeout, "20 minutes")
    await tg.wait_for(lambda: "Timeout until" in timeout.text)
    await ben.wait_message("Anna asked for a pause")
    await anna.press(offer, str(support_views.BUTTON_SUPPORT))
    await anna.wait_message("Samaritans")
    assert prompt.text
    await all_fine(tg, anna, ben)


async def test_free_text_when_not_paired_offers_no_timeout(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("hello?")
    offer = await expect(anna, str(prompts_views.NOTHING_OPEN))
    assert str(prompts_views.BUTTON_TIMEOUT) not in offer.button_texts
    await anna.press_data(offer, Open("timeout").pack())  # forged: no partner to tell
    await expect(anna, texts.TOGETHER_NOT_PAIRED)
    await all_fine(tg, anna)


async def test_held_words_expire_and_a_forged_or_foreign_keep_saves_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("Only for me")
    offer = await expect(anna, str(prompts_views.NOTHING_OPEN))
    await ben.send("/help")
    helped = await ben.wait_message("What I can do")
    await ben.press_data(helped, KeepWords(1).pack())  # Anna's words: not Ben's to keep
    await expect(ben, str(prompts_views.HELD_GONE))
    await ben.press_data(helped, "kw:1:2")  # forged
    await expect(ben, texts.STALE_BUTTON)
    assert await journal(bot, ben) == []

    await bot.at(bot.clock.now() + timedelta(hours=1, minutes=1))
    assert await held(bot) == 0
    await anna.press(offer, str(prompts_views.BUTTON_KEEP_WORDS))
    await expect(anna, str(prompts_views.HELD_GONE))
    assert await journal(bot, anna) == []
    await all_fine(tg, anna, ben)


async def test_free_text_too_long_or_empty(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("x" * 3001)
    offer = await expect(anna, str(prompts_views.NOTHING_OPEN_TOO_LONG))
    assert str(prompts_views.BUTTON_KEEP_WORDS) not in offer.button_texts
    assert await held(bot) == 0
    await anna.send("\u200b")
    await expect(anna, texts.EMPTY_ANSWER)
    await all_fine(tg, anna)
