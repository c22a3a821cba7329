"""The way in, end to end: /start leads through set-up by buttons and plain answers, the
home screen (/start once set up, /menu), /help's topics, the short commands menu and what
the empty chat says."""

import logging
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest

from bot import texts
from bot.features.agreement import views as agreement_views
from bot.features.help import views as help_views
from bot.features.home import views as home_views
from bot.features.home.buttons import OtherTime, PickTime, PickZone, SkipStep, TypeZone
from bot.features.home.models import Step
from bot.features.prompts import views as prompts_views
from bot.features.settings import find_timezones
from bot.kernel.feature import Feature, commands_of
from bot.kernel.i18n import LANGUAGES, SOURCE, speaking, telegram_code
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing, link
from bot.kernel.screens import Open
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import (
    Bot,
    FakeClock,
    all_fine,
    couple,
    expect,
    pair,
    running_bot,
    set_up,
    words,
)
from tests.test_e2e_agreement import propose

BERLIN_21 = datetime(2026, 3, 2, 20, 0, 5, tzinfo=UTC)  # 21:00 in Berlin, the first day


class Taps:
    """Counts what a person taps: buttons pressed, and links opened."""

    def __init__(self, tg: FakeTelegram, user: FakeUser) -> None:
        self.tg, self.user, self.count = tg, user, 0

    async def press(self, message: SentMessage, label: str, then: str) -> None:
        """Press a button, and wait until the message (edited in place) shows ``then``."""
        self.count += 1
        await self.user.press(message, label)
        await self.tg.wait_for(lambda: then in message.text, what=f"{then!r} after {label!r}")

    def open_link(self, message: SentMessage, label: str) -> str:
        """Tap a link button: the client opens it (Telegram's share sheet); Mend hears nothing."""
        self.count += 1
        return message.links[label]


def typed_by(tg: FakeTelegram, user: FakeUser) -> list[str]:
    """Every text the person typed."""
    return [
        update["message"]["text"]
        for update in tg.sent_updates
        if "message" in update
        and update["message"]["from"]["id"] == user.id
        and "text" in update["message"]
    ]


