"""The playground's server side, without a browser: its JSON API, the live event stream, the
clock it moves, what it keeps between runs, bad input to every endpoint, and how it starts
from the command line. The playground is the real one (Mend, the embedded Bot API server,
the page's aiohttp server) on a free port of 127.0.0.1, with its database in tmp_path."""

import asyncio
import json
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientResponse, ClientSession

from bot.features.checkin import views as checkin_views
from bot.features.data import views as data_views
from bot.features.pairing import views as pairing_views
from bot.playground.clock import MovableClock
from bot.playground.page import MAX_TEXT
from bot.playground.run import Playground, forget, start, state_file_for, stop
from bot.playground.telegram_server import FakeTelegram, SentMessage
from tests.conftest import Bot, set_up, words
from tests.test_cli import clean_env, run


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "playground.sqlite3"


@pytest.fixture
async def playground(database: Path) -> AsyncIterator[Playground]:
    running = await start(database, port=0, _env_file=None, tick_seconds=0.5)
    try:
        yield running
    finally:
        await stop(running)


@pytest.fixture
async def http() -> AsyncIterator[ClientSession]:
    async with ClientSession() as session:
        yield session


async def post(
    http: ClientSession, playground: Playground, path: str, body: Any
) -> tuple[int, dict[str, Any]]:
    async with http.post(playground.url + path.lstrip("/"), json=body) as response:
        return response.status, await response.json()


async def get(http: ClientSession, playground: Playground, path: str) -> dict[str, Any]:
    async with http.get(playground.url + path.lstrip("/")) as response:
        assert response.status == 200, await response.text()
        data: dict[str, Any] = await response.json()
        return data


async def say(http: ClientSession, playground: Playground, phone: int, text: str) -> None:
    status, body = await post(http, playground, f"/api/phones/{phone}/send", {"text": text})
    assert status == 200, body


async def ask(http: ClientSession, playground: Playground, phone: int, text: str) -> SentMessage:
    """Send a message and wait for Mend's next message in that chat."""
    before = len(playground.tg.messages_to(phone))
    await say(http, playground, phone, text)
    await playground.tg.wait_for(
        lambda: len(playground.tg.messages_to(phone)) > before, 10, what=f"a reply to {text!r}"
    )
    return playground.tg.messages_to(phone)[before]


def bot_texts(playground: Playground, phone: int) -> list[str]:
    return [entry.text for entry in playground.tg.history(phone) if isinstance(entry, SentMessage)]


async def wait_text(playground: Playground, phone: int, text: object) -> SentMessage:
    text = str(text)

    def found() -> SentMessage | None:
        for entry in reversed(playground.tg.history(phone)):
            if isinstance(entry, SentMessage) and text in entry.text:
                return entry
        return None

    return await playground.tg.wait_for(found, 10, what=f"{text!r} in chat {phone}")


async def set_up_both(http: ClientSession, playground: Playground) -> None:
    for phone in (1001, 1002):
        await ask(http, playground, phone, "/start")
        await ask(http, playground, phone, "/timezone Berlin")


async def next_event(response: ClientResponse, wanted: str) -> Any:
    """The data of the next server-sent event named ``wanted`` (others are skipped)."""
    event = None
    async with asyncio.timeout(10):
        while True:
            line = (await response.content.readline()).decode().rstrip("\n")
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == wanted:
                return json.loads(line.removeprefix("data: "))


# -- live events -----------------------------------------------------------------------------


async def test_the_event_stream_starts_with_the_state_then_shows_each_change_live(
    playground: Playground, http: ClientSession
) -> None:
    async with http.get(playground.url + "api/events") as events:
        assert events.headers["Content-Type"] == "text/event-stream"
        state = await next_event(events, "state")
        assert [phone["name"] for phone in state["phones"]] == ["Anna", "Ben"]
        assert state["bot"]["username"] == playground.tg.bot_username
        assert any(command["command"] == "help" for command in state["commands"])

        await say(http, playground, 1001, "/start")
        mine = await next_event(events, "message")
        assert mine["phone"] == 1001
        assert mine["message"]["from"] == "user" and mine["message"]["text"] == "/start"
        reply = await next_event(events, "message")
        assert reply["message"]["from"] == "bot"
        assert "Mend" in reply["message"]["text"]
        assert reply["message"]["html"] is not None  # formatted text reaches the page as HTML


