"""The weekly review, /export and /delete, end to end through the fake Bot API server.

The bot here uses a small library whose check-ins are all 1-10 scales, so every day both
answer is a point on the chart and the tests can press the numbers they want.
"""

import asyncio
import json
import re
import sqlite3
import struct
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.exceptions import InvalidTag

from bot import texts
from bot.features.data import views as data_views
from bot.features.help import COMMANDS
from bot.features.help import views as help_views
from bot.features.pairing import views as pairing_views
from bot.features.review import render_due as review_render_due
from bot.features.review import views as review_views
from bot.kernel.crypto import TextCipher, decode_key
from bot.kernel.db import to_ts
from bot.kernel.feature import commands_of
from bot.playground.telegram_server import FakeTelegram, FakeUser
from tests.conftest import Bot, FakeClock, library, pair, replace_job, running_bot, set_up
from tests.test_e2e_agreement import agree

BERLIN = ZoneInfo("Europe/Berlin")
CHECKIN_YAML = """\
prompts:
  - id: "steady-today"
    text: "From 1 to 10, how steady did today feel? 1 is shaky, 10 is calm."
    answer: "scale"
    depth: 1
  - id: "energy-tonight"
    text: "How much energy do you have left tonight? 1 is empty, 10 is plenty."
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
    prompts = library(tmp_path, checkin=CHECKIN_YAML, gratitude=GRATITUDE_YAML)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts) as running:
        yield running


def berlin(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=BERLIN)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def couple_of(
    tg: FakeTelegram, first: tuple[int, str], second: tuple[int, str]
) -> tuple[FakeUser, FakeUser]:
    """Two new users, set up in Berlin and paired (the first invited the second)."""
    one, two = tg.user(*first), tg.user(*second)
    await set_up(one)
    await set_up(two)
    await pair(tg, one, two)
    return one, two


async def check_in(tg: FakeTelegram, user: FakeUser, score: int, note: str | None = None) -> None:
    """/checkin, tap the score, then the note or No note; returns once it is saved."""
    await user.send("/checkin")
    prompt = await user.wait_message("Check-in")
    await user.press(prompt, str(score))
    await tg.wait_for(lambda: "No note" in prompt.button_texts)
    if note is None:
        await user.press(prompt, "No note")
        await tg.wait_for(lambda: "Saved" in prompt.text)
    else:
        await user.send(note)
        await user.wait_message("Saved")


async def both_check_in(
    bot: Bot, tg: FakeTelegram, pairs: list[tuple[int, int, int]], anna: FakeUser, ben: FakeUser
) -> None:
    """On each (day of March, Anna's score, Ben's score), both check in at 20:00 Berlin."""
    for day, anna_score, ben_score in pairs:
        await bot.at(berlin(day, 20))
        await check_in(tg, anna, anna_score)
        await check_in(tg, ben, ben_score)
        await anna.wait_message("You've both checked in")
        await ben.wait_message("You've both checked in")


async def send_gratitude(tg: FakeTelegram, user: FakeUser, text: str, send: bool = True) -> None:
    await user.send("/gratitude")
    await user.wait_message("Gratitude")
    await user.send(text)
    preview = await user.wait_message("You wrote")
    button = next(b for b in preview.button_texts if b.startswith("Send to")) if send else None
    await user.press(preview, button or "Keep private")
    await tg.wait_for(lambda: "Sent to" in preview.text or "Kept private" in preview.text)


async def quiet(user: FakeUser) -> None:
    """A round trip: everything the bot had queued for this user before it has been handled."""
    await user.send("/help")
    await user.wait_message("What I can do")


async def sql(bot: Bot, statement: str, *params: object, seal: str | None = None) -> None:
    """Write a row the way the promise, win and journal features store them (their own
    commands are tested with those features); ``seal`` is encrypted into the first ``?``."""
    async with bot.mend.db.transaction() as tx:
        values = ((tx.seal(seal),) if seal is not None else ()) + params
        await tx.conn.execute(statement, values)


async def couple_id(bot: Bot, user_id: int) -> int:
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute(
            "SELECT id FROM couples WHERE (inviter_id = ? OR joiner_id = ?) AND ended_at IS NULL",
            (user_id, user_id),
        )
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


def texts_in_database(bot: Bot) -> list[str]:
    """Every text and decrypted BLOB in every table of the database file."""
    key = bot.settings.bot_data_key
    assert key is not None
    cipher = TextCipher(decode_key(key.get_secret_value()))
    found: list[str] = []
    with closing(sqlite3.connect(bot.settings.bot_database)) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if isinstance(value, bytes):
                        try:
                            found.append(cipher.open(value))
                        except (InvalidTag, UnicodeDecodeError):
                            found.append(value.decode("latin-1"))  # invite code hashes
                    elif isinstance(value, str):
                        found.append(value)
    return found


def mentions(haystack: list[str], phrase: str) -> bool:
    return any(phrase in text for text in haystack)


def words_of(template: str) -> str:
    """A distinctive stretch of a texts.py string, as the user sees it."""
    pieces = re.split(r"\{[^}]*\}|<[^>]*>", template)
    return max((piece.strip() for piece in pieces), key=len)


# --- The weekly review -------------------------------------------------------------------------


async def test_weekly_review_arrives_on_time_with_its_chart(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await anna.send("/remind checkin 21:00")
    set_reply = await anna.wait_message("reminder is set")
    assert "weekly review comes on Sundays at 21:00" in set_reply.text
    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert "weekly review: 21:00, Sun. Next: Sun 8 Mar at 21:00" in listing.text

    # Mon to Sat, both check in (Wednesday's scores are equal); a few shared moments.
    days = [(2, 4, 6), (3, 5, 5), (4, 7, 7), (5, 6, 8), (6, 8, 7), (7, 9, 8)]
    await both_check_in(bot, tg, days, anna, ben)
    await send_gratitude(tg, anna, "Thank you for cooking on Tuesday")
    await send_gratitude(tg, ben, "Private thanks I kept", send=False)
    couple = await couple_id(bot, anna.id)
    settled = to_ts(berlin(7, 10))
    await sql(
        bot,
        "INSERT INTO promises (body, couple_id, author_id, status, created_at, settled_at) "
        "VALUES (?, ?, ?, 'kept', ?, ?)",
        couple,
        ben.id,
        settled,
        settled,
        seal="Call if late",
    )
    await sql(
        bot,
        "INSERT INTO wins (body, couple_id, author_id, status, created_at, shared_at) "
        "VALUES (?, ?, ?, 'shared', ?, ?)",
        couple,
        anna.id,
        settled,
        settled,
        seal="A calm Saturday walk",
    )

    await bot.at(berlin(8, 20, 59))
    await quiet(anna)
    assert tg.photos_to(anna.id) == []
    await bot.at(berlin(8, 21, 0, 1))
    photo = await anna.wait_message("Your check-in scores")
    summary = await anna.wait_message("Your week with Ben")
    assert photo.kind == "photo" and photo.file is not None
    assert "Mon 2 Mar to Sun 8 Mar" in photo.text
    width, height = png_size(photo.file.data)
    assert 600 <= width <= 2000 and 300 <= height <= 1500
    assert summary.kind == "text" and summary.message_id > photo.message_id
    for line in (
        "Mon 2 Mar to Sun 8 Mar",
        "Days you both checked in: 6",
        "Days in a row you've both checked in, up to now: 6",
        "Appreciations sent between you: 1",
        "Promises you both called kept: 1",
        "Wins shared: 1",
        "/remind review off",
    ):
        assert line in summary.text, line
    assert "Disclosures" not in summary.text and "Shared under" not in summary.text
    # Ben has no review time, so gets none; nothing is sent twice on later ticks.
    await bot.at(berlin(8, 21, 5))
    await quiet(anna)
    assert tg.photos_to(ben.id) == []
    assert len(tg.photos_to(anna.id)) == 1
    await anna.send("/reminders")
    assert "Next: Sun 15 Mar at 21:00" in (await anna.wait_message("Your reminders")).text


async def test_review_on_demand_four_weeks_and_bad_input(bot: Bot, tg: FakeTelegram) -> None:
    solo = tg.user(1003, "Carl")
    await set_up(solo)
    await solo.send("/review")
    assert words_of(str(review_views.NOT_PAIRED)) in (await solo.wait_message()).text

    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await ben.send("/review")
    nothing = await ben.wait_message()
    assert (
        # Only time since pairing (a moment ago) is looked back on.
        "nothing to look back on yet" in nothing.text and "Mon 2 Mar to Mon 2 Mar" in nothing.text
    )
    for bad, template in (
        ("banana", review_views.USAGE),
        ("4 apples", review_views.USAGE),
        ("0w", review_views.RANGE),
        ("99w", review_views.RANGE),
        ("13", review_views.RANGE),
    ):
        await ben.send(f"/review {bad}")
        refusal = await ben.wait_message()
        assert words_of(str(template)) in refusal.text, (bad, refusal.text)
        assert "/review 4w" in refusal.text
    assert tg.photos_to(ben.id) == []

    await both_check_in(bot, tg, [(2, 3, 4), (4, 6, 5)], anna, ben)
    await bot.at(berlin(20, 12))  # Friday, two weeks later
    await ben.send("/review 4w")
    photo = await ben.wait_message("Your check-in scores")
    summary = await ben.wait_message("Your time with Anna since you paired")
    assert photo.file is not None and png_size(photo.file.data)[0] >= 600
    assert "Mon 2 Mar to Fri 20 Mar" in summary.text and "Mon 2 Mar to Fri 20 Mar" in photo.text
    assert "Days you both checked in: 2" in summary.text
    assert "in a row" not in summary.text  # no streak now; nothing said about it
    await ben.send("/review")  # the last week had nothing: kind words, no empty chart
    assert "nothing to look back on yet" in (await ben.wait_message()).text
    assert len(tg.photos_to(ben.id)) == 1
    actions = [c.params.get("action") for c in tg.calls_to("sendChatAction")]
    assert "upload_photo" in actions and "upload_document" not in actions


async def test_both_see_the_same_chart_counted_together_since_they_paired(
    bot: Bot, tg: FakeTelegram
) -> None:
    # Paired on Wednesday, five days before a four-week review on Sunday.
    await bot.at(berlin(4, 9))
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await both_check_in(bot, tg, [(4, 3, 8), (5, 6, 6), (7, 9, 2)], anna, ben)
    await send_gratitude(tg, ben, "Thank you for the walk")
    await bot.at(berlin(8, 21))
    photos = []
    for person, partner in ((anna, "Ben"), (ben, "Anna")):
        await person.send("/review 4w")
        photo = await person.wait_message("Your check-in scores")
        summary = await person.wait_message(f"Your time with {partner} since you paired")
        assert "Wed 4 Mar to Sun 8 Mar" in photo.text and "Wed 4 Mar to Sun 8 Mar" in summary.text
        assert "a line joins two days only when they asked the same one" in photo.text
        # Together, never one against the other; nothing that had nothing to count.
        assert "Appreciations sent between you: 1" in summary.text
        assert "you sent" not in summary.text and "sent you" not in summary.text
        assert "Promises" not in summary.text and "Shared under" not in summary.text
        assert photo.file is not None
        photos.append(photo.file.data)
    # The same picture for both: each person keeps one colour whoever looks.
    assert photos[0] == photos[1]


async def test_review_reminder_off_stays_off_and_days_may_come_first(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/remind checkin 21:00")
    assert "weekly review" in (await anna.wait_message("reminder is set")).text
    await anna.send("/remind review off")
    assert "weekly review reminder is off" in (await anna.wait_message()).text
    await anna.send("/remind checkin 20:00")
    again = await anna.wait_message("reminder is set")
    assert "weekly review" not in again.text
    await anna.send("/reminders")
    assert "weekly review" not in (await anna.wait_message("Your reminders")).text

    await anna.send("/remind review sat 9:30 am")
    assert "weekly review reminder is set for 09:30, Sat" in (await anna.wait_message()).text
    await anna.send("/remind review sun 19:00")
    assert "set for 19:00, Sun. Next: Sun 8 Mar at 19:00" in (await anna.wait_message()).text
    await anna.send("/remind review 18:00")
    assert "set for 18:00, Sun." in (await anna.wait_message()).text
    await anna.send("/remind review someday 19:00")
    assert "couldn't read “someday” as days" in (await anna.wait_message()).text
    await anna.send("/help")
    assert "/review" in (await anna.wait_message("What I can do")).text
    await anna.send("/privacy")
    privacy = await anna.wait_message("Privacy, plainly")
    assert "/export sends you a file" in privacy.text and "/delete erases" in privacy.text
    # The commands menu holds the daily few; these are typed, and each is in a /help topic.
    handled = commands_of(bot.mend.features)
    assert {"review", "export", "delete"} <= handled
    topics = str(help_views.TOPIC_CHECKINS) + str(help_views.TOPIC_PRIVACY)
    assert all(f"/{name}" in topics for name in ("review", "export", "delete"))
    assert {name for name, _ in COMMANDS} <= handled | {"settings", "support"}
    # Unpaired: the review has no one to look back on with, so nothing is sent.
    await bot.at(berlin(8, 18, 0, 1))
    await quiet(anna)
    assert not any("Your week with" in m.text for m in anna.messages)


async def test_a_restart_between_request_and_render_delivers_exactly_once(
    bot: Bot, tg: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await anna.send("/remind review sun 19:00")
    await anna.wait_message("reminder is set")
    await both_check_in(bot, tg, [(6, 5, 6), (7, 7, 8)], anna, ben)

    async def crashed(mend: object) -> int:  # the process dies right after the tick's commit
        return 0

    async def pending_requests() -> int:
        async with bot.mend.db.read() as tx:
            cursor = await tx.conn.execute("SELECT COUNT(*) FROM review_requests")
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    render_due = review_render_due
    with monkeypatch.context() as patch:
        patch.setattr(bot.mend, "features", replace_job(bot.mend.features, render_due, crashed))
        await bot.at(berlin(8, 19, 0, 1))
        await quiet(anna)
        assert await pending_requests() == 1
        assert tg.photos_to(anna.id) == []
        await bot.stop()
    bot.clock.set(berlin(8, 19, 3))
    await bot.start()
    await anna.wait_message("Your check-in scores")
    await anna.wait_message("Your week with Ben")
    assert await pending_requests() == 0
    await bot.restart()
    await bot.at(berlin(8, 19, 10))
    await quiet(anna)
    assert len(tg.photos_to(anna.id)) == 1
    assert sum("Your week with Ben" in m.text for m in anna.messages) == 1

    # Next week, two render steps race for the same request: one review, once.
    with monkeypatch.context() as patch:
        patch.setattr(bot.mend, "features", replace_job(bot.mend.features, render_due, crashed))
        await bot.at(berlin(15, 19, 0, 1))
        assert await pending_requests() == 1
        rendered = await asyncio.gather(render_due(bot.mend), render_due(bot.mend))
        assert sorted(rendered) == [0, 1]
    quiet_week = await anna.wait_message("Your week with Ben")
    assert "A quiet stretch here" in quiet_week.text  # no check-ins that week: no chart
    await bot.at(berlin(15, 19, 5))
    await quiet(anna)
    assert len(tg.photos_to(anna.id)) == 1
    assert sum("Your week with Ben" in m.text for m in anna.messages) == 2


# --- /export -------------------------------------------------------------------------------------


async def test_export_has_my_words_and_what_was_shared_with_me_only(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    carl, dana = await couple_of(tg, (1003, "Carl"), (1004, "Dana"))
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    # Monday: both answer (revealed). Tuesday: Ben answers alone (never revealed).
    await bot.at(berlin(2, 20))
    await check_in(tg, anna, 6, "Anna's Monday note")
    await check_in(tg, ben, 7, "Ben's revealed note")
    await bot.at(berlin(3, 20))
    await check_in(tg, ben, 2, "Ben's unrevealed note")
    await send_gratitude(tg, ben, "Ben thanks Anna for the tea")
    await send_gratitude(tg, ben, "Ben's private gratitude", send=False)
    await send_gratitude(tg, anna, "Anna thanks Ben for listening")
    await check_in(tg, carl, 9, "Carl's secret note")
    await send_gratitude(tg, dana, "Dana thanks Carl")
    couple = await couple_id(bot, anna.id)
    now = to_ts(bot.clock.now())
    await sql(
        bot,
        "INSERT INTO journal (body, user_id, created_at) VALUES (?, ?, ?)",
        ben.id,
        now,
        seal="Ben's journal entry",
    )
    await sql(
        bot,
        "INSERT INTO journal (body, user_id, created_at) VALUES (?, ?, ?)",
        anna.id,
        now,
        seal="Anna's journal entry",
    )
    await sql(
        bot,
        "INSERT INTO wins (body, couple_id, author_id, status, created_at) "
        "VALUES (?, ?, ?, 'draft', ?)",
        couple,
        ben.id,
        now,
        seal="Ben's draft win",
    )
    await sql(
        bot,
        "INSERT INTO promises (body, couple_id, author_id, created_at) VALUES (?, ?, ?, ?)",
        couple,
        ben.id,
        now,
        seal="Ben promises to call",
    )

    await anna.send("/export")
    document = await anna.wait_message()
    assert document.kind == "document" and document.file is not None
    assert document.file.filename == "mend-export-2026-03-03.json"
    assert "isn't encrypted" in document.text
    raw = document.file.data.decode()
    data = json.loads(raw)
    assert data["schema_version"] == 1
    assert data["exported_at"].startswith("2026-03-03T")
    assert data["you"]["timezone"] == "Europe/Berlin"
    kinds = {r["kind"] for r in data["you"]["reminders"]}
    assert kinds == {"checkin", "review"}
    mine = data["written_by_you"]
    assert mine["checkins"][0]["note"] == "Anna's Monday note"
    assert mine["checkins"][0]["score"] == 6
    assert mine["checkins"][0]["question"].startswith(("From 1 to 10", "How much energy"))
    assert mine["gratitude"][0]["text"] == "Anna thanks Ben for listening"
    assert mine["journal"][0]["text"] == "Anna's journal entry"
    shared = data["shared_with_you"]
    assert [c["note"] for c in shared["checkins"]] == ["Ben's revealed note"]
    assert [g["text"] for g in shared["gratitude"]] == ["Ben thanks Anna for the tea"]
    assert [p["text"] for p in shared["promises"]] == ["Ben promises to call"]
    for private in (
        "Ben's unrevealed note",
        "Ben's private gratitude",
        "Ben's journal entry",
        "Ben's draft win",
        "Carl",
        "Dana",
    ):
        assert private not in raw, private


async def test_export_includes_disclosures_and_acknowledgements(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await agree(tg, anna, ben)
    await ben.send("/disclose")
    pick = await ben.wait_message("Which topic is this about?")
    await ben.press(pick, "Changes of plan")
    await tg.wait_for(lambda: "Write it now" in pick.text)
    await ben.send("Dinner with the team runs late")
    preview = await ben.wait_message("Your disclosure on")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "Thank you for telling me")
    await anna.wait_message("Add a short note")
    await anna.send("Thanks for the heads-up")
    await anna.wait_message("Ben has been told")
    await ben.wait_message("Anna answered your disclosure")

    await anna.send("/export")
    anna_file = (await anna.wait_message()).file
    await ben.send("/export")
    ben_file = (await ben.wait_message()).file
    assert anna_file is not None and ben_file is not None
    anna_data, ben_data = json.loads(anna_file.data), json.loads(ben_file.data)
    received = anna_data["shared_with_you"]["disclosures"]
    assert received[0]["text"] == "Dinner with the team runs late"
    assert received[0]["topic"] == "Changes of plan"
    assert received[0]["your_note"] == "Thanks for the heads-up"
    assert anna_data["written_by_you"]["topics_proposed"][0]["title"] == "Changes of plan"
    written = ben_data["written_by_you"]["disclosures"]
    assert written[0]["text"] == "Dinner with the team runs late"
    assert written[0]["their_note"] == "Thanks for the heads-up"
    assert ben_data["shared_with_you"]["topics_proposed_to_you"][0]["title"] == "Changes of plan"
    assert "A private question" not in json.dumps(anna_data)
    assert "consent" not in json.dumps(anna_data)


# --- /delete -------------------------------------------------------------------------------------


async def test_delete_mistyped_keeps_everything_confirmed_erases_only_mine(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple_of(tg, (1001, "Anna"), (1002, "Ben"))
    await agree(tg, anna, ben)
    await ben.send("/remind checkin 21:00")
    await ben.wait_message("reminder is set")
    await bot.at(berlin(2, 20))
    await check_in(tg, anna, 6, "Anna keeps this note")
    await check_in(tg, ben, 7, "Ben checkin words")
    await send_gratitude(tg, ben, "Ben gratitude words")
    await send_gratitude(tg, anna, "Anna gratitude words")
    await ben.send("/disclose")
    pick = await ben.wait_message("Which topic is this about?")
    await ben.press(pick, "Changes of plan")
    await tg.wait_for(lambda: "Write it now" in pick.text)
    await ben.send("Ben disclosure words")
    preview = await ben.wait_message("Your disclosure on")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "Thank you for telling me")
    await anna.wait_message("Add a short note")
    await anna.send("Anna acknowledgement words")
    await anna.wait_message("Ben has been told")
    await ben.wait_message("Anna answered your disclosure")
    couple = await couple_id(bot, ben.id)
    now = to_ts(bot.clock.now())
    for table, columns, values in (
        ("journal", "body, user_id, created_at", (ben.id, now)),
        ("wins", "body, couple_id, author_id, created_at", (couple, ben.id, now)),
        ("promises", "body, couple_id, author_id, created_at", (couple, ben.id, now)),
        ("repair_steps", "body, couple_id, author_id, position", (couple, ben.id, 1)),
    ):
        marks = ", ".join("?" * (len(values) + 1))
        await sql(
            bot,
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",
            *values,
            seal=f"Ben {table} words",
        )
    await sql(
        bot,
        "INSERT INTO journal (body, user_id, created_at) VALUES (?, ?, ?)",
        anna.id,
        now,
        seal="Anna journal words",
    )
    bens = [
        "Ben checkin words",
        "Ben gratitude words",
        "Ben disclosure words",
        "Ben journal words",
        "Ben wins words",
        "Ben promises words",
        "Ben repair_steps words",
    ]
    annas = [
        "Anna keeps this note",
        "Anna gratitude words",
        "Anna acknowledgement words",
        "Anna journal words",
    ]
    before = texts_in_database(bot)
    assert all(mentions(before, phrase) for phrase in bens + annas)

    await ben.send("/delete")
    confirm = await ben.wait_message("Delete your data?")
    assert "type DELETE" in confirm.text and "Your pairing with Anna ends too" in confirm.text
    await ben.send("delete")  # not exactly DELETE: cancelled
    assert words_of(str(data_views.DELETE_CANCELLED)) in (await ben.wait_message()).text
    await ben.send("DELETE")  # no longer waiting for it: nothing happens
    assert "Nothing was deleted" not in (await ben.wait_message()).text
    after_mistype = texts_in_database(bot)
    assert all(mentions(after_mistype, phrase) for phrase in bens + annas)
    await anna.send("/checkin")  # Anna and Ben are still paired
    assert "already checked in" in (await anna.wait_message()).text

    anna_seen = len(anna.messages)
    await ben.send("/delete")
    await ben.wait_message("Delete your data?")
    await ben.send("  DELETE ")
    done = await ben.wait_message("Everything you wrote in Mend is erased")
    assert "Anna was told only that it ended" in done.text
    ended = await anna.wait_message(pairing_views.PARTNER_UNPAIRED)
    await quiet(anna)
    told = [m.text for m in anna.messages[anna_seen:] if not m.text.startswith("What I can do")]
    assert told == [ended.text]

    after = texts_in_database(bot)
    for phrase in bens:
        assert not mentions(after, phrase), phrase
    for phrase in annas:
        assert mentions(after, phrase), phrase
    assert not mentions(after, "Ben")  # not even his first name
    with closing(sqlite3.connect(bot.settings.bot_database)) as conn:
        assert (
            conn.execute("SELECT COUNT(*) FROM reminders WHERE user_id = ?", (ben.id,)).fetchone()[
                0
            ]
            == 0
        )
        assert (
            conn.execute("SELECT timezone FROM users WHERE id = ?", (ben.id,)).fetchone()[0]
            is None
        )
    # What Anna already received stays in her chat; her own export still has her words.
    assert any("Ben disclosure words" in m.text for m in anna.messages)
    await anna.send("/export")
    exported = (await anna.wait_message()).file
    assert exported is not None
    assert "Anna acknowledgement words" in exported.data.decode()
    assert "Ben disclosure words" not in exported.data.decode()
    await ben.send("/checkin")
    assert words_of(str(texts.NEED_TIMEZONE)) in (await ben.wait_message()).text
