"""Bad input, end to end: every mistake gets a short, kind answer and changes nothing.

Each test drives the real bot through the fake Telegram server and checks three things: the
words the user sees, that nothing was lost or changed (the prompt is still open, reminders and
pairings are as they were), and that no error ("Something went wrong", a traceback) and no
unanswered button spinner reached anyone.

The bot here uses a two-question library (one 1-10 check-in, one gratitude) so a check-in is
always the scale and the tests can press numbers; everything else is the real application.
"""

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.features.checkin import views as checkin_views
from bot.features.gratitude import views as gratitude_views
from bot.features.pairing import views as pairing_views
from bot.features.prompts import views as prompts_views
from bot.features.settings import views as settings_views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import (
    Bot,
    FakeClock,
    all_fine,
    assert_no_errors,
    expect,
    library,
    pair,
    running_bot,
    set_up,
    words,
)

CHECKIN_YAML = """\
prompts:
  - id: "steady-today"
    text: "From 1 to 10, how steady did today feel? 1 is shaky, 10 is calm."
    answer: "scale"
    depth: 1
"""
GRATITUDE_YAML = """\
prompts:
  - id: "one-kind-thing"
    text: "What is one kind thing your partner did today?"
    answer: "text"
    depth: 1
"""


@pytest.fixture
async def bot(tg: FakeTelegram, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Bot]:
    """A fresh bot, as in conftest, with the small library above."""
    prompts = library(tmp_path, checkin=CHECKIN_YAML, gratitude=GRATITUDE_YAML)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts) as running:
        yield running


# --- Helpers -----------------------------------------------------------------------------

ANNA, BEN, CARL, DANA = 1001, 1002, 1003, 1004


