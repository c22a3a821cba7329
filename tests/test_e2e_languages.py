"""Two partners, each in their own language, end to end through the fake Bot API server.

Greta's Telegram is set to German (``de-DE``), Sofía's to Spanish (``es-MX``). They set up by
buttons, pair, check in on the same prompt (each reading it in their own language), see the
reveal, send gratitude, agree a topic of their disclosure agreement and get a review. Every
message each of them receives is checked against the shipped catalogs and library in their
language, never against English; what one wrote reaches the other exactly as written.
"""

import re
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from babel.messages.pofile import read_po

from bot.features.agreement import views as agreement_views
from bot.features.checkin import views as checkin_views
from bot.features.data import views as data_views
from bot.features.gratitude import views as gratitude_views
from bot.features.help import views as help_views
from bot.features.home import views as home_views
from bot.features.pairing import views as pairing_views
from bot.features.prompts import views as prompts_views
from bot.features.review import views as review_views
from bot.features.settings import views as settings_views
from bot.kernel.i18n import SOURCE, catalog_path
from bot.library import load_agreements
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from bot.prompts import DEFAULT_PROMPTS_DIR, Prompt, load_library
from bot.texts import BUTTON_SEND_TO
from tests.conftest import Bot, all_fine, pair, said, seen, set_up

BERLIN_21 = datetime(2026, 3, 2, 20, 0, 5, tzinfo=UTC)  # Monday 21:00 in Berlin and Madrid
LIBRARY = load_library(DEFAULT_PROMPTS_DIR)
AGREEMENTS = load_agreements(DEFAULT_PROMPTS_DIR)


def plain(html: str) -> str:
    """What the person sees of an HTML message: its text without the tags."""
    return re.sub(r"<[^>]+>", "", html)


@cache
def english_only(language: str) -> frozenset[str]:
    """Stretches of Mend's English sentences that the ``language`` catalog does not share:
    one of them in a message to that reader is English that leaked through."""
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=language)
    found: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated = " ".join(strings)
        for source in sources:
            for piece in re.split(r"\{[^}]*\}|<[^>]*>|\n", source):
                piece = piece.strip()
                if len(piece) >= 14 and piece not in translated:
                    found.add(piece)
    return frozenset(found)


def assert_all_in(language: str, user: FakeUser) -> None:
    """Nothing the person received reads in English: no text, no button."""
    leaks = english_only(language)
    for message in user.messages:
        shown = "\n".join([message.text, *message.button_texts])
        leaked = [piece for piece in leaks if piece in shown]
        assert not leaked, f"English in {user.first_name}'s {language} chat: {leaked}"


def prompt_in(message: SentMessage, language: str) -> Prompt:
    """The check-in prompt that ``message`` asks, read in ``language``."""
    shown = LIBRARY.in_language(language)
    for prompt in shown.kind("checkin").prompts:
        if prompt.text in message.text:
            return prompt
    raise AssertionError(f"no {language} check-in prompt in {message.text!r}")


async def press(
    tg: FakeTelegram, user: FakeUser, message: SentMessage, label: str, then: str
) -> None:
    """Press a button and wait until the message (edited in place) shows ``then``, in its
    text or on a button."""
    await user.press(message, label)
    await tg.wait_for(
        lambda: then in message.text or then in message.button_texts,
        what=f"{then!r} after {label!r}",
    )


async def shows(tg: FakeTelegram, user: FakeUser, text: str) -> None:
    """Wait until one of the person's messages shows ``text`` (sent, or edited in place)."""
    await tg.wait_for(lambda: any(text in message.text for message in user.messages), what=text)


async def set_up_by_buttons(
    tg: FakeTelegram, user: FakeUser, language: str, message: SentMessage, zone: str
) -> None:
    """The rest of set-up, from the timezone question: the zone by a typed city, the check-in
    at 21:00, no gratitude time for now."""
    city = zone.rsplit("/", 1)[1]
    typing = seen(language, home_views.ASK_ZONE_TYPED)
    await press(tg, user, message, said(language, home_views.BUTTON_TYPE_CITY), typing)
    await user.send(city)
    chosen = await user.wait_message(seen(language, home_views.ZONE_SET))
    assert zone in chosen.text
    step = user.last_message()
    assert seen(language, home_views.ASK_CHECKIN) in step.text
    await press(tg, user, step, "21:00", seen(language, home_views.CHECKIN_SET))
    await press(
        tg,
        user,
        step,
        said(language, home_views.BUTTON_NOT_NOW),
        seen(language, home_views.GRATITUDE_LATER),
    )