async def test_buttons_edits_and_replies_reach_the_page(
    playground: Playground, http: ClientSession
) -> None:
    await set_up_both(http, playground)
    await say(http, playground, 1001, "/pair")
    invite = await wait_text(playground, 1001, "?start=")
    code = invite.text.split("?start=", 1)[1].split()[0]
    await say(http, playground, 1002, f"/start {code}")
    preview = await wait_text(playground, 1002, words(pairing_views.INVITE_PREVIEW))
    state = await get(http, playground, "/api/state")
    shown = next(m for m in state["phones"][1]["messages"] if m["id"] == preview.message_id)
    labels = [[button["text"] for button in row] for row in shown["buttons"]]
    row = next(i for i, texts in enumerate(labels) if "Pair with Anna" in texts)
    column = labels[row].index("Pair with Anna")

    async with http.get(playground.url + "api/events") as events:
        await next_event(events, "state")
        status, body = await post(
            http,
            playground,
            "/api/phones/1002/press",
            {"message_id": preview.message_id, "row": row, "column": column},
        )
        assert (status, body) == (200, {"pressed": "Pair with Anna"})
        edited = await next_event(events, "message")
        assert edited["message"]["id"] == preview.message_id and edited["message"]["edited"]
    await wait_text(playground, 1001, pairing_views.PAIRED.format(name="Ben"))

    # A reply to one of Mend's messages carries it, as Telegram's reply does.
    await ask(http, playground, 1001, "/remind checkin 21:00")
    await post(http, playground, "/api/clock", {"move": "next"})
    prompt = await wait_text(playground, 1001, str(checkin_views.CHECKIN_TITLE))
    status, body = await post(
        http,
        playground,
        "/api/phones/1001/send",
        {"text": "Tired but fine", "reply_to": prompt.message_id},
    )
    assert status == 200
    state = await get(http, playground, "/api/state")
    mine = next(m for m in state["phones"][0]["messages"] if m["id"] == body["id"])
    assert mine["reply_to"]["id"] == prompt.message_id
    assert mine["reply_to"]["text"].startswith(str(checkin_views.CHECKIN_TITLE))


async def test_a_deletion_reaches_the_page_as_it_happens(
    playground: Playground, http: ClientSession
) -> None:
    welcome = await ask(http, playground, 1001, "/start")
    async with http.get(playground.url + "api/events") as events:
        await next_event(events, "state")
        # Mend deletes nothing today; a bot that does is seen at once.
        tg = playground.tg
        url = f"{tg.base_url}{tg.token}/deleteMessage"
        async with http.post(url, json={"chat_id": 1001, "message_id": welcome.message_id}) as (
            response
        ):
            assert (await response.json())["ok"] is True
        assert await next_event(events, "deleted") == {"phone": 1001, "id": welcome.message_id}
    state = await get(http, playground, "/api/state")
    assert welcome.message_id not in [m["id"] for m in state["phones"][0]["messages"]]


async def test_the_export_is_a_downloadable_file(
    playground: Playground, http: ClientSession
) -> None:
    await set_up_both(http, playground)
    await say(http, playground, 1001, "/export")
    document = await playground.tg.wait_for(
        lambda: next(iter(playground.tg.documents_to(1001)), None), 10, what="the export"
    )
    state = await get(http, playground, "/api/state")
    shown = next(m for m in state["phones"][0]["messages"] if m["kind"] == "document")
    assert shown["file"]["name"] == document.filename
    async with http.get(playground.url + shown["file"]["url"].lstrip("/")) as response:
        assert response.status == 200
        assert "attachment" in response.headers["Content-Disposition"]
        assert await response.read() == document.data
    assert document.filename is not None
    assert document.filename.startswith(str(data_views.EXPORT_FILENAME).split("{", 1)[0])


