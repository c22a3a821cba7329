"""Bad input and abuse around the disclosure agreement, end to end.

Every mistake, stale button and forged callback gets a short, kind answer from texts.py (never
"Something went wrong", which means an unexpected exception), and nothing is lost or leaked:
no half-made topic, no disclosure that reaches the partner without Send, no answer swallowed
by something that has closed meanwhile.

The bot here uses a one-question library whose check-in is answered in words (so a check-in
and a disclosure can compete for the same plain message) and the real agreement topics.
Everything else is the real application; time moves only with the injected clock.
"""

import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.features.agreement import views as agreement_views
from bot.features.agreement.models import MAX_TOPIC_CHARS
from bot.features.checkin import views as checkin_views
from bot.features.disclosure import views as disclosure_views
from bot.features.disclosure.service import MAX_DISCLOSURE_CHARS, MAX_NOTE_CHARS
from bot.features.pairing import views as pairing_views
from bot.features.prompts import views as prompts_views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import (
    Bot,
    FakeClock,
    all_fine,
    couple,
    expect,
    library,
    pair,
    running_bot,
    set_up,
    words,
)
from tests.test_e2e_agreement import propose
from tests.test_e2e_disclose import agreed_couple, draft

CHECKIN_YAML = """\
prompts:
  - id: "few-words-today"
    text: "In a few words, how was today between the two of you?"
    answer: "text"
    depth: 1
"""
GRATITUDE_YAML = """\
prompts:
  - id: "one-kind-thing"
    text: "What is one kind thing your partner did today?"
    answer: "text"
    depth: 1
"""

PLAN = "Changes of plan"  # the suggested topic the helpers agree on (library id plan-changes)
CONTACT = "Contact with a certain person"
UNDO = timedelta(seconds=31)


@pytest.fixture
async def bot(tg: FakeTelegram, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Bot]:
    """A fresh bot, as in conftest, with the small library above."""
    prompts = library(tmp_path, checkin=CHECKIN_YAML, gratitude=GRATITUDE_YAML)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts) as running:
        yield running


# --- Helpers -----------------------------------------------------------------------------

ANNA, BEN, CAROL, DAN = 1001, 1002, 1003, 1004