async def test_from_start_to_a_check_in_and_a_shared_invite_in_five_taps(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna", language_code="en-DE")  # English, living in Germany
    taps = Taps(tg, anna)
    await anna.send("/start")
    setup = await anna.wait_message("I'm Mend")
    assert "Nothing reaches your partner unless you decide" in setup.text
    assert setup.button_texts[0] == "Berlin"  # guessed from the region Telegram reports
    assert "Type my city" in setup.button_texts

    await taps.press(setup, "Berlin", "Your timezone is Europe/Berlin")
    assert words(home_views.ASK_CHECKIN) in setup.text
    await taps.press(setup, "21:00", "I'll ask your check-in every day at 21:00")
    assert "The first comes today at 21:00" in setup.text
    assert "On Sundays at 21:00" in setup.text  # the weekly review comes with it, and says so
    await taps.press(setup, "08:00", "I'll ask for gratitude every day at 08:00")
    await taps.press(setup, "Invite my partner", "Here is your invite")

    share = urlparse(taps.open_link(setup, "Send it to my partner"))
    assert (share.scheme, share.netloc, share.path) == ("https", "t.me", "/share/url")
    query = parse_qs(share.query)
    invite_link = query["url"][0]
    code = invite_link.split("?start=", 1)[1]
    assert invite_link == f"https://t.me/MendTestBot?start={code}"
    assert query["text"][0].strip()  # a short warm line comes with it
    assert f"/start {code}" in setup.text  # and the bare code
    with pytest.raises(AssertionError, match="opens a link"):
        await anna.press(setup, "Send it to my partner")  # a client opens it instead

    assert taps.count == 5  # at most six, as promised; the README says five
    assert typed_by(tg, anna) == ["/start"]  # and no typed command but the way in

    # The check-in comes at 21:00 Berlin time.
    await bot.at(BERLIN_21)
    await anna.wait_message("Check-in")
    await all_fine(tg, anna)


async def test_an_invited_partner_pairs_first_then_sets_up(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben", language_code="en-US")
    await set_up(anna, "Europe/Lisbon")
    await anna.send("/pair")
    invite = await anna.wait_message("Here is your invite")
    assert "Send it to my partner" in invite.links  # /pair has the share button too
    code = invite.text.split("?start=", 1)[1].split()[0]

    taps = Taps(tg, ben)
    await ben.send(f"/start {code}")
    preview = await ben.wait_message("Anna has invited you")
    await taps.press(preview, "Pair with Anna", "You're paired with Anna")
    await anna.wait_message("You're paired with Ben")
    # Led on through set-up, in the same message; the partner's zone is offered first.
    assert words(home_views.ASK_ZONE) in preview.text
    assert preview.button_texts[0] == "Lisbon"
    await taps.press(preview, "Type my city", "Type the city you live in")
    await ben.send("New York")
    await ben.wait_message("Your timezone is America/New_York")
    preview = ben.last_message()
    await taps.press(preview, "Another time", "Type the time")
    await ben.send("9pm")
    done = await ben.wait_message("I'll ask your check-in every day at 21:00")
    await taps.press(done, "Not now", "No gratitude time for now")
    # Paired already: no invite step; home instead.
    assert "You and Anna are paired" in done.text
    assert "Invite my partner" not in done.button_texts
    assert taps.count <= 6
    await all_fine(tg, anna, ben)


async def awaiting(bot: Bot, user: FakeUser) -> str | None:
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute("SELECT awaiting FROM users WHERE id = ?", (user.id,))
        row = await cursor.fetchone()
    return None if row is None else row[0]


async def test_a_typed_place_answers_the_timezone_question(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message("I'm Mend")

    await anna.send("Xqzvvbrk")  # nonsense: asked again, with buttons
    unknown = await expect(anna, home_views.ZONE_UNKNOWN)
    assert "Xqzvvbrk" in unknown.text and "Type my city" in unknown.button_texts
    await anna.send("x" * 4000)  # huge
    huge = await expect(anna, home_views.ZONE_UNKNOWN)
    assert len(huge.text) < 400
    await anna.send("<b>Qxzvv</b>?!")  # markup is shown as written, never run
    await expect(anna, home_views.ZONE_UNKNOWN)

    await anna.press(unknown, "Type my city")
    await tg.wait_for(lambda: words(home_views.ASK_ZONE_TYPED) in unknown.text)
    await anna.send("Lisbon")
    answer = await anna.wait_message("Your timezone is Europe/Lisbon")
    assert words(home_views.ASK_CHECKIN) in answer.text

    # The question is answered: later words are not taken as a place.
    await anna.send("Berlin")
    await expect(anna, str(prompts_views.NOTHING_OPEN))
    await all_fine(tg, anna)


@pytest.mark.parametrize("typed", ["Germany", "UTC+1", "NYC", "CET"])
async def test_a_country_an_offset_or_an_abbreviation_answers_too(
    bot: Bot, tg: FakeTelegram, typed: str
) -> None:
    """Whatever the settings' resolver reads, the set-up question reads; the resolver is the
    settings feature's, called through its face. Several zones: their buttons, largest first."""
    found = find_timezones(typed).zones
    assert found, f"the resolver places {typed!r} nowhere"
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    await anna.send(typed)
    if len(found) == 1:
        answer = await anna.wait_message(f"Your timezone is {found[0]}")
    else:
        answer = await anna.wait_message(typed)
        await anna.press(answer, answer.button_texts[0])
        await tg.wait_for(lambda: f"Your timezone is {found[0]}" in answer.text)
    assert words(home_views.ASK_CHECKIN) in answer.text
    await all_fine(tg, anna)


async def test_a_typed_place_with_several_zones_offers_them(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    several = next(
        word
        for word in ("Birmingham", "san", "new", "port")
        if len(find_timezones(word).zones) > 1
    )
    await anna.send(several)
    offered = await anna.wait_message(several)
    assert "Type my city" in offered.button_texts
    zone = find_timezones(several).zones[0]
    await anna.press(offered, offered.button_texts[0])  # the largest place first
    await tg.wait_for(lambda: f"Your timezone is {zone}" in offered.text)
    await all_fine(tg, anna)


async def test_another_time_reads_any_form_and_refuses_nonsense(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    setup = await anna.wait_message("I'm Mend")
    await anna.press(setup, "London")
    await tg.wait_for(lambda: words(home_views.ASK_CHECKIN) in setup.text)
    await anna.press(setup, "Another time")
    await tg.wait_for(lambda: words(home_views.ASK_TIME_TYPED) in setup.text)

    for wrong in ("25:99", "soon", "9 in the evening please " * 20):
        await anna.send(wrong)
        refused = await anna.wait_message("as a time")
        assert "Try one of these" in refused.text
    await anna.send("21:30")  # still waiting, after the mistakes
    await anna.wait_message("I'll ask your check-in every day at 21:30")
    gratitude = anna.last_message()
    await anna.press(gratitude, "Another time")
    await tg.wait_for(lambda: words(home_views.ASK_TIME_TYPED) in gratitude.text)
    await anna.send("7:15 am")
    invite = await anna.wait_message("I'll ask for gratitude every day at 07:15")
    assert words(home_views.ASK_INVITE) in invite.text

    await anna.send("/reminders")
    listed = await anna.wait_message("Your reminders")
    assert "check-in: 21:30" in listed.text and "gratitude: 07:15" in listed.text
    await all_fine(tg, anna)


async def test_start_again_mid_way_goes_on_where_it_was(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    first = await anna.wait_message("I'm Mend")
    await anna.send("/start")  # twice before answering: the same question again
    again = await anna.wait_message("I'm Mend")
    assert again.button_texts == first.button_texts

    await anna.press(again, "Berlin")
    await tg.wait_for(lambda: "Your timezone is Europe/Berlin" in again.text)
    await anna.send("/start")  # the timezone is set: the check-in time comes next
    third = await anna.wait_message("I'm Mend")
    assert words(home_views.ASK_CHECKIN) in third.text and "21:00" in third.button_texts

    await anna.press(third, "20:00")
    await tg.wait_for(lambda: words(home_views.ASK_GRATITUDE) in third.text)
    await anna.send("/start")  # set up: the home screen
    home = await anna.wait_message()
    assert "I'm Mend" not in home.text
    assert words(home_views.HOME_NOT_PAIRED) in home.text
    assert "Your next check-in: today at 20:00" in home.text
    await all_fine(tg, anna)


async def test_old_and_forged_set_up_buttons(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    setup = await anna.wait_message("I'm Mend")
    old_zone = next(data for row in setup.buttons for label, data in row if label == "Berlin")
    await anna.press(setup, "Berlin")
    await tg.wait_for(lambda: words(home_views.ASK_CHECKIN) in setup.text)
    old_time = setup.buttons[0][1][1]
    await anna.press(setup, "21:00")
    await tg.wait_for(lambda: words(home_views.ASK_GRATITUDE) in setup.text)

    # Pressed again from an old copy: nothing doubles, and set-up goes on.
    assert old_zone is not None and old_time is not None
    await anna.press_data(setup, old_zone)
    await tg.wait_for(lambda: "Your timezone is Europe/Berlin" in setup.text)
    await anna.press_data(setup, old_time)
    await tg.wait_for(lambda: "every day at 21:00" in setup.text)
    await anna.send("/reminders")
    listed = await anna.wait_message("Your reminders")
    assert listed.text.count("check-in:") == 1

    # Type my city once the timezone is set: the next question instead.
    await anna.press_data(setup, TypeZone().pack())
    await tg.wait_for(lambda: words(home_views.ASK_GRATITUDE) in setup.text)

    forged = [
        PickZone("Mars/Olympus").pack(),  # not a zone
        "hz:Europe/Berlin:x",  # malformed
        PickTime(Step.CHECKIN, 25, 99).pack(),  # not a time
        PickTime(Step.INVITE, 21, 0).pack(),  # not a step with a time
        OtherTime(Step.TIMEZONE).pack(),
        SkipStep(Step.CHECKIN).pack(),  # the check-in is not skipped
        "ht:checkin:2100",
        "ho:" + "x" * 60,
    ]
    for data in forged:
        await anna.press_data(setup, data)
        await expect(anna, texts.STALE_BUTTON)
    await all_fine(tg, anna)


async def test_set_up_by_typed_commands_still_works(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)  # /start, then /timezone typed while the question is open
    assert await awaiting(bot, anna) is None  # the question was answered: it waits no more
    await anna.send("Lisbon")  # answered by the command: these words are not a place
    await expect(anna, str(prompts_views.NOTHING_OPEN))
    await anna.send("/start")
    asked = await anna.wait_message("I'm Mend")
    await anna.press(asked, "Another time")
    await tg.wait_for(lambda: words(home_views.ASK_TIME_TYPED) in asked.text)
    assert await awaiting(bot, anna) == "setup:checkin"
    await anna.send("/remind checkin 21:00")  # typed instead
    await anna.wait_message("Your check-in reminder is set for 21:00")
    assert await awaiting(bot, anna) is None
    await anna.send("/start")
    home = await anna.wait_message()
    assert "Your next check-in: today at 21:00" in home.text
    await all_fine(tg, anna)


async def test_start_while_paired_shows_home_not_pair(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    await anna.send("/start")
    home = await anna.wait_message()
    assert "You and Ben are paired." in home.text
    assert "/pair" not in home.text and "invite" not in home.text.lower()
    assert "Invite my partner" not in home.button_texts
    # Paired, but no check-in time yet: /start asks for it, and says nothing of /pair.
    await ben.send("/start")
    asked = await ben.wait_message("I'm Mend")
    assert words(home_views.ASK_CHECKIN) in asked.text and "/pair" not in asked.text
    await all_fine(tg, anna, ben)


async def test_home_screen_status_and_buttons(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    await anna.send("/menu")
    home = await anna.wait_message("You and Ben are paired.")
    assert "Your next check-in: today at 21:00" in home.text
    assert words(home_views.HOME_WAITING) not in home.text
    labels = home.button_texts
    for label in ("Check in", "Gratitude", "Together", "Agreement", "Journal", "Settings"):
        assert label in labels
    assert "Help" in labels and "Support" in labels

    await anna.press(home, "Together")
    await tg.wait_for(lambda: "<b>Together</b>" in home.raw_text)
    assert home.button_texts == ["Promises", "Wins", "Repair plan", "Timeout", "Back"]
    await anna.press(home, "Wins")
    await anna.wait_message("wins")
    await anna.press(home, "Repair plan")
    await anna.wait_message()
    await anna.press(home, "Timeout")
    offer = await anna.wait_message("How long do you need?")
    for forged, answer in (("tb:999", "can last 5 to 120 minutes"), ("tb:x", "isn't active")):
        await anna.press_data(offer, forged)
        await anna.wait_message(answer)
    await anna.press(offer, "20 minutes")
    await tg.wait_for(lambda: "Timeout until" in offer.text)
    await ben.wait_message("pause")
    await anna.press(home, "Back")
    await tg.wait_for(lambda: "You and Ben are paired." in home.text)

    # What waits: today's check-in, open.
    await anna.press(home, "Check in")
    await anna.wait_message("Check-in")
    await anna.send("/menu")
    waiting = await anna.wait_message("You and Ben are paired.")
    assert "Waiting for you:\n• Today's check-in is open." in waiting.text
    await all_fine(tg, anna, ben)


async def test_home_shows_a_screen_once_a_feature_declares_it(
    bot: Bot, tg: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def support(mend: Mend, user_id: int) -> Outgoing:
        return Outgoing("Some words for a hard moment.")

    async def waiting(*_: object) -> list[str]:
        return ["Something of the support feature's."]

    anna = tg.user(1001, "Anna")
    await set_up(anna)
    # Without a feature that declares "support", home leaves its button out.
    others = tuple(f for f in bot.mend.features if "support" not in f.screens)
    monkeypatch.setattr(bot.mend, "features", others)
    await anna.send("/menu")
    home = await anna.wait_message("not paired yet")
    assert "Support" not in home.button_texts

    extra = Feature(name="support", screens={"support": support}, waiting=waiting)
    monkeypatch.setattr(bot.mend, "features", (*others, extra))
    await anna.send("/menu")
    home = await anna.wait_message("not paired yet")
    assert "Support" in home.button_texts
    assert "• Something of the support feature's." in home.text
    assert "Invite my partner" in home.button_texts
    await anna.press(home, "Support")
    await anna.wait_message("Some words for a hard moment.")
    await anna.press(home, "Invite my partner")
    await tg.wait_for(lambda: "Here is your invite" in home.text)
    await all_fine(tg, anna)


async def test_menu_before_set_up_leads_to_it(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/menu")
    await expect(anna, texts.NEED_START)
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    await anna.send("/menu")
    home = await expect(anna, home_views.HOME_NO_TIMEZONE)
    await anna.press(home, "Set up")
    await tg.wait_for(lambda: words(home_views.ASK_ZONE) in home.text)
    await anna.press(home, "London")
    await tg.wait_for(lambda: "Your timezone is Europe/London" in home.text)
    await all_fine(tg, anna)


async def test_help_fits_a_screen_and_opens_topics_in_place(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/help")
    shown = await anna.wait_message("What I can do")
    assert len(shown.text.splitlines()) <= 14
    handled = commands_of(bot.mend.features)
    pages = {}
    for topic in list(shown.button_texts):
        await anna.press(shown, topic)
        await tg.wait_for(lambda: shown.button_texts == ["Back"])
        pages[topic] = shown.text
        await anna.press(shown, "Back")
        await tg.wait_for(lambda: "What I can do" in shown.text)
    everything = shown.text + "\n".join(pages.values())
    for command in handled:  # every command is somewhere in /help
        assert f"/{command}" in everything, command
    assert "/settings" not in shown.text or "settings" in handled  # only what exists

    await anna.press_data(shown, "hl:nowhere")
    await expect(anna, texts.STALE_BUTTON)
    await all_fine(tg, anna)


async def test_the_menu_and_the_description_are_set(bot: Bot, tg: FakeTelegram) -> None:
    await tg.wait_for(lambda: tg.short_descriptions.get(""))
    commands = [c["command"] for c in tg.commands()]
    assert 1 <= len(commands) <= 8
    assert set(commands) <= commands_of(bot.mend.features)
    assert {"menu", "checkin", "gratitude", "help"} <= set(commands)
    assert tg.descriptions[""] == str(help_views.DESCRIPTION)
    assert tg.short_descriptions[""] == str(help_views.SHORT_DESCRIPTION)
    assert len(str(help_views.DESCRIPTION)) <= 512
    assert len(str(help_views.SHORT_DESCRIPTION)) <= 120


async def test_the_menu_and_the_descriptions_are_set_in_every_language(
    bot: Bot, tg: FakeTelegram
) -> None:
    """Telegram shows each person the menu and the empty chat in their own language: English
    is the default (no language_code), every other language is set under its code."""
    last = telegram_code(LANGUAGES[-1])
    await tg.wait_for(lambda: tg.short_descriptions.get(last))
    english = [c["command"] for c in tg.commands()]
    for language in LANGUAGES:
        code = "" if language == SOURCE else telegram_code(language)
        with speaking(language):
            menu = [(name, str(about)) for name, about in help_views.COMMANDS]
            description = str(help_views.DESCRIPTION)
            short = str(help_views.SHORT_DESCRIPTION)
        registered = tg.commands(language_code=code)
        assert [c["command"] for c in registered] == english, language
        about = dict(menu)
        assert all(c["description"] == about[c["command"]] for c in registered), language
        assert tg.descriptions[code] == description, language
        assert tg.short_descriptions[code] == short, language
        assert len(description) <= 512 and len(short) <= 120, language
    assert set(tg.descriptions) == {"", "de", "es", "pt", "ru", "uk"}


async def test_a_refused_description_does_not_stop_mend(
    tg: FakeTelegram, clock: FakeClock, tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    tg.fail_next("setMyDescription", status=400, description="Bad Request: description too long")
    tg.fail_next("setMyShortDescription", status=500)
    with caplog.at_level(logging.WARNING):
        async with running_bot(tg, clock, tmp_path) as _:  # type: ignore[arg-type]
            anna = tg.user(1001, "Anna")
            await anna.send("/start")
            await anna.wait_message("I'm Mend")
    assert "Could not set the description" in caplog.text
    assert "Could not set the short description" in caplog.text
    assert tg.commands()  # the menu was still set


async def test_the_fake_server_keeps_description_limits(bot: Bot, tg: FakeTelegram) -> None:
    assert bot.app is not None
    with pytest.raises(Exception, match="too long"):
        await bot.app.bot.set_my_short_description("x" * 121)
    with pytest.raises(Exception, match="too long"):
        await bot.app.bot.set_my_description("x" * 513)
    await bot.app.bot.set_my_description("y" * 512)
    assert tg.descriptions[""] == "y" * 512


def test_a_link_button_survives_the_outbox() -> None:
    message = Outgoing(
        "Hi", ((Button("Open", Open("home").pack()), link("Share", "https://t.me/share/url")),)
    )
    again = Outgoing.from_json(message.to_json())
    assert again == message
    assert again.buttons[0][1].url == "https://t.me/share/url"
    old = Outgoing.from_json('{"text": "Hi", "buttons": [[["Open", "go:home:0"]]]}')
    assert old.buttons[0][0] == Button("Open", "go:home:0")


async def test_pair_helper_still_pairs_set_up_people(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben")
    await set_up(anna)
    await set_up(ben)
    await pair(tg, anna, ben)
    await all_fine(tg, anna, ben)


async def test_home_says_a_proposal_waits_for_an_answer(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    for person in (anna, ben):
        await person.send("/menu")
    anna_home = await anna.wait_message("You and Ben are paired.")
    ben_home = await ben.wait_message("You and Anna are paired.")
    assert words(agreement_views.WAITING_PROPOSAL) in ben_home.text
    assert words(agreement_views.WAITING_PROPOSAL) not in anna_home.text  # hers, not to answer
    await ben.press(proposal, "Accept")
    await ben.wait_message("A private question")
    await ben.send("/menu")
    answered = await ben.wait_message("You and Anna are paired.")
    assert words(agreement_views.WAITING_PROPOSAL) not in answered.text
    await ben.press(answered, "Agreement")
    await ben.wait_message("Your disclosure agreement with Anna")
    await all_fine(tg, anna, ben)