async def answer(
    tg: FakeTelegram, user: FakeUser, language: str, prompt: SentMessage, note: str
) -> None:
    """Answer the check-in (the scale's middle, the first choice, or words), with a note."""
    asked = prompt_in(prompt, language)
    if asked.answer == "text":
        await user.send(note, reply_to=prompt)
    else:
        await user.press(prompt, "5" if asked.answer == "scale" else asked.choices[0])
        await tg.wait_for(
            lambda: said(language, checkin_views.BUTTON_NO_NOTE) in prompt.button_texts
        )
        await user.send(note, reply_to=prompt)


async def test_a_german_and_a_spanish_partner_each_live_mend_in_their_own_language(
    bot: Bot, tg: FakeTelegram
) -> None:
    greta = tg.user(2001, "Greta", language_code="de-DE")
    sofia = tg.user(2002, "Sofía", language_code="es-MX")
    # The catalogs are written: a sentence reads differently in each language, else this
    # test would prove nothing.
    for sentence in (home_views.WELCOME, checkin_views.REVEAL_TITLE, agreement_views.PROPOSAL):
        assert len({said(language, sentence) for language in ("en", "de", "es")}) == 3

    # Greta sets up by buttons, in German, and invites Sofía.
    await greta.send("/start")
    setup = await greta.wait_message(seen("de", home_views.WELCOME))
    assert said("de", home_views.BUTTON_TYPE_CITY) in setup.button_texts
    await set_up_by_buttons(tg, greta, "de", setup, "Europe/Berlin")
    step = greta.last_message()
    await press(
        tg, greta, step, said("de", home_views.BUTTON_INVITE), seen("de", pairing_views.INVITE)
    )
    code = step.text.split("?start=", 1)[1].split()[0]

    # Sofía opens the invite: the preview, the pairing and her set-up, in Spanish.
    await sofia.send(f"/start {code}")
    preview = await sofia.wait_message(seen("es", pairing_views.INVITE_PREVIEW))
    await press(
        tg,
        sofia,
        preview,
        said("es", pairing_views.BUTTON_PAIR, name="Greta"),
        said("es", pairing_views.PAIRED, name="Greta"),
    )
    await greta.wait_message(said("de", pairing_views.PAIRED, name="Sofía"))
    await set_up_by_buttons(tg, sofia, "es", preview, "Europe/Madrid")

    # 21:00: the same prompt for both, each reading it in their own language.
    await bot.at(BERLIN_21)
    greta_prompt = await greta.wait_message(said("de", checkin_views.CHECKIN_TITLE))
    sofia_prompt = await sofia.wait_message(said("es", checkin_views.CHECKIN_TITLE))
    asked = prompt_in(greta_prompt, "de")
    assert prompt_in(sofia_prompt, "es").id == asked.id
    assert said("de", prompts_views.BUTTON_SNOOZE) in greta_prompt.button_texts
    assert said("es", prompts_views.BUTTON_SKIP) in sofia_prompt.button_texts

    greta_note = "Heute war es ruhiger zwischen uns. Danke, dass du geblieben bist."
    await answer(tg, greta, "de", greta_prompt, greta_note)
    await greta.wait_message(said("de", checkin_views.CHECKIN_SAVED_WAITING, name="Sofía"))
    await sofia.wait_message(seen("es", checkin_views.PARTNER_CHECKED_IN))
    sofia_note = "Me costó, pero hablamos sin gritar. Eso cuenta."
    await answer(tg, sofia, "es", sofia_prompt, sofia_note)
    sofia_reveal = await sofia.wait_message(said("es", checkin_views.REVEAL_TITLE))
    greta_reveal = await greta.wait_message(said("de", checkin_views.REVEAL_TITLE))
    assert greta_note in sofia_reveal.text  # passed on exactly as written
    assert sofia_note in greta_reveal.text

    # Gratitude: Sofía writes it in Spanish and chooses to send it; Greta reads it as written,
    # framed in German.
    await sofia.send("/gratitude")
    await sofia.wait_message(said("es", gratitude_views.GRATITUDE_TITLE))
    thanks = "Gracias por escucharme anoche sin interrumpir."
    await sofia.send(thanks)
    shown = await sofia.wait_message(seen("es", gratitude_views.GRATITUDE_ASK_SEND))
    await press(
        tg,
        sofia,
        shown,
        said("es", BUTTON_SEND_TO, name="Greta"),
        said("es", gratitude_views.GRATITUDE_SENT, name="Greta"),
    )
    relay = await greta.wait_message(thanks)
    assert relay.raw_text == said("de", gratitude_views.GRATITUDE_RELAY, name="Sofía", text=thanks)

    # The agreement: Greta proposes a suggested topic; Sofía reads the same topic in Spanish,
    # accepts; each answers the private question in their language; both see it in force.
    german_topic = AGREEMENTS.in_language("de").topics[0]
    spanish_topic = AGREEMENTS.in_language("es").get(german_topic.id)
    assert spanish_topic is not None and spanish_topic.title != german_topic.title
    await greta.send("/agreement")
    title = said("de", agreement_views.AGREEMENT_TITLE, name="Sofía")
    overview = await greta.wait_message(plain(title))
    await press(
        tg, greta, overview, said("de", agreement_views.BUTTON_PROPOSE), german_topic.title
    )
    await press(
        tg, greta, overview, german_topic.title, seen("de", agreement_views.PROPOSE_PERIOD)
    )
    suggested = said("de", agreement_views.BUTTON_PERIOD_DEFAULT, period="").strip()
    period = next(label for label in overview.button_texts if label.endswith(suggested))
    await press(tg, greta, overview, period, seen("de", agreement_views.PROPOSAL_SENT))
    proposal = await sofia.wait_message(spanish_topic.title)
    assert seen("es", agreement_views.PROPOSAL) in proposal.text
    await sofia.press(proposal, said("es", agreement_views.BUTTON_ACCEPT))
    for person, language in ((greta, "de"), (sofia, "es")):
        question = await person.wait_message(seen(language, agreement_views.CHECK_QUESTION))
        await person.press(question, said(language, agreement_views.BUTTON_CHECK_YES))
    for person, language in ((greta, "de"), (sofia, "es")):
        await shows(tg, person, seen(language, agreement_views.AGREEMENT_STARTED))
    assert any(spanish_topic.title in m.text for m in sofia.messages)

    # The rest of the week: each evening the same prompt for both, each in their language.
    for day in range(1, 6):  # Tuesday to Saturday
        await bot.at(BERLIN_21 + timedelta(days=day))
        prompts = {}
        for person, language in ((greta, "de"), (sofia, "es")):
            prompts[language] = await person.wait_message(
                said(language, checkin_views.CHECKIN_TITLE)
            )
        assert prompt_in(prompts["de"], "de").id == prompt_in(prompts["es"], "es").id
        await answer(tg, greta, "de", prompts["de"], greta_note)
        await answer(tg, sofia, "es", prompts["es"], sofia_note)
        for person, language in ((greta, "de"), (sofia, "es")):
            await person.wait_message(said(language, checkin_views.REVEAL_TITLE))

    # Sunday 21:00: the weekly review comes by itself, each in their own language.
    await bot.at(BERLIN_21 + timedelta(days=6))
    for person, language, partner in ((greta, "de", "Sofía"), (sofia, "es", "Greta")):
        title = plain(said(language, review_views.TITLE_WEEK, name=partner))
        await shows(tg, person, title)
        review = next(message for message in person.messages if title in message.text)
        assert said(language, review_views.DAYS_BOTH, count=6) in review.text

    # A command typed in one's own language finds its way.
    await greta.send(said("de", help_views.COMMAND_WORDS["help"]))
    await greta.wait_message(seen("de", help_views.HELP_INTRO))
    await sofia.send(said("es", help_views.COMMAND_WORDS["settings"]))
    await sofia.wait_message(plain(said("es", settings_views.SETTINGS_TITLE)))

    for person, language in ((greta, "de"), (sofia, "es")):
        assert_all_in(language, person)
    await all_fine(tg, greta, sofia)