def query(bot: Bot, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the bot's database directly (what has been committed)."""
    with closing(sqlite3.connect(bot.settings.bot_database)) as conn:
        return conn.execute(sql, params).fetchall()


def one(bot: Bot, sql: str, *params: Any) -> Any:
    rows = query(bot, sql, *params)
    assert len(rows) == 1, rows
    return rows[0][0]


def topic_states(bot: Bot) -> list[str]:
    return [status for (status,) in query(bot, "SELECT status FROM topics ORDER BY id")]


def data_of(message: SentMessage, label: str) -> str:
    """The callback data of the button with this label."""
    for row in message.buttons:
        for text, data in row:
            if text == label and data is not None:
                return data
    raise AssertionError(f"no button {label!r} on {message}")


def count(user: FakeUser, contains: str) -> int:
    return sum(contains in message.text for message in user.messages)


async def in_force(tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Anna and Ben with "Changes of plan" in force, and every message so far read."""
    anna, ben = await agreed_couple(tg)
    await anna.wait_message("Your disclosure agreement is in force")
    return anna, ben


async def pick_topic(tg: FakeTelegram, user: FakeUser, title: str = PLAN) -> SentMessage:
    """/disclose and choose a topic: the user is now writing a disclosure."""
    await user.send("/disclose")
    pick = await user.wait_message(disclosure_views.DISCLOSE_PICK)
    await user.press(pick, title)
    await tg.wait_for(lambda: "Write it now" in pick.text)
    return pick


async def write_own(tg: FakeTelegram, user: FakeUser) -> SentMessage:
    """/agreement, Propose a topic, Write my own: the next message is the topic."""
    await user.send("/agreement")
    overview = await user.wait_message("Your disclosure agreement with")
    await user.press(overview, str(agreement_views.BUTTON_PROPOSE))
    await tg.wait_for(lambda: str(agreement_views.BUTTON_OWN_TOPIC) in overview.button_texts)
    await user.press(overview, str(agreement_views.BUTTON_OWN_TOPIC))
    await tg.wait_for(lambda: "Write the topic in a few words" in overview.text)
    return overview


async def send_and_deliver(
    bot: Bot, tg: FakeTelegram, ben: FakeUser, anna: FakeUser, preview: SentMessage, text: str
) -> SentMessage:
    """Ben presses Send, the undo window passes, Anna gets the relay."""
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=UNDO.total_seconds())
    relay = await anna.wait_message("A disclosure from Ben")
    assert text in relay.text
    return relay


async def shows(tg: FakeTelegram, message: SentMessage, contains: str) -> None:
    """Wait until the message (edited in place) shows these words."""
    await tg.wait_for(lambda: contains in message.text, what=f"{contains!r} in {message}")


async def open_checkin(user: FakeUser) -> SentMessage:
    await user.send("/checkin")
    return await user.wait_message(checkin_views.CHECKIN_TITLE)


# --- The new commands before /start and when unpaired -------------------------------------

COMMANDS = ["/agreement", "/disclose", "/disclosures", "/ask"]


@pytest.mark.parametrize("command", COMMANDS)
async def test_command_before_start_asks_to_start(
    bot: Bot, tg: FakeTelegram, command: str
) -> None:
    stranger = tg.user(ANNA, "Anna")
    await stranger.send(command)
    await expect(stranger, texts.NEED_START)
    assert query(bot, "SELECT id FROM users") == []
    await all_fine(tg, stranger)


async def test_commands_and_buttons_when_unpaired_explain_pairing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(ANNA, "Anna")
    await set_up(anna)
    for command in COMMANDS:
        await anna.send(command)
        await expect(anna, texts.AGREEMENT_NOT_PAIRED)
    # Buttons kept from an earlier pairing (or forged) say the same, and change nothing.
    for data in ("ap", "ao", "ah", "an", "aw", "fa", "xs", "xn", "dl:0", "at:plan-changes"):
        await anna.press_data(anna.last_message(), data)
        await expect(anna, texts.AGREEMENT_NOT_PAIRED)
    assert one(bot, "SELECT awaiting FROM users WHERE id = ?", ANNA) is None
    assert query(bot, "SELECT id FROM topics") == []
    await anna.send("/help")
    await anna.wait_message("What I can do")
    await all_fine(tg, anna)


async def test_voice_before_start_and_with_nothing_being_written(
    bot: Bot, tg: FakeTelegram
) -> None:
    stranger = tg.user(CAROL, "Carol")
    await stranger.send_voice()
    await expect(stranger, texts.NEED_START)
    anna, ben = await couple(tg)
    await anna.send_voice()
    await expect(anna, texts.UNSUPPORTED_CONTENT)
    # Writing one's own topic takes words, not a voice note; the words still work after.
    await write_own(tg, anna)
    await anna.send_voice()
    await expect(anna, texts.UNSUPPORTED_CONTENT)
    await anna.send("Late evenings at the office")
    await anna.wait_message("For how long?")
    assert query(bot, "SELECT COUNT(*) FROM disclosures") == [(0,)]
    await all_fine(tg, anna, ben, stranger)


# --- Nothing in force yet -----------------------------------------------------------------


async def test_ask_and_disclose_with_no_topic_in_force(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/ask")
    refused = await expect(anna, disclosure_views.DISCLOSE_NOTHING_IN_FORCE)
    assert "/agreement" in refused.text
    # Accepted but not started (the private check is not answered yet): still nothing.
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, str(agreement_views.BUTTON_ACCEPT))
    await anna.wait_message("A private question")
    await ben.wait_message("A private question")
    for person in (anna, ben):
        await person.send("/ask")
        await expect(person, disclosure_views.DISCLOSE_NOT_YET)
        await person.send("/disclose")
        await expect(person, disclosure_views.DISCLOSE_NOT_YET)
        await person.send("/disclosures")
        await expect(person, disclosure_views.LOG_EMPTY)
    # "Share something" / "Nothing to share today" pressed without a check: the same answer.
    await ben.press_data(ben.last_message(), "xs")
    await expect(ben, disclosure_views.DISCLOSE_NOT_YET)
    await ben.press_data(ben.last_message(), "xn")
    await expect(ben, disclosure_views.DISCLOSE_NOT_YET)
    assert query(bot, "SELECT COUNT(*) FROM update_requests") == [(0,)]
    assert count(anna, "Anything to share today?") == 0
    assert count(ben, "Anything to share today?") == 0
    await all_fine(tg, anna, ben)


# --- Topics in the user's own words ---------------------------------------------------------


@pytest.mark.parametrize("blank", ["\u200b", "  \u200b \u2060 \ufeff  "], ids=["zwsp", "spaces"])
async def test_blank_own_topic_saves_nothing_and_a_real_one_works(
    bot: Bot, tg: FakeTelegram, blank: str
) -> None:
    anna, ben = await couple(tg)
    await write_own(tg, anna)
    await anna.send(blank)
    await expect(anna, agreement_views.TOPIC_EMPTY)
    assert query(bot, "SELECT id FROM topics") == []
    await anna.send("Messages from my ex")
    details = await anna.wait_message("For how long?")
    assert "Messages from my ex" in details.text
    await anna.press(details, "2 weeks")
    await tg.wait_for(lambda: "Proposed to Ben" in details.text)
    proposal = await ben.wait_message("Anna proposes a topic")
    assert "Messages from my ex" in proposal.text and "For 2 weeks" in proposal.text
    assert topic_states(bot) == ["proposed"]
    await all_fine(tg, anna, ben)


async def test_over_long_own_topic_saves_nothing_and_one_at_the_limit_works(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await write_own(tg, anna)
    await anna.send("x" * (MAX_TOPIC_CHARS + 1))
    answer = await expect(anna, agreement_views.too_long(MAX_TOPIC_CHARS + 1, MAX_TOPIC_CHARS))
    assert f"That's {MAX_TOPIC_CHARS + 1} characters" in answer.text
    assert f"up to {MAX_TOPIC_CHARS}" in answer.text
    assert query(bot, "SELECT id FROM topics") == []
    at_limit = ("Messages from my ex " * 10)[: MAX_TOPIC_CHARS - 1] + "!"
    await anna.send(at_limit)
    details = await anna.wait_message("For how long?")
    await anna.press(details, "1 month (suggested)")
    await tg.wait_for(lambda: "Proposed to Ben" in details.text)
    proposal = await ben.wait_message("Anna proposes a topic")
    assert at_limit in proposal.text
    assert topic_states(bot) == ["proposed"]
    await all_fine(tg, anna, ben)


async def test_html_in_an_own_topic_arrives_literally(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await write_own(tg, anna)
    title = "<b>Late</b> nights & <i>drinks"
    await anna.send(title)
    details = await anna.wait_message("For how long?")
    assert title in details.text
    await anna.press(details, "1 month (suggested)")
    await shows(tg, details, "Proposed to Ben")
    assert title in details.text
    proposal = await ben.wait_message("Anna proposes a topic")
    assert title in proposal.text
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    assert title in overview.text
    await all_fine(tg, anna, ben)


async def test_own_topic_words_expire_with_the_writing_window(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await write_own(tg, anna)
    bot.clock.advance(hours=1, minutes=1)
    await anna.send("Late nights out")
    await expect(anna, str(prompts_views.NOTHING_OPEN))
    assert query(bot, "SELECT id FROM topics") == []
    await all_fine(tg, anna, ben)


async def test_over_long_or_blank_suggested_change_keeps_the_proposal_open(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, str(agreement_views.BUTTON_SUGGEST_CHANGE))
    await tg.wait_for(lambda: "How would you put it" in proposal.text)
    await ben.send("y" * (MAX_TOPIC_CHARS + 5))
    too_long = await expect(ben, agreement_views.too_long(MAX_TOPIC_CHARS + 5, MAX_TOPIC_CHARS))
    assert f"That's {MAX_TOPIC_CHARS + 5} characters" in too_long.text
    await ben.send("\u200b")
    await expect(ben, agreement_views.TOPIC_EMPTY)
    assert topic_states(bot) == ["proposed"]
    assert count(anna, "suggests a change") == 0
    await ben.send("Changes of plan that affect the kids")
    await ben.wait_message("Sent to Anna")
    changed = await anna.wait_message("Ben suggests a change")
    assert "Changes of plan that affect the kids" in changed.text
    assert topic_states(bot) == ["changed", "proposed"]
    await all_fine(tg, anna, ben)


# --- Duplicates, own proposals, stale and forged proposal buttons ---------------------------


async def test_the_same_topic_cannot_be_proposed_twice(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    # Two pick lists open at once; the same suggestion chosen in both.
    lists = []
    for _ in range(2):
        await anna.send("/agreement")
        overview = await anna.wait_message("Your disclosure agreement with Ben")
        await anna.press(overview, str(agreement_views.BUTTON_PROPOSE))
        await shows(tg, overview, "Which topic would you like to propose?")
        lists.append(overview)
    for overview in lists:
        await anna.press(overview, PLAN)
        await shows(tg, overview, "For how long?")
    await anna.press(lists[0], "1 month (suggested)")
    await tg.wait_for(lambda: "Proposed to Ben" in lists[0].text)
    await anna.press(lists[1], "1 month (suggested)")
    refused = await expect(anna, agreement_views.TOPIC_DUPLICATE)
    assert PLAN in refused.text
    assert "For how long?" in lists[1].text  # the second list was not turned into a proposal

    # Now the suggestion is no longer offered; forged, in other words, or by Ben: refused.
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement with Ben")
    await anna.press(overview, str(agreement_views.BUTTON_PROPOSE))
    await tg.wait_for(lambda: str(agreement_views.BUTTON_OWN_TOPIC) in overview.button_texts)
    assert PLAN not in overview.button_texts
    await anna.press_data(overview, "at:plan-changes")
    await expect(anna, agreement_views.TOPIC_DUPLICATE)
    await anna.press(overview, str(agreement_views.BUTTON_OWN_TOPIC))
    await anna.send("  CHANGES   of PLAN ")
    await expect(anna, agreement_views.TOPIC_DUPLICATE)
    await ben.send("/agreement")
    bens = await ben.wait_message("Your disclosure agreement with Anna")
    await ben.press_data(bens, "at:plan-changes")
    await expect(ben, agreement_views.TOPIC_DUPLICATE)

    assert topic_states(bot).count("proposed") == 1
    assert count(ben, "Anna proposes a topic") == 1
    await all_fine(tg, anna, ben)


async def test_the_proposer_cannot_answer_their_own_proposal(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    topic_id = data_of(proposal, str(agreement_views.BUTTON_ACCEPT)).removeprefix("ta:")
    for data in (f"ta:{topic_id}", f"td:{topic_id}", f"tc:{topic_id}", f"tv:{topic_id}"):
        await anna.press_data(anna.last_message(), data)
        answer = await expect(anna, agreement_views.OWN_PROPOSAL)
        assert "Ben answers it" in answer.text
    assert topic_states(bot) == ["proposed"]
    assert one(bot, "SELECT awaiting FROM users WHERE id = ?", ANNA) is None
    assert query(bot, "SELECT COUNT(*) FROM consents") == [(0,)]
    assert count(ben, "Anna accepted") + count(anna, "A private question") == 0
    # Ben's buttons still work.
    await ben.press(proposal, str(agreement_views.BUTTON_ACCEPT))
    await anna.wait_message("Ben accepted")
    await all_fine(tg, anna, ben)


async def test_accept_twice_and_accept_after_decline_are_stale(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    accept = data_of(proposal, str(agreement_views.BUTTON_ACCEPT))
    await ben.press_data(proposal, accept)
    await ben.press_data(proposal, accept)  # a double tap, before the first edit lands
    await expect(ben, agreement_views.PROPOSAL_CLOSED)
    await tg.wait_for(lambda: "one private question" in proposal.text)
    await anna.wait_message("Ben accepted")
    await anna.wait_message("A private question")
    await ben.wait_message("A private question")

    await propose(tg, anna, CONTACT)
    second = await ben.wait_message("Anna proposes a topic")
    assert CONTACT in second.text
    declined_id = data_of(second, str(agreement_views.BUTTON_ACCEPT)).removeprefix("ta:")
    await ben.press(second, str(agreement_views.BUTTON_DECLINE))
    await shows(tg, second, "Declined")
    await anna.wait_message("Ben declined")
    # Accept on the first (already accepted) topic, and every answer on the declined one.
    for data in (accept, f"ta:{declined_id}", f"tc:{declined_id}", f"td:{declined_id}"):
        await ben.press_data(second, data)
        await expect(ben, agreement_views.PROPOSAL_CLOSED)

    assert topic_states(bot) == ["agreed", "declined"]
    assert count(anna, "Ben accepted") == 1 and count(anna, "Ben declined") == 1
    assert count(anna, "A private question") == 1 and count(ben, "A private question") == 1
    assert one(bot, "SELECT awaiting FROM users WHERE id = ?", BEN) is None
    await all_fine(tg, anna, ben)


@pytest.mark.parametrize("days", ["7", "0", "999", "31"])
async def test_a_forged_period_is_refused_and_the_real_one_still_works(
    bot: Bot, tg: FakeTelegram, days: str
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement with Ben")
    await anna.press(overview, str(agreement_views.BUTTON_PROPOSE))
    await tg.wait_for(lambda: PLAN in overview.button_texts)
    await anna.press(overview, PLAN)
    await tg.wait_for(lambda: "For how long?" in overview.text)
    topic_id = data_of(overview, "2 weeks").split(":")[1]
    await anna.press_data(overview, f"tp:{topic_id}:{days}")
    await expect(anna, texts.STALE_BUTTON)
    # Ben cannot send Anna's draft with a real period either.
    await ben.press_data(ben.last_message(), f"tp:{topic_id}:30")
    await expect(ben, texts.STALE_BUTTON)
    assert topic_states(bot) == ["draft"]
    assert count(ben, "proposes a topic") == 0
    await anna.press(overview, "3 months")
    await tg.wait_for(lambda: "Proposed to Ben" in overview.text)
    proposal = await ben.wait_message("Anna proposes a topic")
    assert "For 3 months" in proposal.text
    assert query(bot, "SELECT status, period_days FROM topics") == [("proposed", 90)]
    await all_fine(tg, anna, ben)


HUGE = "999999999999"
LONGEST = "9" * 18  # the longest id the handlers accept


async def test_forged_ids_and_unknown_topics_are_stale_and_change_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    preview = await draft(tg, ben, "Home late on Thursday")
    states = topic_states(bot)
    disclosures = query(bot, "SELECT id, status FROM disclosures")
    outbox_rows = one(bot, "SELECT COUNT(*) FROM outbox")
    stale = [
        f"ta:{HUGE}",
        f"td:{HUGE}",
        f"tc:{HUGE}",
        f"tv:{HUGE}",
        f"tw:{HUGE}",
        f"tp:{HUGE}:30",
        f"tr:{HUGE}:renew",
        f"tr:{LONGEST}:end",
        f"fc:{HUGE}:yes",
        f"fc:{LONGEST}:no",
        f"dt:{HUGE}",
        f"ds:{HUGE}",
        f"de:{LONGEST}",
        f"dc:{HUGE}",
        f"du:{HUGE}",
        f"ak:{HUGE}:thanks",
        f"ax:{HUGE}",
        "at:no-such-topic",
        "at:x",
        # Not even the shape of a button Mend makes: the catch-all answers.
        f"ta:{LONGEST}9",
        "ta:-1",
        "at:Plan-Changes",
        "at:../plan-changes",
        "tp:1:1000",
        "ak:1:love",
        "fc:1:maybe",
        "dl:-5",
        "dl:abc",
        "zz",
    ]
    for user in (anna, ben):
        for data in stale:
            await user.press_data(user.last_message(), data)
            await expect(user, texts.STALE_BUTTON)
    assert topic_states(bot) == states
    assert query(bot, "SELECT id, status FROM disclosures") == disclosures
    assert one(bot, "SELECT COUNT(*) FROM outbox") == outbox_rows
    # The real draft is untouched and still sends.
    await send_and_deliver(bot, tg, ben, anna, preview, "Home late on Thursday")
    await all_fine(tg, anna, ben)


# --- The private check ----------------------------------------------------------------------


async def test_the_private_check_answered_twice_and_forged(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    carol, dan = tg.user(CAROL, "Carol"), tg.user(DAN, "Dan")
    await set_up(carol)
    await set_up(dan)
    await pair(tg, carol, dan)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, str(agreement_views.BUTTON_ACCEPT))
    anna_q = await anna.wait_message("A private question")
    ben_q = await ben.wait_message("A private question")
    couple_id = data_of(anna_q, "Yes").split(":")[1]
    carols_couple = one(bot, "SELECT id FROM couples WHERE inviter_id = ?", CAROL)

    # Carol forges Anna's couple, and her own couple (which has no question): nothing changes.
    for data in (f"fc:{couple_id}:yes", f"fc:{couple_id}:no", f"fc:{carols_couple}:yes"):
        await carol.press_data(carol.last_message(), data)
        await expect(carol, texts.STALE_BUTTON)
    # Someone unpaired is told so.
    erin = tg.user(1005, "Erin")
    await set_up(erin)
    await erin.press_data(erin.last_message(), f"fc:{couple_id}:yes")
    await expect(erin, texts.AGREEMENT_NOT_PAIRED)
    assert query(bot, "SELECT user_id, answer FROM consents ORDER BY user_id") == [
        (ANNA, None),
        (BEN, None),
    ]

    # Anna: Yes, then Yes again (a double tap) and No: already answered, still Yes.
    await anna.press_data(anna_q, f"fc:{couple_id}:yes")
    await anna.press_data(anna_q, f"fc:{couple_id}:yes")
    await expect(anna, agreement_views.CHECK_ALREADY)
    await tg.wait_for(lambda: "once you've both said Yes" in anna_q.text)
    await anna.press_data(anna_q, f"fc:{couple_id}:no")
    await expect(anna, agreement_views.CHECK_ALREADY)
    # Ben is not sure, twice: Anna is told nothing about it, never the answer.
    await ben.press(ben_q, str(agreement_views.BUTTON_CHECK_UNSURE))
    await shows(tg, ben_q, "Some support, privately")
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    await ben.press(overview, str(agreement_views.BUTTON_ANSWER_CHECK))
    again = await ben.wait_message("A private question")
    await ben.press(again, str(agreement_views.BUTTON_CHECK_UNSURE))
    await shows(tg, again, "Some support, privately")
    assert words(agreement_views.CHECK_HESITANT) in again.text
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert count(anna, "Not now") == 0
    assert not any("not sure" in m.text.lower() for m in anna.messages)
    assert query(bot, "SELECT user_id, answer FROM consents ORDER BY user_id") == [
        (ANNA, "yes"),
        (BEN, "unsure"),
    ]
    # Ben says Yes later: it starts, once.
    await ben.press_data(ben_q, f"fc:{couple_id}:yes")
    await shows(tg, ben_q, str(agreement_views.CHECK_YES_STARTS))
    await anna.wait_message("is in force")
    await ben.press_data(ben_q, f"fc:{couple_id}:yes")
    await expect(ben, agreement_views.CHECK_ALREADY)
    assert topic_states(bot) == ["active"]
    assert count(anna, "Your disclosure agreement is in force") == 1
    assert count(carol, PLAN) == 0 and count(dan, PLAN) == 0
    await all_fine(tg, anna, ben, carol, dan, erin)


# --- Writing a disclosure: too long, blank, stickers, voice, a note -------------------------


async def test_over_long_and_blank_disclosures_save_nothing_then_a_valid_one_sends(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await pick_topic(tg, ben)
    await ben.send("z" * (MAX_DISCLOSURE_CHARS + 1))
    too_long = await expect(ben, texts.TOO_LONG)
    assert f"That's {MAX_DISCLOSURE_CHARS + 1} characters" in too_long.text
    assert f"up to {MAX_DISCLOSURE_CHARS}" in too_long.text
    assert not too_long.buttons
    await ben.send("\u200b \u200b")
    await expect(ben, texts.EMPTY_ANSWER)
    assert query(bot, "SELECT status, body FROM disclosures") == [("writing", None)]
    await ben.send("The late meeting moved to Friday")
    preview = await ben.wait_message("Your disclosure on")
    assert "The late meeting moved to Friday" in preview.text
    assert preview.button_texts == ["Send to Anna", "Edit", "Cancel"]
    await send_and_deliver(bot, tg, ben, anna, preview, "The late meeting moved to Friday")
    assert count(anna, "zzzz") == 0
    assert count(anna, "A disclosure from Ben") == 1
    await all_fine(tg, anna, ben)


async def test_sticker_and_photo_while_writing_keep_the_disclosure_open(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await pick_topic(tg, ben)
    await ben.send_sticker()
    await expect(ben, texts.UNSUPPORTED_CONTENT)
    await ben.send_photo(caption="the receipt")
    await expect(ben, texts.UNSUPPORTED_CONTENT)
    assert query(bot, "SELECT status FROM disclosures") == [("writing",)]
    await ben.send("Dinner with my sister, back by ten")
    preview = await ben.wait_message("Your disclosure on")
    assert "Dinner with my sister, back by ten" in preview.text
    assert "the receipt" not in preview.text
    assert count(anna, "A disclosure from Ben") == 0
    await all_fine(tg, anna, ben)


async def test_over_long_and_blank_acknowledgement_notes_then_a_valid_one(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    preview = await draft(tg, ben, "Working from the cafe today")
    relay = await send_and_deliver(bot, tg, ben, anna, preview, "Working from the cafe today")
    await anna.press(relay, str(disclosure_views.BUTTON_ACK_TALK))
    await anna.wait_message("Add a short note")
    await anna.send("n" * (MAX_NOTE_CHARS + 1))
    too_long = await expect(anna, texts.TOO_LONG)
    assert f"That's {MAX_NOTE_CHARS + 1} characters" in too_long.text
    assert f"up to {MAX_NOTE_CHARS}" in too_long.text
    await anna.send("\u2060")
    await expect(anna, texts.EMPTY_ANSWER)
    assert one(bot, "SELECT ack_sent_at FROM disclosures") is None
    assert count(ben, "Anna answered") == 0
    await anna.send("Can we talk tonight?")
    await anna.wait_message("Ben has been told")
    ack = await ben.wait_message("Anna answered your disclosure")
    assert str(disclosure_views.BUTTON_ACK_TALK) in ack.text and "Can we talk tonight?" in ack.text
    assert "nnnn" not in ack.text
    await all_fine(tg, anna, ben)


async def test_send_pressed_twice_and_by_the_partner_delivers_once(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    preview = await draft(tg, ben, "Seeing my old friend Sam on Saturday")
    send = data_of(preview, "Send to Anna")
    disclosure_id = send.removeprefix("ds:")
    # Anna cannot press Ben's preview buttons.
    for data in (send, f"de:{disclosure_id}", f"dc:{disclosure_id}", f"du:{disclosure_id}"):
        await anna.press_data(anna.last_message(), data)
        await expect(anna, texts.STALE_BUTTON)
    await ben.press_data(preview, send)
    await ben.press_data(preview, send)  # a double tap
    await expect(ben, disclosure_views.DISCLOSE_CLOSED)
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=UNDO.total_seconds())
    await anna.wait_message("A disclosure from Ben")
    # After delivery: Send, Edit, Cancel are closed; Undo is too late.
    for data in (send, f"de:{disclosure_id}", f"dc:{disclosure_id}"):
        await ben.press_data(preview, data)
        await expect(ben, disclosure_views.DISCLOSE_CLOSED)
    await ben.press_data(preview, f"du:{disclosure_id}")
    await expect(ben, disclosure_views.DISCLOSE_TOO_LATE)
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert count(anna, "Seeing my old friend Sam") == 1
    assert one(bot, "SELECT COUNT(*) FROM outbox WHERE kind = 'disclosure'") == 1
    await all_fine(tg, anna, ben)


async def test_a_voice_note_as_a_disclosure_reaches_the_partner_as_a_voice(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await pick_topic(tg, ben)
    await ben.send_voice(duration=7)
    preview = await ben.wait_message("Your disclosure on")
    assert "a voice note" in preview.text
    assert preview.button_texts == ["Send to Anna", "Edit", "Cancel"]
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=UNDO.total_seconds())
    relay = await anna.wait_message("A disclosure from Ben")
    assert "voice note" in relay.text and f"Topic: {PLAN}" in relay.text
    assert relay.button_texts == [
        str(disclosure_views.BUTTON_ACK_THANKS),
        str(disclosure_views.BUTTON_ACK_TALK),
        str(disclosure_views.BUTTON_ACK_TIME),
    ]
    await ben.send("/disclosures")
    log = await ben.wait_message("Your shared log")
    assert str(disclosure_views.LOG_VOICE) in log.text
    voices = tg.voices_to(anna.id)
    assert len(voices) == 1, [str(m) for m in anna.messages]
    assert voices[0].duration == 7
    assert relay.kind == "voice"
    await all_fine(tg, anna, ben)


# --- The log's pages ----------------------------------------------------------------------


async def test_the_log_pages_five_at_a_time_and_a_forged_offset_shows_the_last_page(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    for number in range(1, 8):
        preview = await draft(tg, ben, f"Disclosure number {number}.")
        await ben.press(preview, "Send to Anna")
        await shows(tg, preview, "Sending to Anna")
        bot.clock.advance(seconds=UNDO.total_seconds())
        # Relays to one chat go out a second apart: wait for each in turn, not all seven.
        await anna.wait_message("A disclosure from Ben")
    assert count(anna, "A disclosure from Ben") == 7

    def shown(page: SentMessage) -> list[int]:
        return [int(n) for n in re.findall(r"Disclosure number (\d)\.", page.text)]

    await anna.send("/disclosures")
    page = await anna.wait_message("Your shared log")
    assert "(1 to 5 of 7, newest first)" in page.text
    assert shown(page) == [7, 6, 5, 4, 3]
    assert page.button_texts == [str(texts.BUTTON_OLDER)]
    await anna.press(page, str(texts.BUTTON_OLDER))
    await tg.wait_for(lambda: "(6 to 7 of 7" in page.text)
    assert shown(page) == [2, 1]
    assert page.button_texts == [str(texts.BUTTON_NEWER)]
    await anna.press(page, str(texts.BUTTON_NEWER))
    await tg.wait_for(lambda: "(1 to 5 of 7" in page.text)
    assert shown(page) == [7, 6, 5, 4, 3]

    for offset in ("999", "999999", "7", "5"):
        await ben.send("/disclosures")
        own = await ben.wait_message("Your shared log")
        await ben.press_data(own, f"dl:{offset}")
        await shows(tg, own, "(6 to 7 of 7")
        assert shown(own) == [2, 1]
        assert own.button_texts == [str(texts.BUTTON_NEWER)]
    await all_fine(tg, anna, ben)


# --- Which of two things a plain message answers ------------------------------------------


async def test_a_newer_checkin_prompt_takes_the_text_and_the_disclosure_waits(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await pick_topic(tg, ben)
    bot.clock.advance(minutes=1)
    await open_checkin(ben)
    await ben.send("Quiet, a bit tired")
    saved = await ben.wait_message(str(checkin_views.YOU_ANSWERED).split(":")[0])
    assert "Quiet, a bit tired" in saved.text
    assert query(bot, "SELECT status, body FROM disclosures") == [("writing", None)]
    assert count(anna, "Quiet, a bit tired") == 0
    # The disclosure is still being written: the next words go there.
    await ben.send("Lunch with my manager ran long")
    preview = await ben.wait_message("Your disclosure on")
    assert "Lunch with my manager ran long" in preview.text
    await all_fine(tg, anna, ben)


async def test_a_newer_disclosure_takes_the_text_and_a_reply_goes_to_the_checkin(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    prompt = await open_checkin(ben)
    bot.clock.advance(minutes=1)
    await pick_topic(tg, ben)
    await ben.send("Called my brother about the loan")
    preview = await ben.wait_message("Your disclosure on")
    assert "Called my brother about the loan" in preview.text
    assert one(bot, "SELECT status FROM asks WHERE user_id = ?", BEN) == "open"
    # Edit: the disclosure is newer again; a reply to the prompt still answers the prompt.
    await ben.press(preview, str(disclosure_views.BUTTON_EDIT))
    await shows(tg, preview, "Send the new version")
    await ben.send("Better than yesterday", reply_to=prompt)
    saved = await ben.wait_message(str(checkin_views.YOU_ANSWERED).split(":")[0])
    assert "Better than yesterday" in saved.text
    await ben.send("Called my brother about the loan, twice")
    again = await ben.wait_message("Your disclosure on")
    assert "Called my brother about the loan, twice" in again.text
    await all_fine(tg, anna, ben)


# --- What the user was writing closed meanwhile -------------------------------------------


async def withdraw(tg: FakeTelegram, user: FakeUser, title: str) -> None:
    await user.send("/agreement")
    overview = await user.wait_message("Your disclosure agreement with")
    await user.press(overview, str(agreement_views.BUTTON_WITHDRAW))
    await tg.wait_for(lambda: title in overview.button_texts)
    await user.press(overview, title)
    await tg.wait_for(lambda: "Withdrawn" in overview.text)


async def test_suggested_words_after_the_proposal_was_withdrawn(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, str(agreement_views.BUTTON_SUGGEST_CHANGE))
    await tg.wait_for(lambda: "How would you put it" in proposal.text)
    await withdraw(tg, anna, PLAN)
    await ben.wait_message("Anna withdrew")
    await ben.send("Changes of plan on school days")
    await expect(ben, agreement_views.PROPOSAL_CLOSED)
    assert topic_states(bot) == ["withdrawn"]
    assert count(anna, "suggests a change") == 0
    # Ben's next words go to his prompts again.
    await ben.send("Changes of plan on weekends")
    await expect(ben, str(prompts_views.NOTHING_OPEN))
    await open_checkin(ben)
    await ben.send("Steady enough")
    await ben.wait_message("Saved")
    assert topic_states(bot) == ["withdrawn"]
    await all_fine(tg, anna, ben)


async def test_words_for_a_topic_withdrawn_while_writing_are_refused_clearly(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await pick_topic(tg, ben)
    await withdraw(tg, anna, PLAN)
    await ben.wait_message("Anna withdrew")
    await ben.send("Drinks after work until nine")
    refused = await expect(ben, disclosure_views.DISCLOSE_OFF_AGREEMENT)
    assert PLAN in refused.text
    assert "Send to Anna" not in refused.button_texts
    await ben.send("Drinks after work until ten")
    await expect(ben, str(prompts_views.NOTHING_OPEN))
    assert count(anna, "Drinks after work") == 0
    await all_fine(tg, anna, ben)


async def test_words_for_a_disclosure_after_unpairing_do_not_swallow_the_checkin(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await in_force(tg)
    await open_checkin(ben)
    bot.clock.advance(minutes=1)
    await pick_topic(tg, ben)
    await anna.send("/unpair")
    confirm = await anna.wait_message("End your pairing")
    await anna.press(confirm, str(pairing_views.BUTTON_UNPAIR))
    await ben.wait_message(pairing_views.PARTNER_UNPAIRED)
    await ben.send("Out with Sam tonight")
    await expect(ben, texts.AGREEMENT_NOT_PAIRED)
    # What he was writing is gone with the pairing; his next words answer his check-in.
    await ben.send("A hard day, honestly")
    saved = await ben.wait_message()
    assert "A hard day, honestly" in saved.text and "Saved" in saved.text, saved.text
    assert count(anna, "Out with Sam") == 0
    await all_fine(tg, anna, ben)