async def test_a_sample_voice_note_is_sent_and_playable(
    playground: Playground, http: ClientSession
) -> None:
    status, body = await post(http, playground, "/api/phones/1001/voice", {})
    assert status == 200
    state = await get(http, playground, "/api/state")
    voice = next(m for m in state["phones"][0]["messages"] if m["id"] == body["id"])
    assert voice["kind"] == "voice"
    async with http.get(playground.url + voice["file"]["url"].lstrip("/")) as response:
        assert response.status == 200 and response.content_type == "audio/wav"
        assert (await response.read())[:4] == b"RIFF"
    await playground.tg.wait_for(lambda: bot_texts(playground, 1001), 10, what="a reply")


# -- the clock -----------------------------------------------------------------------------


async def test_the_clock_moves_forward_and_the_tick_runs(
    playground: Playground, http: ClientSession
) -> None:
    clock = await get(http, playground, "/api/clock")
    assert clock["next"] is None
    status, body = await post(http, playground, "/api/clock", {"move": "next"})
    assert status == 409 and "Nothing is scheduled" in body["error"]

    before = datetime.fromisoformat(clock["now"])
    status, body = await post(http, playground, "/api/clock", {"move": "day"})
    assert status == 200
    moved = datetime.fromisoformat(body["now"]) - before
    assert timedelta(days=1) <= moved < timedelta(days=1, minutes=1)
    status, body = await post(http, playground, "/api/clock", {"move": "hour"})
    assert status == 200

    await set_up_both(http, playground)
    for phone in (1001, 1002):
        await ask(http, playground, phone, "/remind checkin 21:00")
    clock = await get(http, playground, "/api/clock")
    upcoming = datetime.fromisoformat(clock["next"])
    assert upcoming > datetime.fromisoformat(clock["now"])
    status, body = await post(http, playground, "/api/clock", {"move": "next"})
    assert status == 200
    assert timedelta(0) <= datetime.fromisoformat(body["now"]) - upcoming < timedelta(minutes=1)
    # The tick ran with the move: both prompts are on their way at once.
    for phone in (1001, 1002):
        await wait_text(playground, phone, str(checkin_views.CHECKIN_TITLE))
    assert datetime.fromisoformat(body["next"]) > upcoming  # the next day's, by now


@pytest.mark.parametrize(
    "body",
    [{"move": "year"}, {"move": "back"}, {"move": 3}, {}, {"move": None}, {"move": "HOUR"}],
)
async def test_a_bad_clock_move_is_refused_and_moves_nothing(
    playground: Playground, http: ClientSession, body: dict[str, Any]
) -> None:
    offset = playground.clock.offset
    status, answer = await post(http, playground, "/api/clock", body)
    assert status == 400 and "move must be one of" in answer["error"]
    assert playground.clock.offset == offset


def test_the_movable_clock_only_moves_forward() -> None:
    real = datetime(2026, 3, 2, 12, tzinfo=UTC)
    clock = MovableClock(real=lambda: real)
    assert clock.now() == real
    assert clock.advance(timedelta(hours=1)) == real + timedelta(hours=1)
    assert clock.move_to(real) == real + timedelta(hours=1)  # the past: no move
    assert clock.move_to(real + timedelta(days=2)) == real + timedelta(days=2)
    with pytest.raises(ValueError, match="forward"):
        clock.advance(timedelta(0))
    assert MovableClock(timedelta(hours=-5), real=lambda: real).now() == real


# -- bad input -------------------------------------------------------------------------------


