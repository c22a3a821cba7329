"""End-to-end harness: the real Mend Application against the fake Bot API server.

Only Telegram is faked (bot/playground/telegram_server.py, real HTTP on 127.0.0.1). The database is
a real SQLite file in tmp_path, and time is moved with an injected clock, never by sleeping.
"""

import re
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.app import build_application, start_webhook
from bot.features.home import views as home_views
from bot.features.pairing import views as pairing_views
from bot.features.settings import views as settings_views
from bot.kernel.config import Settings
from bot.kernel.context import MendApplication
from bot.kernel.crypto import generate_key
from bot.kernel.feature import Feature, Job
from bot.kernel.i18n import Words, language_for, say, speaking
from bot.kernel.mend import Mend
from bot.kernel.scheduler import tick
from bot.playground.telegram_server import FakeGroup, FakeTelegram, FakeUser, SentMessage
from bot.prompts import DEFAULT_PROMPTS_DIR, TRANSLATED

# A Monday, at noon UTC (13:00 in Berlin).
START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class FakeClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, now: datetime = START) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        assert moment.tzinfo is not None
        self._now = moment.astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)


@dataclass
class Bot:
    """The running bot under test, and handles to restart it."""

    tg: FakeTelegram
    clock: FakeClock
    settings: Settings
    app: MendApplication | None = None

    @property
    def mend(self) -> Mend:
        assert self.app is not None
        return self.app.bot_data.mend

    async def start(self, *, handle_updates: bool = True) -> None:
        """Start as ``run_polling`` (or ``run_webhook``, with TELEGRAM_WEBHOOK_URL set)
        does: initialize, post_init, poll (or serve the webhook), start.

        ``handle_updates=False`` polls (so fetched updates are stored and confirmed to
        Telegram) but handles nothing: the instant between a fetch and its handling, made to
        last. A ``stop`` then is a ``kill -9`` in that instant: what was committed stays, the
        fetched updates were never handled.
        """
        app = build_application(self.settings, clock=self.clock)
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        assert app.updater is not None
        webhook = app.bot_data.webhook
        if webhook is None:
            await app.updater.start_polling(poll_interval=0, timeout=1)
        else:
            await start_webhook(app, webhook)
        if handle_updates:
            await app.start()
        self.app = app

    async def stop(self) -> None:
        """Stop as ``run_polling`` does."""
        app = self.app
        if app is None:
            return
        self.app = None
        assert app.updater is not None
        await app.updater.stop()
        if app.running:
            await app.stop()
        assert app.post_stop is not None and app.post_shutdown is not None
        await app.post_stop(app)
        await app.shutdown()
        await app.post_shutdown(app)

    async def tick(self) -> None:
        """Run the scheduler's tick now (the JobQueue runs the same function every 50 ms)."""
        await tick(self.mend)

    async def at(self, moment: datetime) -> None:
        """Move the clock to ``moment`` and let the scheduler see it, as time passing would."""
        self.clock.set(moment)
        await self.tick()

    async def restart(self) -> None:
        await self.stop()
        await self.start()


