"""The private "are you agreeing freely?" question stays private, in words and in timing.

THE test: four couples live the same script at the same moments. In each, Anna answers Yes
at once; Ben answers Yes three days later, or "I'm not sure", or No, or nothing. Everything
Anna receives (texts, buttons, edits, and the moment each came) is recorded, and must be the
same in all four cases up to the moment both said Yes; in the three cases without two Yeses it
stays the same through the week and its one neutral note.
"""

import asyncio
import re
from datetime import timedelta
from typing import Any

from bot.features.agreement import views
from bot.kernel.db import to_ts
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import START, Bot, all_fine, pair, set_up
from tests.test_e2e_agreement import propose

CASES = ("yes later", "not sure", "no", "nothing")
WATCHED = ("sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup")

Entry = tuple[str, str, Any, str, str]


async def delivered(bot: Bot) -> None:
    """Wait until the sender has delivered everything due in the outbox."""
    for _ in range(400):
        async with bot.mend.db.read() as tx:
            cursor = await tx.conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at <= ?",
                (to_ts(bot.clock.now()),),
            )
            row = await cursor.fetchone()
        if row is not None and row[0] == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the outbox was not delivered in 20 s")


class Transcripts:
    """What each watched chat received, step by step, with the clock's time of each step."""

    def __init__(self, tg: FakeTelegram, bot: Bot, chats: dict[str, int]) -> None:
        self.tg, self.bot, self.chats = tg, bot, chats
        self.seen = len(tg.calls)  # from now on: the invites differ, and are not watched
        self.of: dict[str, list[Entry]] = {case: [] for case in chats}

    async def step(self) -> None:
        """Let everything due arrive, then file the new calls under the clock's time."""
        await delivered(self.bot)
        await self.tg.wait_callbacks_answered()
        calls = self.tg.calls[self.seen :]
        self.seen = len(self.tg.calls)
        when = self.bot.clock.now().isoformat()
        for call in calls:
            if call.method not in WATCHED:
                continue
            for case, chat_id in self.chats.items():
                if call.params.get("chat_id") == chat_id:
                    markup = re.sub(r"\d+", "#", str(call.params.get("reply_markup")))
                    text = str(call.params.get("text") or call.params.get("caption"))
                    self.of[case].append(
                        (when, call.method, call.params.get("message_id"), text, markup)
                    )


async def answer(tg: FakeTelegram, user: FakeUser, question: SentMessage, label: str) -> None:
    await user.press(question, label)
    await tg.wait_for(lambda: question.edit_count > 0)