async def test_bad_input_to_every_endpoint_gets_a_clear_refusal(
    playground: Playground, http: ClientSession
) -> None:
    refusals: list[tuple[str, Any, int]] = [
        ("/api/phones/999/send", {"text": "hello"}, 404),
        ("/api/phones/abc/voice", {}, 404),
        ("/api/phones/1001/send", {"text": ""}, 400),
        ("/api/phones/1001/send", {"text": "   \n "}, 400),
        ("/api/phones/1001/send", {"text": 42}, 400),
        ("/api/phones/1001/send", {"text": "x" * (MAX_TEXT + 1)}, 400),
        ("/api/phones/1001/send", {"text": "hi", "reply_to": 987654}, 404),
        ("/api/phones/1001/send", {"text": "hi", "reply_to": "1"}, 400),
        ("/api/phones/1001/send", ["not", "an", "object"], 400),
        ("/api/phones/1001/press", {"message_id": 987654, "row": 0, "column": 0}, 404),
        ("/api/phones/1001/press", {"message_id": 1, "row": "0", "column": 0}, 400),
        ("/api/phones/1001/press", {"message_id": True, "row": 0, "column": 0}, 400),
        ("/api/phones/1001/name", {"name": ""}, 400),
        ("/api/phones/1001/name", {"name": "n" * 65}, 400),
        ("/api/phones/1001/name", {}, 400),
    ]
    for path, body, expected in refusals:
        status, answer = await post(http, playground, path, body)
        assert (status, bool(answer.get("error"))) == (expected, True), (path, body, answer)
        assert "Traceback" not in answer["error"]
    assert playground.tg.sent_updates == []  # nothing reached Mend

    # A button that is not on the message (any more), and a message with no buttons.
    welcome = await ask(http, playground, 1001, "/start")
    status, answer = await post(
        http,
        playground,
        "/api/phones/1001/press",
        {"message_id": welcome.message_id, "row": 5, "column": 0},
    )
    assert status == 409 and answer["error"]
    # Ben cannot press Anna's message: it is not in his chat.
    status, answer = await post(
        http,
        playground,
        "/api/phones/1002/press",
        {"message_id": welcome.message_id, "row": 0, "column": 0},
    )
    assert status == 404


async def test_wrong_content_huge_bodies_foreign_hosts_and_unknown_files(
    playground: Playground, http: ClientSession
) -> None:
    url = playground.url + "api/phones/1001/send"
    async with http.post(url, data="text=hello") as response:
        assert response.status == 415
    async with http.post(url, data=b"{not json", headers={"Content-Type": "application/json"}) as (
        response
    ):
        assert response.status == 400 and "not JSON" in (await response.json())["error"]
    huge = json.dumps({"text": "x" * 200_000})
    async with http.post(url, data=huge, headers={"Content-Type": "application/json"}) as (
        response
    ):
        assert response.status == 413
    # DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing.
    async with http.get(playground.url + "api/state", headers={"Host": "evil.example"}) as (
        response
    ):
        assert response.status == 403
    async with http.get(playground.url + "api/files/FAKEFILE999999") as response:
        assert response.status == 404
    async with http.get(playground.url + "api/nothing-here") as response:
        assert response.status == 404
    assert playground.tg.sent_updates == []


async def test_a_new_name_is_what_mend_sees_next(
    playground: Playground, http: ClientSession
) -> None:
    status, body = await post(http, playground, "/api/phones/1001/name", {"name": "  Maya  "})
    assert (status, body) == (200, {"name": "Maya"})
    await say(http, playground, 1001, "/start")
    await wait_text(playground, 1001, "Maya")
    update = playground.tg.sent_updates[-1]
    assert update["message"]["from"]["first_name"] == "Maya"


# -- between runs ----------------------------------------------------------------------------


async def test_a_second_run_keeps_the_database_the_clock_and_the_names(
    database: Path, http: ClientSession
) -> None:
    first = await start(database, port=0, _env_file=None, tick_seconds=0.5)
    try:
        await post(http, first, "/api/phones/1002/name", {"name": "Sam"})
        await post(http, first, "/api/clock", {"move": "week"})
        welcome = await ask(http, first, 1001, "/start")
        last_update = first.tg.sent_updates[-1]["update_id"]
    finally:
        await stop(first)
    assert {"playground.sqlite3", "playground.sqlite3.key"} <= {
        path.name for path in database.parent.iterdir()
    }
    mode = state_file_for(database).stat().st_mode
    assert oct(mode & 0o777) == "0o600"

    second = await start(database, port=0, _env_file=None, tick_seconds=0.5)
    try:
        assert second.clock.offset >= timedelta(weeks=1)
        assert second.phones[1].first_name == "Sam"
        again = await ask(http, second, 1001, "/start")
        # Ids go on from the first run's: Mend never meets an update or message id twice.
        assert second.tg.sent_updates[-1]["update_id"] > last_update
        assert again.message_id > welcome.message_id
    finally:
        await stop(second)