@pytest.mark.parametrize("code", [None, "fr", "zh-hans", "xx-YY"])
async def test_no_or_an_unsupported_language_code_gets_english(
    bot: Bot, tg: FakeTelegram, code: str | None
) -> None:
    anna = tg.user(1001, "Anna", language_code=code)
    await anna.send("/start")
    welcome = await anna.wait_message()
    assert seen(SOURCE, home_views.WELCOME) in welcome.text
    assert said(SOURCE, home_views.BUTTON_TYPE_CITY) in welcome.button_texts
    await all_fine(tg, anna)


async def test_a_command_typed_in_cyrillic_finds_its_way(bot: Bot, tg: FakeTelegram) -> None:
    """Telegram makes no command of "/помощь" (commands are Latin letters): it comes as text,
    and is still read as /help."""
    for user_id, language in ((3001, "ru"), (3002, "uk")):
        person = tg.user(user_id, "Ira", language_code=language)
        await set_up(person)
        typed = said(language, help_views.COMMAND_WORDS["help"])
        assert re.fullmatch(r"/[\u0400-\u04ff\u02bc]+", typed), typed
        await person.send(typed)
        await person.wait_message(seen(language, help_views.HELP_INTRO))
        # A command word runs its command, with what follows it.
        remind = said(language, help_views.COMMAND_WORDS["remind"])
        await person.send(f"{remind} checkin 21:30")
        await person.wait_message(seen(language, settings_views.REMINDER_SET))
        await all_fine(tg, person)


