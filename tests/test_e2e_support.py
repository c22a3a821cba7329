"""Warm at the hard moments: /support from the library, and words that help with a Support
button where it hurts: a pairing that ended, "I need some time", a very low check-in."""

import subprocess
import sys
from pathlib import Path

from bot.features.checkin import views as checkin_views
from bot.features.disclosure import views as disclosure_views
from bot.features.pairing import views as pairing_views
from bot.features.support import views
from bot.kernel.screens import Open
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import (
    Bot,
    FakeClock,
    all_fine,
    couple,
    library,
    running_bot,
    set_up,
    words,
)
from tests.test_e2e_disclose import agreed_couple, draft

SCALE_CHECKIN = """\
prompts:
  - id: "steady-today"
    text: "From 1 to 10, how steady did today feel?"
    answer: "scale"
    depth: 1
"""


async def open_support(tg: FakeTelegram, user: FakeUser, message: SentMessage) -> SentMessage:
    """Press the Support button under ``message``; the page comes as a new message."""
    assert str(views.BUTTON_SUPPORT) in message.button_texts
    await user.press(message, str(views.BUTTON_SUPPORT))
    return await user.wait_message("Support")


async def test_support_shows_warm_words_what_to_do_and_real_helplines(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/support")  # before /start too: nothing of theirs is needed
    page = await anna.wait_message("Support")
    assert "you don't have to carry it alone" in page.text
    assert "If it's urgent" in page.text and "emergency number" in page.text
    assert "988 Suicide & Crisis Lifeline" in page.text  # escaped & shown literally
    assert "Samaritans" in page.text and "116 123" in page.text
    assert words(views.NOT_A_SERVICE) in page.text
    await set_up(anna)
    await anna.send("/support")
    assert (await anna.wait_message("Support")).text == page.text
    await all_fine(tg, anna)


async def test_support_opens_from_any_message_by_name(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/help")
    helped = await anna.wait_message("What I can do")
    assert "/support" in helped.text
    await anna.press_data(helped, Open("support").pack())
    page = await anna.wait_message("Support")
    assert "Samaritans" in page.text
    await all_fine(tg, anna)


async def test_a_library_without_a_page_still_has_support(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    own = """\
message: "You don't have to agree to anything."
resources:
  - name: "Our local line"
    detail: "Call 0000 <any time>."
"""
    prompts = library(tmp_path, support=own)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts):
        anna = tg.user(1001, "Anna")
        await anna.send("/support")
        page = await anna.wait_message("Support")
        assert words(views.FALLBACK_MESSAGE) in page.text
        assert "Our local line: Call 0000 <any time>." in page.text
        assert "Samaritans" not in page.text
        await all_fine(tg, anna)


def test_a_bad_page_is_refused_at_check_prompts(tmp_path: Path) -> None:
    bad = """\
message: "Hi."
resources:
  - name: "A"
    detail: "B"
page:
  message: "Warm words."
  lines:
    - country: "Nowhere"
      name: 42
      phone: "123"
"""
    prompts = library(tmp_path, support=bad)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check-prompts", str(prompts)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    problems = result.stderr.splitlines()
    assert any("support.yaml:6: the page is missing required key 'urgent'" in p for p in problems)
    assert any("support.yaml:10: unknown key 'phone' in a line" in p for p in problems)
    assert any("support.yaml:9: name must be a string" in p for p in problems)
    assert "Traceback" not in result.stderr


async def test_the_partner_of_an_ended_pairing_gets_kind_words_and_support(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/unpair")
    confirm = await anna.wait_message("End your pairing with")
    await anna.press(confirm, "Yes, end the pairing")
    notice = await ben.wait_message(words(pairing_views.PARTNER_UNPAIRED))
    assert "Be gentle with yourself" in notice.text
    page = await open_support(tg, ben, notice)
    assert "Samaritans" in page.text
    assert not [m for m in anna.messages if str(views.BUTTON_SUPPORT) in m.button_texts]
    await all_fine(tg, anna, ben)


async def test_i_need_some_time_reaches_the_discloser_with_support(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "I saw her at the station")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "I need some time")
    noting = await anna.wait_message("Add a short note")
    await anna.press(noting, "Send without a note")
    answered = await ben.wait_message("Anna answered your disclosure")
    assert words(disclosure_views.ACK_TIME_HELP) in answered.text
    await open_support(tg, ben, answered)

    # A thank-you carries no such words.
    second = await draft(tg, ben, "And a call tonight")
    await ben.press(second, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in second.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "Thank you for telling me")
    noting = await anna.wait_message("Add a short note")
    await anna.press(noting, "Send without a note")
    thanks = await ben.wait_message("Anna answered your disclosure")
    assert words(disclosure_views.ACK_TIME_HELP) not in thanks.text
    assert str(views.BUTTON_SUPPORT) not in thanks.button_texts
    await all_fine(tg, anna, ben)


async def test_a_very_low_checkin_says_gently_where_support_is_to_its_author_only(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    prompts = library(tmp_path, checkin=SCALE_CHECKIN)
    async with running_bot(tg, clock, tmp_path, prompts_dir=prompts):
        anna, ben = await couple(tg)
        await ben.send("/checkin")
        prompt = await ben.wait_message("Check-in")
        await ben.press(prompt, "6")
        await tg.wait_for(lambda: "No note" in prompt.button_texts)
        await ben.press(prompt, "No note")
        await tg.wait_for(lambda: "Saved" in prompt.text)
        assert words(checkin_views.HARD_DAY) not in prompt.text

        await anna.send("/checkin")
        prompt = await anna.wait_message("Check-in")
        await anna.press(prompt, "2")
        await tg.wait_for(lambda: "No note" in prompt.button_texts)
        await anna.press(prompt, "No note")
        await tg.wait_for(lambda: words(checkin_views.HARD_DAY) in prompt.text)
        await open_support(tg, anna, prompt)
        reveal = await ben.wait_message("You've both checked in")
        assert "2/10" in reveal.text  # what was agreed: the answer, nothing more
        assert words(checkin_views.HARD_DAY) not in reveal.text
        assert str(views.BUTTON_SUPPORT) not in reveal.button_texts
        await all_fine(tg, anna, ben)
