"""Webhook mode end to end: the fake Bot API server POSTs updates to the real app's webhook.

Mend registers its webhook with a secret (setWebhook), serves it on 127.0.0.1 with PTB's
webhook server, stores each update in the inbox before answering 200, and refuses a request
without the secret header.
"""

import socket
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

import aiohttp

from bot.kernel.crypto import generate_key
from bot.kernel.webhook import secret_file_for
from bot.playground.telegram_server import FakeTelegram
from tests.conftest import Bot, FakeClock, all_fine, couple, make_settings, running_bot
from tests.test_cli import assert_no_secrets, clean_env, telegram_env
from tests.test_cli import run as cli_run
from tests.test_cli import running_bot as cli_bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def webhook_settings(port: int) -> dict[str, Any]:
    return {
        "telegram_webhook_url": f"http://127.0.0.1:{port}/telegram",
        "webhook_listen": "127.0.0.1",
        "webhook_port": port,
    }


def inbox_ids(database: Path) -> set[int]:
    with sqlite3.connect(database) as conn:
        return {row[0] for row in conn.execute("SELECT update_id FROM inbox")}


async def test_messages_and_buttons_arrive_through_the_webhook(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    port = free_port()
    async with running_bot(tg, clock, tmp_path, **webhook_settings(port)):
        # Registered with a secret Mend made and keeps beside the database (0600).
        secret_file = secret_file_for(tmp_path / "mend.sqlite3")
        secret = secret_file.read_text().strip()
        assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
        (registration,) = tg.calls_to("setWebhook")
        assert registration.params["url"] == f"http://127.0.0.1:{port}/telegram"
        assert registration.params["secret_token"] == secret

        anna, ben = await couple(tg)  # messages, and Ben's press of "Pair with Anna"
        await all_fine(tg, anna, ben)

    assert tg.calls_to("getUpdates") == []
    assert tg.webhook_deliveries
    assert {delivery.status for delivery in tg.webhook_deliveries} == {200}
    assert tg.pending_updates == []


async def test_a_request_without_the_secret_is_refused_and_has_no_effect(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    port = free_port()
    anna = tg.user(1001, "Anna")
    forged = {
        "update_id": 99_001,
        "message": {
            "message_id": 500,
            "from": anna.to_json(),
            "chat": {"id": anna.id, "type": "private", "first_name": "Anna"},
            "date": int(time.time()),
            "text": "/pair",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_bot(tg, clock, tmp_path, **webhook_settings(port)):
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "not-the-secret"}):
                async with session.post(url, json=forged, headers=headers) as response:
                    assert response.status == 403

        await anna.send("/start")
        await anna.wait_message("I'm Mend")
        await all_fine(tg, anna)
        assert [message.text for message in anna.messages if "invite" in message.text] == []
        assert len(anna.messages) == 1

    assert 99_001 not in inbox_ids(tmp_path / "mend.sqlite3")


async def test_an_update_is_stored_before_the_webhook_answers(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    """Telegram forgets an update once the webhook answered 200: a crash right after the 200
    (before the update was handled) still handles it after the restart."""
    port = free_port()
    database = tmp_path / "mend.sqlite3"
    anna = tg.user(1001, "Anna")
    bot = Bot(tg, clock, make_settings(tg, tmp_path, **webhook_settings(port)))
    await bot.start(handle_updates=False)
    try:
        await anna.send("/start")
        update_id = tg.sent_updates[-1]["update_id"]
        await tg.wait_for(lambda: any(d.status == 200 for d in tg.webhook_deliveries))
        assert update_id in inbox_ids(database)  # committed before the 200
        assert tg.pending_updates == []  # Telegram will not send it again
    finally:
        await bot.stop()  # the kill -9: nothing handled

    await bot.start()
    try:
        await anna.wait_message("I'm Mend")
        await all_fine(tg, anna)
        assert len(anna.messages) == 1
    finally:
        await bot.stop()


async def test_without_a_webhook_url_mend_polls_again(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    """A bot moved back from webhook to polling deletes the webhook (Telegram would refuse
    getUpdates otherwise) and gets what was sent meanwhile."""
    anna = tg.user(1001, "Anna")
    bot = Bot(tg, clock, make_settings(tg, tmp_path, **webhook_settings(free_port())))
    await bot.start()
    try:
        await anna.send("/start")
        await anna.wait_message("I'm Mend")
    finally:
        await bot.stop()
    await anna.send("/help")
    bot.settings = bot.settings.model_copy(update={"telegram_webhook_url": None})
    await bot.start()
    try:
        await anna.wait_message("/checkin")
        await all_fine(tg, anna)
    finally:
        await bot.stop()
    assert tg.calls_to("deleteWebhook")
    assert tg.calls_to("getUpdates")


# -- python -m bot, as an operator runs it -------------------------------------------------


async def test_python_m_bot_serves_the_webhook_when_a_url_is_set(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    database = tmp_path / "mend.sqlite3"
    anna = tg.user(1001, "Anna")
    env = telegram_env(
        tg,
        database,
        bot_data_key=generate_key(),
        telegram_webhook_url=f"http://127.0.0.1:{port}/hook",
        webhook_port=str(port),
    )
    async with cli_bot(env, cwd=tmp_path) as exited:
        await anna.send("/start")
        await anna.wait_message("I'm Mend")

    assert exited.code == 0, exited.err
    secret = secret_file_for(database).read_text().strip()
    assert tg.calls_to("setWebhook")[0].params["secret_token"] == secret
    assert tg.calls_to("getUpdates") == []
    assert_no_secrets(tg, exited.out, exited.err)
    assert secret not in exited.out + exited.err


def test_a_malformed_webhook_secret_is_one_clear_line(tmp_path: Path) -> None:
    bad = "has spaces and ünïcode"
    env = clean_env(
        telegram_bot_token="123:abc",
        telegram_webhook_url="https://mend.example.org/hook",
        telegram_webhook_secret=bad,
    )
    result = cli_run(cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "TELEGRAM_WEBHOOK_SECRET" in result.stderr
    assert bad not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_secret_file_is_one_clear_line(tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    secret_file_for(database).write_text("not a secret!\n")
    env = clean_env(
        telegram_bot_token="123:abc",
        bot_database=str(database),
        bot_data_key=generate_key(),
        telegram_webhook_url="https://mend.example.org/hook",
    )
    result = cli_run(cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "webhook secret" in result.stderr
    assert "Traceback" not in result.stderr