async def test_a_command_word_runs_its_command_with_what_follows(
    bot: Bot, tg: FakeTelegram
) -> None:
    greta = tg.user(2001, "Greta", language_code="de")
    await set_up(greta)
    remind = said("de", help_views.COMMAND_WORDS["remind"])
    assert remind != "/remind"
    await greta.send(f"{remind} checkin 21:30 mo-fr")
    done = await greta.wait_message(seen("de", settings_views.REMINDER_SET))
    assert "21:30" in done.text
    await greta.send(f"{remind} banana")  # what the command refuses, it refuses kindly
    await greta.wait_message()
    await all_fine(tg, greta)


async def test_erasing_is_confirmed_by_a_word_in_ones_own_language(
    bot: Bot, tg: FakeTelegram
) -> None:
    """/delete asks for a word typed in capitals: LÖSCHEN in German (DELETE still works)."""
    greta = tg.user(2001, "Greta", language_code="de")
    hans = tg.user(2003, "Hans", language_code="de")
    word = said("de", data_views.DELETE_WORD)
    assert word != "DELETE"
    for person, typed in ((greta, word), (hans, "DELETE")):
        await set_up(person)
        await person.send("/delete")
        confirm = await person.wait_message(seen("de", data_views.DELETE_CONFIRM))
        assert f"{word}" in confirm.text and "DELETE" not in confirm.text
        await person.send(word.lower())  # not in capitals: nothing is erased
        await person.wait_message(seen("de", data_views.DELETE_CANCELLED))
        await person.send("/delete")
        await person.wait_message(seen("de", data_views.DELETE_CONFIRM))
        await person.send(typed)
        await person.wait_message(seen("de", data_views.DELETE_DONE))
    await all_fine(tg, greta, hans)


@pytest.mark.parametrize("language", ["de", "es", "pt_BR", "ru", "uk"])
async def test_every_screen_and_help_topic_speaks_the_persons_language(
    bot: Bot, tg: FakeTelegram, language: str
) -> None:
    """The places a person opens by command, and every topic of /help, with no English."""
    code = {"pt_BR": "pt-BR"}.get(language, language)
    person, partner = tg.user(4001, "Kim", language_code=code), tg.user(4002, "Lee")
    await set_up(person)
    await set_up(partner)
    await pair(tg, person, partner)
    for command in (
        *("/menu", "/settings", "/privacy", "/journal", "/support", "/reminders", "/export"),
        *("/agreement", "/repair", "/promises", "/wins", "/talk", "/review", "/timeout"),
        *("/disclosures", "/pause", "/checkin", "/gratitude", "/promise", "/win", "/ask"),
    ):
        await person.send(command)
        await person.wait_message()
    await person.send("/help")
    topics = await person.wait_message(seen(language, help_views.HELP_INTRO))
    for label in topics.button_texts:
        await person.send("/help")
        again = await person.wait_message(seen(language, help_views.HELP_INTRO))
        before = again.text
        await person.press(again, label)
        await tg.wait_for(lambda: again.text != before, what=label)  # noqa: B023
    assert_all_in(language, person)
    await all_fine(tg, person)