def make_settings(tg: FakeTelegram, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": tg.token,
        "telegram_api_base_url": tg.base_url,
        "telegram_api_base_file_url": tg.base_file_url,
        "bot_database": tmp_path / "mend.sqlite3",
        "bot_data_key": generate_key(),
        "tick_seconds": 0.05,
        **overrides,
    }
    return Settings(_env_file=None, **values)


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def library(tmp_path: Path, **files: str) -> Path:
    """The shipped prompt library, copied to tmp_path / "prompts", with each given file
    replaced: ``library(tmp_path, checkin=...)`` writes that text as checkin.yaml. A library
    with files of its own is an operator's, in English only (no language folders, which
    would have to match it)."""
    path = tmp_path / "prompts"
    ignore = shutil.ignore_patterns(*TRANSLATED) if files else None
    shutil.copytree(DEFAULT_PROMPTS_DIR, path, ignore=ignore)
    for name, text in files.items():
        (path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return path


@asynccontextmanager
async def running_bot(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path, **overrides: Any
) -> AsyncIterator[Bot]:
    """A started bot with the given settings overrides, stopped on the way out."""
    running = Bot(tg, clock, make_settings(tg, tmp_path, **overrides))
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def bot(tg: FakeTelegram, clock: FakeClock, tmp_path: Path) -> AsyncIterator[Bot]:
    async with running_bot(tg, clock, tmp_path) as running:
        yield running


def reads(user: FakeUser) -> str:
    """The language Mend speaks to ``user`` (from their Telegram's, until they change it)."""
    return language_for(user.language_code)


def said(language: str, sentence: Words, /, **values: object) -> str:
    """The sentence as Mend writes it in ``language``, its placeholders filled."""
    with speaking(language):
        return say(sentence).format(**values) if values else say(sentence)


def seen(language: str, sentence: Words) -> str:
    """Its longest literal stretch in ``language`` (what a test can wait for; see
    :func:`words`)."""
    with speaking(language):
        return words(sentence)


def shown(user: FakeUser, template: Words, **values: str) -> str:
    """A sentence as ``user`` reads it: with ``values``, whole; without, its longest literal
    stretch."""
    return said(reads(user), template, **values) if values else seen(reads(user), template)


async def set_up(user: FakeUser, timezone: str = "Europe/Berlin") -> None:
    """/start and a timezone, as a new user would (in their own language)."""
    await user.send("/start")
    await user.wait_message(shown(user, home_views.WELCOME))
    await user.send(f"/timezone {timezone}")
    await user.wait_message(shown(user, settings_views.TIMEZONE_SET))


async def pair(tg: FakeTelegram, inviter: FakeUser, joiner: FakeUser) -> None:
    """The whole invite flow: /pair, open the link, confirm (each in their own language)."""
    await inviter.send("/pair")
    invite = await inviter.wait_message(shown(inviter, pairing_views.INVITE))
    code = invite.text.split("?start=", 1)[1].split()[0]
    await joiner.send(f"/start {code}")
    preview = await joiner.wait_message(shown(joiner, pairing_views.INVITE_PREVIEW))
    await joiner.press(preview, shown(joiner, pairing_views.BUTTON_PAIR, name=inviter.first_name))
    paired = shown(joiner, pairing_views.PAIRED, name=inviter.first_name)
    await tg.wait_for(lambda: paired in preview.text)
    await inviter.wait_message(shown(inviter, pairing_views.PAIRED, name=joiner.first_name))


async def couple(tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Anna and Ben, both set up in Berlin and paired (Anna invited Ben)."""
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben")
    await set_up(anna)
    await set_up(ben)
    await pair(tg, anna, ben)
    return anna, ben


async def answer_checkin(
    tg: FakeTelegram, user: FakeUser, prompt: SentMessage, note: str | None = None
) -> None:
    """Answer a check-in prompt of any type: the middle of the scale, the first choice, or
    words; then the note, or No note. Returns once the answer is saved."""
    first = prompt.buttons[0][0][0]
    if first == "1" or first != "Remind me in 1 h":
        await user.press(prompt, "5" if first == "1" else first)
        await tg.wait_for(lambda: "No note" in prompt.button_texts)
        if note is None:
            await user.press(prompt, "No note")
            await tg.wait_for(lambda: "Saved" in prompt.text)
            return
    await user.send(note or "A few words", reply_to=prompt)
    await user.wait_message("Saved")


def words(template: Words) -> str:
    """The longest literal stretch of a texts.py string (between placeholders and tags), as
    the user sees it (in the language being spoken: English unless a test speaks another):
    tests follow the wording in the views instead of copying it."""
    pieces = re.split(r"\{[^}]*\}|<[^>]*>", say(template))
    longest = max((piece.strip() for piece in pieces), key=len)
    assert len(longest) >= 12, f"no distinctive words in {template!r}"
    return longest


async def expect(user: FakeUser | FakeGroup, template: Words) -> SentMessage:
    """The next message the user gets is the kind one from texts.py."""
    message = await user.wait_message()
    assert words(template) in message.text, f"expected {template!r}, got {message.text!r}"
    return message


def assert_no_errors(tg: FakeTelegram, *users: FakeUser) -> None:
    """No user saw an error, and the fake server refused nothing the bot sent."""
    for user in users:
        for message in user.messages:
            assert words(texts.SOMETHING_WRONG) not in message.text, message
            assert "Traceback" not in message.text, message
    refused = [str(call) for call in tg.calls if call.status not in (200, None)]
    refused = [call for call in refused if not call.startswith("answerCallbackQuery")]
    # Taking buttons off a message that has none left (answered there, then settled from
    # elsewhere) is a no-op Telegram refuses as "not modified"; Mend takes that as done.
    refused = [
        call
        for call in refused
        if not (call.startswith("editMessageReplyMarkup") and "not modified" in call)
    ]
    assert not refused, refused


async def all_fine(tg: FakeTelegram, *users: FakeUser) -> None:
    await tg.wait_callbacks_answered()
    assert_no_errors(tg, *users)


def replace_job(features: tuple[Feature, ...], job: Job, by: Job) -> tuple[Feature, ...]:
    """The registry with one scheduled job swapped (a crash between two steps, say)."""
    return tuple(
        replace(feature, jobs=tuple(by if each is job else each for each in feature.jobs))
        for feature in features
    )