async def test_the_partner_sees_the_same_whatever_the_other_answered(
    bot: Bot, tg: FakeTelegram
) -> None:
    annas = {case: tg.user(2001 + i, "Anna") for i, case in enumerate(CASES)}
    bens = {case: tg.user(3001 + i, "Ben") for i, case in enumerate(CASES)}
    for case in CASES:
        await set_up(annas[case])
        await set_up(bens[case])
        await pair(tg, annas[case], bens[case])
    record = Transcripts(tg, bot, {case: annas[case].id for case in CASES})
    questions: dict[str, tuple[SentMessage, SentMessage]] = {}
    for case in CASES:
        await propose(tg, annas[case])
        proposal = await bens[case].wait_message("Anna proposes a topic")
        await bens[case].press(proposal, "Accept")
        questions[case] = (
            await annas[case].wait_message("A private question"),
            await bens[case].wait_message("A private question"),
        )
    await record.step()

    # Anna says Yes at once, in every case.
    for case in CASES:
        await answer(tg, annas[case], questions[case][0], "Yes")
    await record.step()

    # An hour later, Ben answers, or not.
    bot.clock.advance(hours=1)
    await answer(tg, bens["not sure"], questions["not sure"][1], "I'm not sure")
    await answer(tg, bens["no"], questions["no"][1], "No")
    await bot.tick()
    await record.step()

    # Anna looks at where things stand, that day and the next.
    for later in (timedelta(hours=1), timedelta(days=1)):
        await bot.at(bot.clock.now() + later)
        for case in CASES:
            await annas[case].send("/agreement")
            await annas[case].wait_message("Your disclosure agreement with Ben")
            await annas[case].send("/disclose")
            await annas[case].wait_message("isn't in force yet")
        await record.step()

    # Up to the moment both said Yes, Anna's four transcripts are one and the same.
    first = record.of["yes later"]
    assert len(first) >= 8
    for case in CASES[1:]:
        assert record.of[case] == first, case
    assert not any("Not now" in text or "not sure" in text.lower() for *_, text, _ in first)

    # Day three: Ben says Yes in the first case; it starts, and both are told.
    await bot.at(START + timedelta(days=3))
    await answer(tg, bens["yes later"], questions["yes later"][1], "Yes")
    await annas["yes later"].wait_message("is in force")
    await record.step()

    # The week passes; at its end, in the three other cases, both get the same note, once.
    await bot.at(START + timedelta(days=7, minutes=-1))
    await record.step()
    await bot.at(START + timedelta(days=7, minutes=1))
    await record.step()
    await bot.at(START + timedelta(days=8))
    await record.step()
    note = "About your disclosure agreement"
    for case in CASES[1:]:
        await annas[case].send("/agreement")
        await annas[case].wait_message("Your disclosure agreement with Ben")
    await record.step()
    rest = record.of["not sure"]
    for case in ("no", "nothing"):
        assert record.of[case] == rest, case
    notes = [entry for entry in rest if note in entry[3]]
    assert len(notes) == 1 and notes[0][0] == (START + timedelta(days=7, minutes=1)).isoformat()
    assert notes[0][3] == str(views.CHECK_NOT_STARTED)
    for case in CASES[1:]:
        ben_notes = [m for m in bens[case].messages if note in m.text]
        assert len(ben_notes) == 1
        assert ben_notes[0].raw_text == str(views.CHECK_NOT_STARTED)
    # Two Yeses: no note for that couple.
    assert not any(note in m.text for m in annas["yes later"].messages)
    assert not any(note in m.text for m in bens["yes later"].messages)
    await all_fine(tg, *annas.values(), *bens.values())


async def test_the_weeks_note_survives_a_restart_comes_once_and_not_after_unpairing(
    bot: Bot, tg: FakeTelegram
) -> None:
    pairs = [
        (tg.user(2001, "Anna"), tg.user(3001, "Ben")),
        (tg.user(2002, "Anna"), tg.user(3002, "Ben")),
    ]
    questions = []
    for anna, ben in pairs:
        await set_up(anna)
        await set_up(ben)
        await pair(tg, anna, ben)
        await propose(tg, anna)
        proposal = await ben.wait_message("Anna proposes a topic")
        await ben.press(proposal, "Accept")
        questions.append(await anna.wait_message("A private question"))
        await ben.wait_message("A private question")
    await answer(tg, pairs[0][0], questions[0], "Yes")
    # The second couple ends on day two: no note is due to people no longer paired.
    await bot.at(START + timedelta(days=2))
    await pairs[1][1].send("/unpair")
    confirm = await pairs[1][1].wait_message("End your pairing")
    await pairs[1][1].press(confirm, "Yes, end the pairing")
    await pairs[1][0].wait_message("pairing on Mend has ended")
    await bot.restart()
    await bot.at(START + timedelta(days=7, minutes=1))
    await delivered(bot)
    await bot.restart()
    await bot.at(START + timedelta(days=9))
    await delivered(bot)
    anna, ben = pairs[0]
    for person in (anna, ben):
        await person.send("/help")
        await person.wait_message("What I can do")
        assert sum(m.raw_text == str(views.CHECK_NOT_STARTED) for m in person.messages) == 1
    for person in pairs[1]:
        assert not any("About your disclosure agreement" in m.text for m in person.messages)
    await tg.wait_callbacks_answered()  # (the restarts drop a long poll, as a real one does)
    assert not any(
        "went wrong" in m.text for user in (*pairs[0], *pairs[1]) for m in user.messages
    )