def test_fresh_forgets_the_playground_and_refuses_the_real_database(tmp_path: Path) -> None:
    database = tmp_path / "playground.sqlite3"
    for path in (database, tmp_path / "playground.sqlite3.key", state_file_for(database)):
        path.write_text("x")
    assert len(forget(database)) == 3
    assert list(tmp_path.iterdir()) == []
    real = tmp_path / "mend.sqlite3"
    real.write_text("x")
    with pytest.raises(ValueError, match="real database"):
        forget(real)
    assert real.exists()


# -- from the command line -----------------------------------------------------------------


async def test_without_a_token_python_m_bot_says_so_and_starts_the_playground(
    tmp_path: Path, http: ClientSession
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=clean_env(playground_port="0"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        async with asyncio.timeout(30):
            first = (await process.stdout.readline()).decode()
            second = (await process.stdout.readline()).decode()
        assert "TELEGRAM_BOT_TOKEN" in first and ".env" in first
        url = second.split(" is at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        async with http.get(url) as response:
            assert response.status == 200
            assert "Mend playground" in await response.text()
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(30):
            code = await process.wait()
        err = (await process.stderr.read()).decode()
    assert code == 0, err
    assert "Traceback" not in err
    # Its own database and key, under data/, apart from the real one.
    assert (tmp_path / "data" / "playground.sqlite3").exists()
    assert (tmp_path / "data" / "playground.sqlite3.key").exists()
    assert not (tmp_path / "data" / "mend.sqlite3").exists()


def test_a_taken_port_is_one_clear_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("playground", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 1
    assert f"port {port}" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("setting", "value"),
    [("playground_port", "abc"), ("playground_port", "70000"), ("log_format", "xml")],
)
def test_a_bad_setting_is_one_clear_line(tmp_path: Path, setting: str, value: str) -> None:
    result = run("playground", cwd=tmp_path, env=clean_env(**{setting: value}))
    assert result.returncode == 2
    assert result.stderr.startswith(f"mend: {setting.upper()}: ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_the_real_database_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "live.sqlite3"
    env = clean_env(bot_database=str(real))
    for database in (str(real), "data/mend.sqlite3"):
        result = run("playground", "--database", database, cwd=tmp_path, env=env)
        assert result.returncode == 2
        assert "is the real database" in result.stderr and "Traceback" not in result.stderr
    assert not real.exists() and not (tmp_path / "data").exists()


# -- the kernel's answer to "when is the next thing?" ------------------------------------------


async def test_next_scheduled_is_the_earliest_reminder_or_waiting_message(
    bot: Bot, tg: FakeTelegram
) -> None:
    from zoneinfo import ZoneInfo

    from bot.kernel import outbox
    from bot.kernel.outgoing import Outgoing
    from bot.kernel.scheduler import next_scheduled

    assert await next_scheduled(bot.mend) is None
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("21:00")
    nine_pm = datetime(2026, 3, 2, 21, tzinfo=ZoneInfo("Europe/Berlin"))
    assert await next_scheduled(bot.mend) == nine_pm

    # A message waiting in the outbox for an earlier time comes first; a due one does not.
    now = bot.clock.now()
    async with bot.mend.db.transaction() as tx:
        await outbox.add(
            tx, anna.id, "test", Outgoing("Later"), now, due_at=now + timedelta(hours=2)
        )
    assert await next_scheduled(bot.mend) == now + timedelta(hours=2)
    bot.clock.set(now + timedelta(hours=2))
    assert await next_scheduled(bot.mend) == nine_pm