async def paired(tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Anna and Ben, both set up in Berlin and paired."""
    anna, ben = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben")
    await set_up(anna)
    await set_up(ben)
    await pair(tg, anna, ben)
    return anna, ben


async def invite_code(user: FakeUser) -> str:
    await user.send("/pair")
    invite = await user.wait_message("Here is your invite")
    return invite.text.split("?start=", 1)[1].split()[0]


def button_id(message: SentMessage, prefix: str) -> int:
    """The id a message's button carries in its data, like 12 in sk:12."""
    data = next(d for row in message.buttons for _, d in row if d and d.startswith(prefix))
    return int(data.removeprefix(prefix))


def ask_id(prompt: SentMessage) -> int:
    """The ask id of a prompt (from its Skip today button)."""
    return button_id(prompt, "sk:")


async def open_checkin(user: FakeUser) -> SentMessage:
    await user.send("/checkin")
    return await user.wait_message(checkin_views.CHECKIN_TITLE)


async def checkin_with_note(tg: FakeTelegram, user: FakeUser, score: str, note: str) -> None:
    prompt = await open_checkin(user)
    await user.press(prompt, score)
    await tg.wait_for(lambda: "No note" in prompt.button_texts)
    await user.send(note)
    await user.wait_message("Saved")


async def open_gratitude(user: FakeUser) -> SentMessage:
    await user.send("/gratitude")
    return await user.wait_message(gratitude_views.GRATITUDE_TITLE)


def query(bot: Bot, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the bot's database directly (what has been committed)."""
    with closing(sqlite3.connect(bot.settings.bot_database)) as conn:
        return conn.execute(sql, params).fetchall()


def one(bot: Bot, sql: str, *params: Any) -> Any:
    rows = query(bot, sql, *params)
    assert len(rows) == 1, rows
    return rows[0][0]


def timezone_of(bot: Bot, user: FakeUser) -> str | None:
    zone: str | None = one(bot, "SELECT timezone FROM users WHERE id = ?", user.id)
    return zone


def active_couples(bot: Bot) -> list[tuple[Any, ...]]:
    return query(bot, "SELECT inviter_id, joiner_id FROM couples WHERE ended_at IS NULL")


# --- Unknown commands and content --------------------------------------------------------


async def test_unknown_command_points_to_help(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/frobnicate")
    await expect(anna, texts.UNKNOWN_COMMAND)
    await anna.send("/help")
    await anna.wait_message("What I can do")
    await all_fine(tg, anna)


async def test_text_with_no_open_prompt_says_nothing_is_waiting(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("hello?")
    await expect(anna, str(prompts_views.NOTHING_OPEN))
    await all_fine(tg, anna)


async def test_text_before_start_asks_to_start(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await anna.send("hello?")
    await expect(anna, texts.NEED_START)
    await all_fine(tg, anna)


SENDERS: dict[str, Callable[[FakeUser], Awaitable[int]]] = {
    "sticker": lambda user: user.send_sticker(),
    "photo": lambda user: user.send_photo(caption="for you"),
    "voice": lambda user: user.send_voice(),
}


@pytest.mark.parametrize("kind", SENDERS)
async def test_non_text_answer_asks_for_text_and_keeps_prompt_open(
    bot: Bot, tg: FakeTelegram, kind: str
) -> None:
    anna, _ = await paired(tg)
    await open_gratitude(anna)
    await SENDERS[kind](anna)
    await expect(anna, texts.UNSUPPORTED_CONTENT)
    await anna.send("You made tea without being asked.")
    preview = await anna.wait_message("You wrote")
    assert "You made tea without being asked." in preview.text
    await all_fine(tg, anna)


async def test_sticker_with_no_prompt_gets_the_same_kind_answer(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send_sticker()
    await expect(anna, texts.UNSUPPORTED_CONTENT)
    await all_fine(tg, anna)


# --- /remind ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "template", "echoed"),
    [
        ("/remind dinner 21:00", str(settings_views.REMIND_BAD_KIND), "“dinner”"),
        ("/remind checkin 25:00", str(texts.BAD_TIME), "“25:00”"),
        ("/remind checkin 9:75", str(texts.BAD_TIME), "“9:75”"),
        ("/remind checkin 24:00", str(texts.BAD_TIME), "“24:00”"),
        ("/remind checkin 21:00 someday", str(texts.BAD_DAYS), "“someday”"),
        ("/remind", str(settings_views.REMIND_USAGE), "/remind checkin 21:00"),
        ("/remind checkin", str(settings_views.REMIND_USAGE), "/remind gratitude off"),
    ],
)
async def test_bad_remind_explains_and_keeps_reminders(
    bot: Bot, tg: FakeTelegram, command: str, template: str, echoed: str
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/remind checkin 20:30 weekdays")
    await anna.wait_message("reminder is set")
    await anna.send("/reminders")
    before = (await anna.wait_message("Your reminders")).text

    await anna.send(command)
    answer = await expect(anna, template)
    assert echoed in answer.text

    await anna.send("/reminders")
    assert (await anna.wait_message("Your reminders")).text == before
    await all_fine(tg, anna)


async def test_remind_off_when_there_is_none_changes_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/remind checkin off")
    answer = await expect(anna, settings_views.REMINDER_WAS_OFF)
    assert "no check-in reminder" in answer.text
    await anna.send("/reminders")
    await expect(anna, settings_views.NO_REMINDERS)
    await all_fine(tg, anna)


# --- /timezone --------------------------------------------------------------------------


async def test_timezone_without_a_place_shows_examples(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/timezone")
    await expect(anna, settings_views.TIMEZONE_USAGE)
    await anna.send("/timezone    ")
    await expect(anna, settings_views.TIMEZONE_USAGE)
    assert timezone_of(bot, anna) == "Europe/Berlin"
    await all_fine(tg, anna)


async def test_unknown_timezone_is_named_and_nothing_changes(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/timezone Narnia")  # Atlantis is a real town, in South Africa
    answer = await expect(anna, settings_views.TIMEZONE_UNKNOWN)
    assert "“Narnia”" in answer.text
    assert timezone_of(bot, anna) == "Europe/Berlin"
    await all_fine(tg, anna)


async def test_ambiguous_timezone_offers_buttons_and_a_press_sets_it(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/timezone indiana")
    choices = await expect(anna, settings_views.TIMEZONE_PICK)
    assert "America/Indiana/Knox" in choices.button_texts
    assert timezone_of(bot, anna) == "Europe/Berlin"
    await anna.press(choices, "America/Indiana/Knox")
    await tg.wait_for(lambda: "Your timezone is now America/Indiana/Knox" in choices.text)
    assert timezone_of(bot, anna) == "America/Indiana/Knox"
    await all_fine(tg, anna)


async def test_forged_timezone_button_is_stale_and_changes_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.press_data(anna.last_message(), "tz:Not/AZone")
    await expect(anna, texts.STALE_BUTTON)
    assert timezone_of(bot, anna) == "Europe/Berlin"
    await all_fine(tg, anna)


# --- Invites and pairing ----------------------------------------------------------------


async def test_unknown_invite_code_is_not_recognised(bot: Bot, tg: FakeTelegram) -> None:
    ben = tg.user(BEN, "Ben")
    await ben.send("/start NoSuchCode123456")
    await expect(ben, pairing_views.INVITE_UNKNOWN)
    assert active_couples(bot) == []
    await all_fine(tg, ben)


async def test_expired_invite_asks_for_a_new_one(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben")
    await set_up(anna)
    code = await invite_code(anna)
    bot.clock.advance(hours=49)
    await ben.send(f"/start {code}")
    await expect(ben, pairing_views.INVITE_EXPIRED)
    assert active_couples(bot) == []
    await all_fine(tg, anna, ben)


async def test_invite_used_twice_by_the_same_partner(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben")
    await set_up(anna)
    code = await invite_code(anna)
    await ben.send(f"/start {code}")
    preview = await ben.wait_message("Anna has invited you")
    await ben.press(preview, "Pair with Anna")
    await anna.wait_message("You're paired with Ben")
    await ben.send(f"/start {code}")
    await expect(ben, pairing_views.INVITE_USED)
    assert active_couples(bot) == [(ANNA, BEN)]
    await all_fine(tg, anna, ben)


async def test_third_person_cannot_use_a_used_invite(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben, carl = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben"), tg.user(CARL, "Carl")
    await set_up(anna)
    code = await invite_code(anna)
    await ben.send(f"/start {code}")
    preview = await ben.wait_message("Anna has invited you")
    await ben.press(preview, "Pair with Anna")
    await anna.wait_message("You're paired with Ben")
    await carl.send(f"/start {code}")
    await expect(carl, pairing_views.INVITE_USED)
    assert active_couples(bot) == [(ANNA, BEN)]
    await all_fine(tg, anna, ben, carl)


async def test_own_invite_cannot_be_used(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    code = await invite_code(anna)
    await anna.send(f"/start {code}")
    await expect(anna, pairing_views.INVITE_OWN)
    assert active_couples(bot) == []
    await all_fine(tg, anna)


async def test_replaced_invite_points_to_the_newer_one(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben")
    await set_up(anna)
    old = await invite_code(anna)
    new = await invite_code(anna)
    await ben.send(f"/start {old}")
    await expect(ben, pairing_views.INVITE_REPLACED)
    await ben.send(f"/start {new}")
    await ben.wait_message("Anna has invited you")
    await all_fine(tg, anna, ben)


async def test_joiner_already_paired_is_told_and_invite_stays_valid(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await paired(tg)
    carl, dana = tg.user(CARL, "Carl"), tg.user(DANA, "Dana")
    await set_up(carl)
    code = await invite_code(carl)
    await ben.send(f"/start {code}")
    answer = await expect(ben, pairing_views.ALREADY_PAIRED)
    assert "already paired with Anna" in answer.text
    await dana.send(f"/start {code}")  # Carl's invite was not used up
    preview = await dana.wait_message("Carl has invited you")
    await dana.press(preview, "Pair with Carl")
    await tg.wait_for(lambda: "You're paired with Carl" in preview.text)
    assert sorted(active_couples(bot)) == [(ANNA, BEN), (CARL, DANA)]
    await all_fine(tg, anna, ben, carl, dana)


async def test_inviter_paired_meanwhile_makes_the_pair_button_refuse(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben, carl = tg.user(ANNA, "Anna"), tg.user(BEN, "Ben"), tg.user(CARL, "Carl")
    await set_up(anna)
    code = await invite_code(anna)
    await ben.send(f"/start {code}")
    preview = await ben.wait_message("Anna has invited you")
    await set_up(carl)
    await pair(tg, carl, anna)  # Anna joins Carl before Ben confirms
    await ben.press(preview, "Pair with Anna")
    answer = await expect(ben, pairing_views.INVITER_PAIRED)
    assert "Anna is already paired" in answer.text
    assert active_couples(bot) == [(CARL, ANNA)]
    await all_fine(tg, anna, ben, carl)


async def test_pair_while_paired_says_unpair_first(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    await anna.send("/pair")
    answer = await expect(anna, pairing_views.ALREADY_PAIRED)
    assert "already paired with Ben" in answer.text
    assert active_couples(bot) == [(ANNA, BEN)]
    await all_fine(tg, anna, ben)


async def test_unpair_when_not_paired(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send("/unpair")
    await expect(anna, pairing_views.NOT_PAIRED)
    await all_fine(tg, anna)


async def test_old_unpair_button_after_unpairing_changes_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await paired(tg)
    await anna.send("/unpair")
    first = await anna.wait_message("End your pairing with Ben?")
    await anna.send("/unpair")
    second = await anna.wait_message("End your pairing with Ben?")
    await anna.press(second, str(pairing_views.BUTTON_UNPAIR))
    await tg.wait_for(lambda: words(pairing_views.UNPAIRED) in second.text)
    await ben.wait_message(pairing_views.PARTNER_UNPAIRED)

    await anna.press(first, str(pairing_views.BUTTON_UNPAIR))
    await expect(anna, pairing_views.NOT_PAIRED)
    assert one(bot, "SELECT COUNT(*) FROM outbox WHERE kind = 'unpaired'") == 1
    assert active_couples(bot) == []
    await all_fine(tg, anna, ben)


# --- Answers that are too long, empty, or not for an open prompt -------------------------


async def test_too_long_gratitude_keeps_the_prompt_open(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    await open_gratitude(anna)
    await anna.send("x" * 1001)
    answer = await expect(anna, texts.TOO_LONG)
    assert "That's 1001 characters" in answer.text and "up to 1000" in answer.text
    assert not answer.buttons
    await anna.send("Thank you for listening tonight.")
    preview = await anna.wait_message("You wrote")
    assert "Thank you for listening tonight." in preview.text
    assert "Send to Ben" in preview.button_texts
    await all_fine(tg, anna, ben)


async def test_too_long_checkin_note_keeps_the_note_open(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    prompt = await open_checkin(anna)
    await anna.press(prompt, "6")
    await tg.wait_for(lambda: "Your answer: 6/10" in prompt.text)
    await anna.send("y" * 501)
    answer = await expect(anna, texts.TOO_LONG)
    assert "That's 501 characters" in answer.text and "up to 500" in answer.text
    await anna.send("A calmer evening.")
    saved = await anna.wait_message("Saved")
    assert "6/10 — “A calmer evening.”" in saved.text
    await all_fine(tg, anna, ben)


@pytest.mark.parametrize("blank", ["\u200b", "\u200b\u2060\ufeff"], ids=["zwsp", "invisible"])
async def test_invisible_only_answer_is_empty_and_keeps_the_prompt_open(
    bot: Bot, tg: FakeTelegram, blank: str
) -> None:
    # Telegram clients refuse whitespace-only messages; invisible characters still get through.
    anna, ben = await paired(tg)
    await open_gratitude(anna)
    await anna.send(blank)
    await expect(anna, texts.EMPTY_ANSWER)
    await anna.send("Thanks for the walk.")
    preview = await anna.wait_message("You wrote")
    assert "Thanks for the walk." in preview.text
    await all_fine(tg, anna, ben)


async def test_text_on_a_scale_question_asks_for_a_button(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    prompt = await open_checkin(anna)
    await anna.send("pretty good", reply_to=prompt)
    await expect(anna, str(prompts_views.USE_BUTTONS))
    await anna.press(prompt, "8")
    await tg.wait_for(lambda: "Your answer: 8/10" in prompt.text)
    await all_fine(tg, anna, ben)


# --- Buttons on old, foreign or forged prompts -------------------------------------------


async def test_yesterdays_checkin_button_says_the_day_has_passed(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await paired(tg)
    prompt = await open_checkin(anna)
    # Monday 13:00 in Berlin -> Tuesday 00:30 in Berlin.
    bot.clock.set(datetime(2026, 3, 2, 23, 30, tzinfo=UTC))
    await anna.press(prompt, "7")
    await expect(anna, checkin_views.CHECKIN_DAY_PASSED)
    assert one(bot, "SELECT status FROM asks WHERE id = ?", ask_id(prompt)) == "open"
    today = await open_checkin(anna)
    assert ask_id(today) != ask_id(prompt)
    await anna.press(today, "7")
    await tg.wait_for(lambda: "Your answer: 7/10" in today.text)
    await all_fine(tg, anna, ben)


async def test_reply_to_yesterdays_prompt_says_the_day_has_passed(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await paired(tg)
    prompt = await open_checkin(anna)
    await anna.press(prompt, "7")
    await tg.wait_for(lambda: "Your answer: 7/10" in prompt.text)
    bot.clock.advance(hours=12)
    await anna.send("a late note", reply_to=prompt)
    await expect(anna, checkin_views.CHECKIN_DAY_PASSED)
    await anna.send("a late note")
    await expect(anna, str(prompts_views.NOTHING_OPEN))
    await all_fine(tg, anna, ben)


async def test_pressing_the_partners_checkin_button_is_stale(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    annas_prompt = await open_checkin(anna)
    bens_prompt = await open_checkin(ben)
    await ben.press_data(bens_prompt, f"ck:{ask_id(annas_prompt)}:5")
    await expect(ben, texts.STALE_BUTTON)
    assert query(bot, "SELECT status, value FROM asks WHERE user_id = ?", ANNA) == [("open", None)]
    await anna.press(annas_prompt, "7")  # Anna's own check-in is untouched
    await tg.wait_for(lambda: "Your answer: 7/10" in annas_prompt.text)
    await all_fine(tg, anna, ben)


@pytest.mark.parametrize(
    ("data", "template"),
    [
        ("ck:999999:5", str(texts.STALE_BUTTON)),  # no such ask
        ("ck:1:99", str(texts.STALE_BUTTON)),  # her own ask, a number not on the scale
        ("nn:1", str(texts.STALE_BUTTON)),  # No note before any number
        ("gs:1", str(texts.STALE_BUTTON)),  # Send on a check-in
        ("zz:1", str(texts.STALE_BUTTON)),  # no such button at all
        ("uy:999", str(pairing_views.NOT_PAIRED)),  # unpair a couple that does not exist
        ("pj:NoSuchCode1234", str(pairing_views.INVITE_UNKNOWN)),  # join with a made-up invite
        ("pj:No/Such+Code", str(texts.STALE_BUTTON)),  # characters no invite code has
        ("pj:" + "a" * 65, str(texts.STALE_BUTTON)),  # longer than any invite code
        ("uy:" + "9" * 19, str(texts.STALE_BUTTON)),  # more digits than an id has
        ("tz:Mars/Olympus_Mons", str(texts.STALE_BUTTON)),  # no such timezone
        ("tz:Europe/Berlin;", str(texts.STALE_BUTTON)),  # not a zone name at all
    ],
)
async def test_forged_button_data_is_refused_and_changes_nothing(
    bot: Bot, tg: FakeTelegram, data: str, template: str
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    prompt = await open_checkin(anna)
    assert ask_id(prompt) == 1
    await anna.press_data(prompt, data)
    await expect(anna, template)
    assert query(bot, "SELECT status, value FROM asks") == [("open", None)]
    assert active_couples(bot) == []
    await anna.press(prompt, "4")
    await tg.wait_for(lambda: "Your answer: 4/10" in prompt.text)
    await all_fine(tg, anna)


async def test_gratitude_send_pressed_twice_sends_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    await open_gratitude(ben)
    await ben.send("Thank you for the call.")
    preview = await ben.wait_message("You wrote")
    send = f"gs:{button_id(preview, 'gs:')}"
    await ben.press_data(preview, send)
    await ben.press_data(preview, send)  # a double tap, before the first edit lands
    await expect(ben, gratitude_views.GRATITUDE_ALREADY_SENT)
    await tg.wait_for(lambda: "Sent to Anna" in preview.text)
    await anna.wait_message("A note of thanks from Ben")
    assert one(bot, "SELECT COUNT(*) FROM outbox WHERE kind = 'gratitude'") == 1
    await all_fine(tg, anna, ben)


# --- /pause -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "template"),
    [
        ("/pause", str(settings_views.PAUSE_USAGE)),
        ("/pause forever", str(texts.BAD_PAUSE)),
        ("/pause 200d", str(texts.PAUSE_TOO_LONG)),
        ("/pause until 2020-01-01", str(texts.PAUSE_IN_PAST)),
    ],
)
async def test_bad_pause_explains_and_does_not_pause(
    bot: Bot, tg: FakeTelegram, command: str, template: str
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send(command)
    await expect(anna, template)
    assert one(bot, "SELECT paused_until FROM users WHERE id = ?", ANNA) is None
    await anna.send("/resume")
    await expect(anna, settings_views.NOT_PAUSED)
    await all_fine(tg, anna)


# --- Group chats ------------------------------------------------------------------------


async def test_command_in_a_group_points_to_a_private_chat(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    family = anna.in_group(-100123, "Family")
    await family.send("/start")
    await expect(family, texts.GROUPS_NOT_SUPPORTED)
    assert one(bot, "SELECT COUNT(*) FROM users") == 0
    assert anna.messages == []
    await all_fine(tg, anna)


async def test_group_text_gets_no_reply_and_stores_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    family = anna.in_group(-100123, "Family")
    await family.send("Dinner at eight, everyone?")
    await family.send_sticker()
    # Another bot's command is not ours to answer; our own is.
    await family.send("/start@OtherBot")
    await family.send("/help@MendTestBot")  # handled in order: its reply comes last
    await expect(family, texts.GROUPS_NOT_SUPPORTED)
    assert len(family.messages) == 1
    assert one(bot, "SELECT COUNT(*) FROM users") == 0
    assert one(bot, "SELECT COUNT(*) FROM asks") == 0
    await all_fine(tg, anna)


async def test_button_in_a_group_is_answered_and_ignored(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(ANNA, "Anna")
    family = anna.in_group(-100123, "Family")
    await family.send("/start")
    notice = await expect(family, texts.GROUPS_NOT_SUPPORTED)
    await family.press_data(notice, "tz:Europe/Berlin")
    await tg.wait_callbacks_answered()
    assert one(bot, "SELECT COUNT(*) FROM users") == 0
    assert len(family.messages) == 1
    assert_no_errors(tg, anna)


# --- A partner who blocked the bot -------------------------------------------------------


async def test_gratitude_to_a_partner_who_blocked_the_bot(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await paired(tg)
    tg.block(anna.id)
    await open_gratitude(ben)
    await ben.send("Thank you for staying.")
    preview = await ben.wait_message("You wrote")
    await ben.press(preview, "Send to Anna")
    notice = await ben.wait_message("can't be reached")
    assert words(texts.PARTNER_UNREACHABLE.format(name="Anna")) in notice.text
    assert one(bot, "SELECT status FROM outbox WHERE kind = 'gratitude'") == "blocked"
    assert not any("A note of thanks" in m.text for m in anna.messages)
    await tg.wait_callbacks_answered()
    assert not any(words(texts.SOMETHING_WRONG) in m.text for m in ben.messages)


# --- HTML in names and answers -----------------------------------------------------------

EVE = "<b>Eve & co</b>"


async def test_html_in_a_first_name_arrives_literally(bot: Bot, tg: FakeTelegram) -> None:
    eve, ben = tg.user(ANNA, EVE), tg.user(BEN, "Ben")
    await eve.send("/start")
    welcome = await eve.wait_message("I'm Mend")
    assert f"Hello {EVE}." in welcome.text
    await eve.send("/timezone Berlin")
    await eve.wait_message("Your timezone is now")
    await set_up(ben)
    await pair(tg, eve, ben)  # the preview and "paired" messages name Eve literally
    prompt = await open_checkin(ben)
    assert f"{EVE} can't see yours before" in prompt.text
    await ben.send("/unpair")
    confirm = await ben.wait_message("End your pairing with")
    assert f"End your pairing with {EVE}?" in confirm.text
    await all_fine(tg, eve, ben)


async def test_html_in_answers_arrives_literally(bot: Bot, tg: FakeTelegram) -> None:
    eve, ben = tg.user(ANNA, EVE), tg.user(BEN, "Ben")
    await set_up(eve)
    await set_up(ben)
    await pair(tg, eve, ben)

    thanks = "You said <3 & meant it </i> <b"
    await open_gratitude(eve)
    await eve.send(thanks)
    preview = await eve.wait_message("You wrote")
    assert thanks in preview.text
    await eve.press(preview, "Send to Ben")
    relay = await ben.wait_message("A note of thanks from")
    assert f"A note of thanks from {EVE}" in relay.text
    assert thanks in relay.text

    note = "a < b && c > d </b>"
    await checkin_with_note(tg, eve, "3", note)
    await checkin_with_note(tg, ben, "9", note)
    reveal = await ben.wait_message("You've both checked in")
    assert f"{EVE}: 3/10 — “{note}”" in reveal.text
    await all_fine(tg, eve, ben)


@pytest.mark.parametrize(
    ("command", "echoed"),
    [
        ("/remind <b>&amp; 21:00", "“<b>&amp;”"),
        ("/remind checkin <i>9", "“<i>9”"),
        ("/timezone a<b & c", "“a<b & c”"),
        ("/pause <3 days", "“<3 days”"),
    ],
)
async def test_html_in_bad_arguments_is_echoed_literally(
    bot: Bot, tg: FakeTelegram, command: str, echoed: str
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    await anna.send(command)
    answer = await anna.wait_message()
    assert echoed in answer.text
    await all_fine(tg, anna)
