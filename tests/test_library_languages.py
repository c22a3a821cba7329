"""The library in each language: loaded at start-up, read in the reader's language by the
same ids, English standing in for what a language lacks; check-prompts holds every language
to English; and days and times written with Babel in each language (bot.kernel.when)."""

import io
import re
import shutil
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.kernel import when
from bot.kernel.i18n import LANGUAGES, speaking
from bot.library import check_library, load_agreements, load_repair, load_support
from bot.prompts import DEFAULT_PROMPTS_DIR, TRANSLATED, PromptLibraryError, load_library


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped library, every language included, to break."""
    return Path(shutil.copytree(DEFAULT_PROMPTS_DIR, tmp_path / "prompts"))


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (exactly once) in a file; the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(directory: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = check_library(directory, out, err)
    return status, out.getvalue(), err.getvalue()


# --- Start-up: every language loaded, each read in its reader's language ---------------------


def test_every_language_of_the_shipped_library_loads() -> None:
    library = load_library(DEFAULT_PROMPTS_DIR)
    assert set(library.translations) == set(TRANSLATED) == set(LANGUAGES) - {"en"}
    assert set(load_agreements(DEFAULT_PROMPTS_DIR).translations) == set(TRANSLATED)
    assert set(load_support(DEFAULT_PROMPTS_DIR).translations) == set(TRANSLATED)
    assert set(load_repair(DEFAULT_PROMPTS_DIR).translations) == set(TRANSLATED)


def test_a_prompt_is_read_in_the_language_being_spoken_by_the_same_id() -> None:
    library = load_library(DEFAULT_PROMPTS_DIR)
    english = library.get("closer-or-further")
    assert english is not None
    with speaking("de"):
        german = library.get("closer-or-further")
    assert german is not None
    assert german.text == "Wie nah fühlst du dich deinem Gegenüber im Vergleich zu gestern?"
    assert german.choices == ("Näher", "Etwa gleich", "Weiter weg")
    assert (german.id, german.kind, german.answer) == (english.id, english.kind, english.answer)
    assert english.text.startswith("Compared with yesterday")
    # Which prompt is given is English's in every language: the same sets, the same ids.
    with speaking("ru"):
        assert library.kind("checkin") is library.sets["checkin"]


def test_topics_support_and_repair_in_each_language() -> None:
    agreements = load_agreements(DEFAULT_PROMPTS_DIR)
    support = load_support(DEFAULT_PROMPTS_DIR)
    repair = load_repair(DEFAULT_PROMPTS_DIR)
    with speaking("de"):
        topic = agreements.get("plan-changes")
    assert topic is not None and topic.title != agreements.topics[1].title
    assert [t.id for t in agreements.in_language("uk").topics] == [t.id for t in agreements.topics]
    assert repair.in_language("de").title == "Unser Plan für schwere Momente"
    assert len(repair.in_language("es").steps) == len(repair.steps)
    assert support.in_language("ru").message != support.message
    assert support.in_language("en") is support


def test_a_library_without_language_folders_is_english_for_everyone(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    for file in DEFAULT_PROMPTS_DIR.glob("*.yaml"):
        shutil.copy(file, own / file.name)
    library = load_library(own)
    assert library.translations == {}
    with speaking("de"):
        prompt = library.get("closer-or-further")
        assert load_repair(own).in_language("de").title == load_repair(own).title
    assert prompt is not None and prompt.text.startswith("Compared with yesterday")


def test_a_prompt_a_language_lacks_is_shown_in_english(shipped: Path) -> None:
    german = shipped / "de" / "checkin.yaml"
    text = german.read_text(encoding="utf-8")
    start = text.index('  - id: "closer-or-further"')
    end = text.index("  - id:", start + 1)
    german.write_text(text[:start] + text[end:], encoding="utf-8")

    library = load_library(shipped)  # start-up: English stands in
    with speaking("de"):
        prompt = library.get("closer-or-further")
    assert prompt is not None and prompt.text.startswith("Compared with yesterday")

    status, out, err = check(shipped)  # check-prompts: it is a problem
    assert status == 1 and out == ""
    assert err.splitlines() == [
        f"{german}:1: prompt 'closer-or-further' is missing (English has it at "
        f"{shipped / 'checkin.yaml'}:{_line_of(shipped / 'checkin.yaml', 'closer-or-further')})"
    ]


def _line_of(path: Path, prompt_id: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(f'id: "{prompt_id}"')].count("\n") + 1


# --- check-prompts: every language against English -------------------------------------------


def test_check_prompts_checks_the_shipped_library_in_every_language() -> None:
    status, out, err = check(DEFAULT_PROMPTS_DIR)
    assert (status, err) == (0, "")
    assert "languages: de, es, pt_BR, ru, uk (each as English)\n" in out


def set_key(path: Path, prompt_id: str, key: str, value: str) -> int:
    """Set one key of a prompt (a line of its own); the line it is on."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = _line_of(path, prompt_id)
    at = next(i for i in range(start, len(lines) + 1) if lines[i - 1].startswith(f"    {key}:"))
    lines[at - 1] = f"    {key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at


