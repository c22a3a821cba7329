"""The playground in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright, against the real playground (Mend, the embedded Bot API server, the page) started
in this test's event loop on a free port, with its database in tmp_path.

Everything happens by pressing what a person sees on the page: rename a partner, set up both
phones by buttons, pair them through the invite's share button, answer a check-in on both and
see the reveal on both, send an appreciation, move the clock to the next reminder and see the
prompt arrive, open the review chart, send a voice note, use the commands menu. Texts are
found through the features' views (``words``), so wording can change without breaking this
test.

A failure saves a screenshot of the page and names its path. With ``MEND_README_SCREENSHOT=1``
the test also writes the README's picture, ``docs/playground.png``.

Without Chromium or Playwright the test is skipped, except under CI (``CI`` set), where
``.ci/run`` installs both and a skip would hide a missing install.
"""

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot import texts
from bot.features.checkin import views as checkin_views
from bot.features.gratitude import views as gratitude_views
from bot.features.pairing import views as pairing_views
from bot.playground.run import Playground, start, stop
from tests.conftest import library, words

CHROMIUM = Path(os.environ.get("MEND_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
README_SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "playground.png"
VIEWPORT = {"width": 1280, "height": 860}
WAIT_MS = 15_000  # generous: two cores shared with the rest of the suite

# Only 1-10 check-ins, so the answered day is a day on the review chart.
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

try:
    from playwright.async_api import Locator, Page, async_playwright, expect
except ImportError:  # pragma: no cover - reported by the skip below
    async_playwright = None  # type: ignore[assignment]

_missing = (
    "playwright is not installed (pip install -e '.[dev]')"
    if async_playwright is None
    else f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if not CHROMIUM.exists()
    else None
)
if _missing and not os.environ.get("CI"):
    pytest.skip(_missing, allow_module_level=True)
if async_playwright is not None:
    expect.set_options(timeout=WAIT_MS)


@pytest.fixture
async def playground(tmp_path: Path) -> AsyncIterator[Playground]:
    prompts = library(tmp_path, checkin=CHECKIN_YAML)
    running = await start(
        tmp_path / "data" / "playground.sqlite3",
        port=0,
        _env_file=None,
        prompts_dir=prompts,
        tick_seconds=0.5,
    )
    try:
        yield running
    finally:
        await stop(running)


@asynccontextmanager
async def browser_page(url: str, tmp_path: Path) -> AsyncIterator["Page"]:
    """The page open in headless Chromium; on a failure inside, a screenshot is saved and
    its path added to the error."""
    assert _missing is None, _missing
    problems: list[str] = []
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # The partners' own time zone (both set Berlin below), so the clock reads as
            # their reminders do.
            page = await browser.new_page(
                viewport=VIEWPORT, timezone_id="Europe/Berlin", locale="en-GB"
            )
            page.set_default_timeout(WAIT_MS)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on(
                "console",
                lambda message: (
                    problems.append(f"console: {message.text}")
                    if message.type == "error"
                    else None
                ),
            )
            await page.goto(url)
            try:
                yield page
            except BaseException as error:
                shot = tmp_path / "playground-failure.png"
                try:
                    await page.screenshot(path=str(shot), full_page=True)
                    error.add_note(f"screenshot of the page: {shot}")
                except Exception as failed:  # the browser itself went away
                    error.add_note(f"no screenshot: {failed}")
                if problems:
                    error.add_note("\n".join(problems))
                raise
            assert problems == []
        finally:
            await browser.close()


class Phone:
    """One phone on the page, used as a person would."""

    def __init__(self, page: "Page", phone_id: int) -> None:
        self.page = page
        self.root = page.locator(f'[data-phone="{phone_id}"]')

    @property
    def bot_messages(self) -> "Locator":
        return self.root.locator(".msg.bot")

    def titled(self, title: str) -> "Locator":
        """Mend's messages that begin with this title (case counts)."""
        starts = self.page.locator(".text", has_text=re.compile("^" + re.escape(title)))
        return self.bot_messages.filter(has=starts)

    def bot_message(self, text: str) -> "Locator":
        """The last message from Mend showing this text."""
        return self.bot_messages.filter(has_text=text).last

    async def say(self, text: str) -> None:
        """Type and send; returns once the message shows in the chat."""
        before = await self.root.locator(".msg.user").count()
        box = self.root.locator("textarea.entry")
        await box.fill(text)
        await box.press("Enter")
        await expect(self.root.locator(".msg.user")).to_have_count(before + 1)

    async def say_and_hear(self, text: str) -> "Locator":
        """Send a message and wait for Mend's first message after it; returns it."""
        before = await self.bot_messages.count()
        await self.say(text)
        reply = self.bot_messages.nth(before)
        await expect(reply).to_be_attached()
        return reply

    async def see(self, text: str) -> "Locator":
        message = self.bot_message(text)
        await expect(message).to_be_visible()
        return message

    async def pinned(self, message: "Locator") -> "Locator":
        """The same message whatever its text becomes (by its id)."""
        message_id = await message.get_attribute("data-id")
        return self.root.locator(f'.msg.bot[data-id="{message_id}"]')

    async def tap(self, button: str) -> None:
        """Press the newest button with this label in the chat (waiting for it to show)."""
        keyboards = self.root.locator(".msg.bot .keyboard")
        await keyboards.get_by_role("button", name=button, exact=True).last.click()

    async def press(self, message: "Locator", button: str) -> None:
        await message.get_by_role("button", name=button, exact=True).click()


async def answer_checkin(phone: Phone, prompt: "Locator") -> None:
    """Answer a check-in of any type: the middle of the scale, or the first choice."""
    prompt = await phone.pinned(prompt)
    keyboard = prompt.locator(".keyboard button")
    first = (await keyboard.first.inner_text()).strip()
    if first == "1":
        await phone.press(prompt, "5")
    else:
        await phone.press(prompt, first)
    await expect(
        prompt.get_by_role("button", name=str(checkin_views.BUTTON_NO_NOTE))
    ).to_be_visible()
    await phone.press(prompt, str(checkin_views.BUTTON_NO_NOTE))


async def test_two_phones_pair_check_in_thank_and_review_in_a_real_browser(
    playground: Playground, tmp_path: Path
) -> None:
    async with browser_page(playground.url, tmp_path) as page:
        anna, ben = Phone(page, 1001), Phone(page, 1002)
        await expect(page.locator("#clock-now")).not_to_have_text("…")

        # Names are editable: Anna is Maya here, and Mend knows her as Maya.
        name = anna.root.locator("input.name")
        async with page.expect_response(lambda response: response.url.endswith("/name")):
            await name.fill("Maya")
            await name.press("Enter")
        # The way in, by buttons: a timezone, a check-in time, no gratitude time for now,
        # then the invite, sent to Ben's phone with the share button.
        await anna.say_and_hear("/start")
        for button in ("Berlin", "21:00", "Not now", "Invite my partner"):
            await anna.tap(button)
        await anna.tap("Send it to my partner")
        preview = await ben.see(words(pairing_views.INVITE_PREVIEW))
        await ben.press(preview, pairing_views.BUTTON_PAIR.format(name="Maya"))
        await anna.see(pairing_views.PAIRED.format(name="Ben"))
        # Ben is led on through his own set-up in the same message.
        for button in ("Berlin", "21:00", "Not now"):
            await ben.tap(button)
        settled = ben.root.locator(".msg.bot .keyboard").get_by_role("button", name="Not now")
        await expect(settled).to_have_count(0)  # his last answer is taken, times and all

        await expect(page.locator("#clock-next")).not_to_have_text("none yet")
        await page.get_by_role("button", name="To the next reminder").click()
        for phone in (anna, ben):
            await expect(phone.titled(str(checkin_views.CHECKIN_TITLE))).to_have_count(1)

        # Both answer; the reveal shows on both phones.
        for phone in (anna, ben):
            await answer_checkin(phone, phone.titled(str(checkin_views.CHECKIN_TITLE)).last)
        for phone in (anna, ben):
            await expect(phone.titled(str(checkin_views.REVEAL_TITLE))).to_have_count(1)

        # An appreciation, sent only when Maya presses Send.
        await anna.say_and_hear("/gratitude")
        await expect(anna.titled(str(gratitude_views.GRATITUDE_TITLE))).to_have_count(1)
        await anna.say("Thank you for the tea this morning.")
        send = texts.BUTTON_SEND_TO.format(name="Ben")
        preview = anna.bot_messages.filter(has=page.get_by_role("button", name=send)).last
        await anna.press(preview, send)
        await ben.see("Thank you for the tea this morning.")

        # The next reminder: tomorrow's check-in arrives on its own when the clock moves.
        shown = [
            await phone.titled(str(checkin_views.CHECKIN_TITLE)).count() for phone in (anna, ben)
        ]
        await page.get_by_role("button", name="To the next reminder").click()
        for phone, count in zip((anna, ben), shown, strict=True):
            await expect(phone.titled(str(checkin_views.CHECKIN_TITLE))).to_have_count(count + 1)

        # The review chart, as a picture in the chat.
        await anna.say("/review")
        chart = anna.root.locator('.msg.bot[data-kind="photo"] img.photo').last
        await expect(chart).to_be_visible()
        width = await chart.evaluate("image => image.complete && image.naturalWidth")
        assert width and width > 100, width
        if os.environ.get("MEND_README_SCREENSHOT"):
            await readme_screenshot(page, anna, ben)

        # A voice note, playable; the commands menu from setMyCommands.
        await ben.root.get_by_role("button", name="Send a sample voice note").click()
        audio = ben.root.locator('.msg.user[data-kind="voice"] audio')
        await expect(audio).to_have_count(1)
        source = await audio.get_attribute("src")
        assert source is not None
        fetched = await page.evaluate(
            "url => fetch(url).then(r => [r.status, r.headers.get('content-type')])", source
        )
        assert fetched == [200, "audio/wav"], fetched
        before = await ben.bot_messages.count()
        await ben.root.get_by_role("button", name="Commands menu").click()
        await ben.root.locator(".menu").get_by_role("button", name="/help").click()
        await expect(ben.root.locator(".msg.user .text").last).to_have_text("/help")
        await expect(ben.bot_messages.nth(before)).to_be_attached()  # Mend's answer

        await assert_no_errors(page, playground)


async def readme_screenshot(page: "Page", anna: Phone, ben: Phone) -> None:
    """The README's picture: Maya's chart; Ben's reveal, thanks and next check-in."""
    for phone in (anna, ben):
        await phone.root.locator(".chat").evaluate(
            "chat => { chat.scrollTop = chat.scrollHeight; }"
        )
    await page.wait_for_timeout(400)  # the arrival animations end
    README_SCREENSHOT.parent.mkdir(exist_ok=True)
    await page.screenshot(path=str(README_SCREENSHOT))


async def assert_no_errors(page: "Page", playground: Playground) -> None:
    for phone in playground.phones:
        for entry in playground.tg.history(phone.id):
            text = entry.text if not isinstance(entry, dict) else str(entry.get("text", ""))
            assert words(texts.SOMETHING_WRONG) not in text, entry
    assert playground.tg.server_errors == []