def test_check_prompts_reports_a_broken_translation_by_file_and_line(shipped: Path) -> None:
    german, spanish = shipped / "de" / "checkin.yaml", shipped / "es" / "checkin.yaml"
    # A changed answer type, a wrong choice count, an id English does not have.
    set_key(german, "steady-today", "answer", '"text"')
    line = _line_of(german, "steady-today")
    set_key(german, "closer-or-further", "choices", '["Näher", "Weiter weg"]')
    renamed_line = edit(spanish, 'id: "steady-today"', 'id: "steady-today-es"')

    status, out, err = check(shipped)

    english = shipped / "checkin.yaml"
    assert status == 1 and out == ""
    problems = err.splitlines()
    assert any(
        p.startswith(f"{german}:{line}: prompt 'steady-today' has answer 'text'; English has ")
        for p in problems
    ), problems
    assert any(
        p.startswith(f"{german}:{_line_of(german, 'closer-or-further')}: prompt ")
        and "has 2 choices; English has 3" in p
        for p in problems
    ), problems
    assert f"{spanish}:{renamed_line}: prompt 'steady-today-es' is not in the English library" in (
        problems
    )
    assert any(
        p.startswith(f"{spanish}:1: prompt 'steady-today' is missing")
        and f"{english}:{_line_of(english, 'steady-today')}" in p
        for p in problems
    ), problems
    assert all(re.match(r"^\S+\.yaml:\d+: ", p) for p in problems), problems
    # The bot refuses to start on the same problems (a missing prompt only is told).
    with pytest.raises(PromptLibraryError) as error:
        load_library(shipped)
    assert not any("is missing" in p for p in error.value.problems)
    assert len(error.value.problems) == 3


def test_check_prompts_holds_topics_steps_and_placeholders_to_english(shipped: Path) -> None:
    topics = shipped / "ru" / "agreements.yaml"
    topic_line = edit(topics, 'id: "plan-changes"', 'id: "plans-change"')
    repair = shipped / "uk" / "repair.yaml"
    text = repair.read_text(encoding="utf-8")
    steps = text.splitlines()
    last = max(i for i, line in enumerate(steps) if line.startswith("  - "))
    repair.write_text("\n".join(steps[:last] + steps[last + 1 :]) + "\n", encoding="utf-8")
    steps_line = _line_of_key(repair, "steps:")
    checkin = shipped / "pt_BR" / "checkin.yaml"
    placeholder_line = _line_of(checkin, "steady-today") + 1
    lines = checkin.read_text(encoding="utf-8").splitlines()
    assert lines[placeholder_line - 1].lstrip().startswith("text:")
    lines[placeholder_line - 1] = '    text: "Como foi o dia, {name}?"'
    checkin.write_text("\n".join(lines) + "\n", encoding="utf-8")

    status, _, err = check(shipped)

    assert status == 1
    problems = err.splitlines()
    assert f"{topics}:{topic_line}: topic 'plans-change' is not in the English library" in problems
    assert any(p.startswith(f"{topics}:1: topic 'plan-changes' is missing") for p in problems)
    english_steps = len(load_repair(DEFAULT_PROMPTS_DIR).steps)
    assert (
        f"{repair}:{steps_line}: {english_steps - 1} steps; English has {english_steps} "
        f"({shipped / 'repair.yaml'})"
    ) in problems
    assert (
        f"{checkin}:{placeholder_line - 1}: prompt 'steady-today': placeholders {{name}} differ "
        "from English's (none)"
    ) in problems


def _line_of_key(path: Path, key: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(key))


# --- Days and times, with Babel, in each language --------------------------------------------

MONDAY = date(2026, 3, 2)
EVENING = time(21, 5)

FORMATS = {
    "en": ("Mon 2 Mar", "21:05", "Mon 2 Mar, 21:05", "Mon"),
    "de": ("Mo., 2. März", "21:05", "Mo., 2. März, 21:05", "Mo"),
    "es": ("lun, 2 mar", "21:05", "lun, 2 mar, 21:05", "lun"),
    "pt_BR": ("seg., 2 de mar.", "21:05", "seg., 2 de mar. 21:05", "seg."),
    "ru": ("пн, 2 мар.", "21:05", "пн, 2 мар., 21:05", "пн"),
    "uk": ("пн, 2 бер.", "21:05", "пн, 2 бер., 21:05", "пн"),  # noqa: RUF001
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_days_and_times_in_each_language(language: str) -> None:
    day, clock, moment, monday = FORMATS[language]
    instant = datetime(2026, 3, 2, 20, 5, tzinfo=UTC)
    berlin = ZoneInfo("Europe/Berlin")
    with speaking(language):
        assert when.day(MONDAY) == day
        assert when.time_of_day(EVENING) == clock
        assert when.moment(instant, berlin) == moment
        assert when.day_of(instant, berlin) == day
        assert when.clock_of(instant, berlin) == clock
        assert when.weekday_names()[0] == monday
        assert len(set(when.weekday_names())) == 7


def test_english_is_written_as_mend_always_wrote_it() -> None:
    assert when.day(date(2026, 12, 31)) == "Thu 31 Dec"
    assert when.time_of_day(time(7, 0)) == "07:00"
    assert when.moment(datetime(2026, 3, 2, 9, 5, tzinfo=UTC), None) == "Mon 2 Mar, 09:05"
