"""Tests for loading and validating the YAML prompt library (bot.prompts)."""

import dataclasses
import io
import tempfile
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.prompts import (
    DEFAULT_PROMPTS_DIR,
    DEFAULT_UNLOCK,
    KINDS,
    Prompt,
    PromptLibrary,
    PromptLibraryError,
    PromptSet,
    check_prompts,
    load_library,
)

GOOD_CHECKIN = """\
unlock:
  2: 7
  3: 21
prompts:
  - id: "steady-today"
    text: "  On a scale of 1 to 10, how steady did today feel between you?  "
    answer: "scale"
    depth: 1
    tags: ["mood"]
  - id: closer-apart
    text: Did today bring you closer or further apart?
    answer: choice
    depth: 2
    choices: ["Closer", "About the same", "Further apart"]
  - id: hardest-moment
    text: >
      What was the hardest moment
      between you today?
    answer: text
    depth: 3
    tags: [repair, hard-talk]
"""

GOOD_GRATITUDE = """\
prompts:
  - id: small-thanks
    text: "Name one small thing your partner did today that you appreciated."
    answer: text
    depth: 1
"""

MONTHLY_PROMPT = """\
prompts:
  - id: our-month
    text: "What stayed with you from this month?"
    answer: "text"
    depth: 1
"""

A_PROMPT = """\
prompts:
  - id: p1
    text: "Hi?"
    answer: text
    depth: 1
"""


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A good library at ./prompts, given relatively so messages read `prompts/...`."""
    monkeypatch.chdir(tmp_path)
    directory = Path("prompts")
    directory.mkdir()
    write(directory, "checkin", GOOD_CHECKIN)
    write(directory, "gratitude", GOOD_GRATITUDE)
    return directory


def write(directory: Path, kind: str, text: str) -> None:
    """Write one prompt file, dedenting so the YAML can sit indented in a test."""
    (directory / f"{kind}.yaml").write_text(dedent(text), encoding="utf-8")


def problems(directory: Path) -> list[str]:
    """The problems load_library reports for a library that must be refused."""
    with pytest.raises(PromptLibraryError) as info:
        load_library(directory)
    return list(info.value.problems)


# --- A good library --------------------------------------------------------------------------


def test_good_library_loads_into_typed_models(lib: Path) -> None:
    library = load_library(lib)

    assert library.directory == lib
    assert list(library.sets) == list(KINDS)
    checkin = library.kind("checkin")
    assert [p.id for p in checkin.prompts] == ["steady-today", "closer-apart", "hardest-moment"]
    assert checkin.prompts[0] == Prompt(
        id="steady-today",
        kind="checkin",
        text="On a scale of 1 to 10, how steady did today feel between you?",
        answer="scale",
        depth=1,
        tags=("mood",),
    )
    assert checkin.prompts[1].choices == ("Closer", "About the same", "Further apart")
    assert checkin.prompts[2].text == "What was the hardest moment between you today?"
    assert checkin.prompts[2].tags == ("repair", "hard-talk")
    assert dict(checkin.unlock) == {1: 0, 2: 7, 3: 21}


def test_lookup_by_id_works_across_kinds(lib: Path) -> None:
    library = load_library(lib)

    assert library.get("small-thanks") == library.kind("gratitude").prompts[0]
    assert library.get("closer-apart") is library.kind("checkin").prompts[1]
    assert library.get("nope") is None
    with pytest.raises(KeyError):
        library.kind("agreements")


def test_models_are_immutable(lib: Path) -> None:
    library = load_library(lib)
    prompt = library.kind("checkin").prompts[0]

    with pytest.raises(dataclasses.FrozenInstanceError):
        prompt.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        library.sets["extra"] = library.kind("checkin")  # type: ignore[index]
    with pytest.raises(TypeError):
        library.kind("checkin").unlock[2] = 0  # type: ignore[index]


def test_unlock_defaults_when_left_out(lib: Path) -> None:
    write(lib, "checkin", "unlock:\n  3: 40\n" + A_PROMPT)

    library = load_library(lib)

    assert dict(library.kind("gratitude").unlock) == dict(DEFAULT_UNLOCK) == {1: 0, 2: 7, 3: 21}
    assert dict(library.kind("checkin").unlock) == {1: 0, 2: 7, 3: 40}


def test_other_yaml_files_in_the_directory_are_ignored(lib: Path) -> None:
    (lib / "agreements.yaml").write_text("not: [valid", encoding="utf-8")
    (lib / "support.yaml").write_text("- a list\n", encoding="utf-8")

    assert set(load_library(lib).sets) == {"checkin", "gratitude", "monthly"}


def test_library_refuses_duplicate_ids_when_built_directly() -> None:
    prompt = Prompt("same", "checkin", "Hi?", "text", 1)
    sets = {
        kind: PromptSet(kind, (dataclasses.replace(prompt, kind=kind),), DEFAULT_UNLOCK)
        for kind in KINDS
    }
    with pytest.raises(ValueError, match="duplicate prompt id 'same'"):
        PromptLibrary(Path("x"), sets)


# --- Depth unlocking ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "depth"), [(-1, 1), (0, 1), (6, 1), (7, 2), (20, 2), (21, 3), (10_000, 3)]
)
def test_max_depth_follows_unlock_days(lib: Path, days: int, depth: int) -> None:
    assert load_library(lib).kind("checkin").max_depth(days) == depth


def test_eligible_keeps_file_order_up_to_max_depth(lib: Path) -> None:
    checkin = load_library(lib).kind("checkin")

    assert [p.id for p in checkin.eligible(0)] == ["steady-today"]
    assert [p.id for p in checkin.eligible(7)] == ["steady-today", "closer-apart"]
    assert checkin.eligible(21) == checkin.prompts


def test_equal_unlock_days_open_both_depths_together() -> None:
    prompts = (
        Prompt("a1", "checkin", "A?", "text", 1),
        Prompt("b2", "checkin", "B?", "text", 2),
        Prompt("c3", "checkin", "C?", "text", 3),
    )
    prompt_set = PromptSet("checkin", prompts, {1: 0, 2: 5, 3: 5})

    assert prompt_set.max_depth(4) == 1
    assert prompt_set.max_depth(5) == 3
    assert prompt_set.eligible(5) == prompts


# --- One rule at a time ---------------------------------------------------------------------


def test_unknown_keys_are_refused(lib: Path) -> None:
    write(
        lib,
        "checkin",
        """\
        prompts:
          - id: p1
            text: "Hi?"
            answer: text
            depth: 1
            colour: blue
            choice: [a, b]
        version: 2
        """,
    )

    assert problems(lib) == [
        "prompts/checkin.yaml:6: unknown key 'colour' in a prompt "
        "(allowed: id, text, answer, depth, tags, choices)",
        "prompts/checkin.yaml:7: unknown key 'choice' in a prompt (did you mean 'choices'?)",
        "prompts/checkin.yaml:8: unknown key 'version' at the top level "
        "(allowed: unlock, prompts)",
    ]


def test_repeated_key_is_refused(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT + "    depth: 2\n")

    assert problems(lib) == [
        "prompts/checkin.yaml:6: duplicate key 'depth' in a prompt (first at line 5)"
    ]


def test_missing_fields_are_reported_on_the_prompt(lib: Path) -> None:
    write(
        lib,
        "checkin",
        """\
        prompts:
          - id: p1
            text: "Hi?"
            answer: text
            depth: 1
          - id: p2
            text: "Where is the rest?"
          - answer: text
            depth: 1
            text: "No id"
        """,
    )

    assert problems(lib) == [
        "prompts/checkin.yaml:6: prompt 'p2' is missing required key 'answer'",
        "prompts/checkin.yaml:6: prompt 'p2' is missing required key 'depth'",
        "prompts/checkin.yaml:8: prompt is missing required key 'id'",
    ]


def test_missing_prompts_key(lib: Path) -> None:
    write(lib, "checkin", "unlock:\n  2: 7\n")

    assert problems(lib) == ["prompts/checkin.yaml:1: missing required key 'prompts'"]


def test_duplicate_id_in_one_file_names_both_lines(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT + A_PROMPT.removeprefix("prompts:\n"))

    assert problems(lib) == ["prompts/checkin.yaml:6: duplicate id 'p1' (first used at line 2)"]


def test_duplicate_id_across_kinds_names_both_files(lib: Path) -> None:
    write(lib, "gratitude", GOOD_GRATITUDE.replace("small-thanks", "steady-today"))

    assert problems(lib) == [
        "prompts/gratitude.yaml:2: duplicate id 'steady-today' "
        "(first used at prompts/checkin.yaml:5)"
    ]


def test_wrong_types_are_refused(lib: Path) -> None:
    write(
        lib,
        "checkin",
        """\
        prompts:
          - id: p1
            text: "Hi?"
            answer: text
            depth: 1
          - id: p2
            text: 42
            answer: [text]
            depth: "two"
          - id: p3
            text: "Hi?"
            answer: text
            depth: true
            tags: mood
          - id: 7
            text: "Hi?"
            answer: text
            depth: 1.5
          - id: p5
            text: "Hi?"
            answer: multi
            depth: 4
            tags: [mood, Mood, 3, "not_ok!"]
          - just a string
        """,
    )

    assert problems(lib) == [
        "prompts/checkin.yaml:7: text must be a string, got 42 (an integer); put it in quotes",
        "prompts/checkin.yaml:8: answer must be a string, got a list",
        "prompts/checkin.yaml:9: depth must be an integer from 1 to 3, got 'two' (a string)",
        "prompts/checkin.yaml:13: depth must be an integer from 1 to 3, got true (a boolean)",
        "prompts/checkin.yaml:14: tags must be a list of strings, got 'mood' (a string)",
        "prompts/checkin.yaml:15: id must be a string, got 7 (an integer); put it in quotes",
        "prompts/checkin.yaml:18: depth must be an integer from 1 to 3, got 1.5 (a number)",
        "prompts/checkin.yaml:21: answer must be one of scale, text, choice; got 'multi'",
        "prompts/checkin.yaml:22: depth must be an integer from 1 to 3, got 4",
        "prompts/checkin.yaml:23: each tag must be a string, got 3 (an integer); put it in quotes",
        "prompts/checkin.yaml:23: tag 'Mood' must be lowercase letters, digits, ' ', '-' or '_'",
        "prompts/checkin.yaml:23: tag 'not_ok!' must be lowercase letters, digits, ' ', '-' "
        "or '_'",
        "prompts/checkin.yaml:23: duplicate tag 'Mood' (first at line 23)",
        "prompts/checkin.yaml:24: each prompt must be a mapping with id, text, answer and depth, "
        "got 'just a string' (a string)",
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("Bad_ID", "id 'Bad_ID' must be 2 to 64 characters of a-z, 0-9 and '-', "
         "not starting with '-'"),
        ("-dash", "id '-dash' must be 2 to 64 characters of a-z, 0-9 and '-', "
         "not starting with '-'"),
        ("x", "id 'x' must be 2 to 64 characters of a-z, 0-9 and '-', not starting with '-'"),
        ("a" * 65, f"id '{'a' * 39}…' must be 2 to 64 characters of a-z, 0-9 and '-', "
         "not starting with '-'"),
    ],
)  # fmt: skip
def test_bad_ids_are_refused(lib: Path, given: str, message: str) -> None:
    write(lib, "checkin", A_PROMPT.replace("id: p1", f'id: "{given}"'))

    assert problems(lib) == [f"prompts/checkin.yaml:2: {message}"]


def test_id_of_64_characters_is_fine(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT.replace("id: p1", "id: " + "a" * 64))

    assert load_library(lib).get("a" * 64) is not None


def test_text_length_is_checked_after_stripping(lib: Path) -> None:
    write(
        lib,
        "checkin",
        f"""\
        prompts:
          - id: p1
            text: "   {"x" * 280}   "
            answer: text
            depth: 1
          - id: p2
            text: "{"y" * 281}"
            answer: text
            depth: 1
          - id: p3
            text: "   "
            answer: text
            depth: 1
        """,
    )

    assert problems(lib) == [
        "prompts/checkin.yaml:7: text is 281 characters; the limit is 280",
        "prompts/checkin.yaml:11: text is empty",
    ]


def test_bad_choices_are_refused(lib: Path) -> None:
    write(
        lib,
        "checkin",
        """\
        prompts:
          - id: p1
            text: "Hi?"
            answer: text
            depth: 1
            choices: [a, b]
          - id: p2
            text: "Which?"
            answer: choice
            depth: 1
          - id: p3
            text: "Which?"
            answer: choice
            depth: 1
            choices: [only]
          - id: p4
            text: "Which?"
            answer: choice
            depth: 1
            choices: [a, b, c, d, e, f, g]
          - id: p5
            text: "Which?"
            answer: choice
            depth: 1
            choices:
              - Closer
              - closer
              - "  "
              - "This one is far too long to fit"
          - id: p6
            text: "Which?"
            answer: choice
            depth: 1
            choices: {a: b}
        """,
    )

    assert problems(lib) == [
        "prompts/checkin.yaml:6: choices are only allowed when answer is 'choice' "
        "(answer is 'text')",
        "prompts/checkin.yaml:9: answer 'choice' needs a 'choices' list",
        "prompts/checkin.yaml:15: choices has 1 item; need 2 to 6",
        "prompts/checkin.yaml:20: choices has 7 items; need 2 to 6",
        "prompts/checkin.yaml:27: duplicate choice 'closer' (first at line 26)",
        "prompts/checkin.yaml:28: choice is empty",
        "prompts/checkin.yaml:29: choice 'This one is far too long to fit' is 31 characters; "
        "the limit is 24",
        "prompts/checkin.yaml:34: choices must be a list of strings, got a mapping",
    ]


def test_gratitude_prompts_must_take_text_answers(lib: Path) -> None:
    write(
        lib,
        "gratitude",
        """\
        prompts:
          - id: g1
            text: "Thanks?"
            answer: scale
            depth: 1
          - id: g2
            text: "Which?"
            answer: choice
            depth: 1
            choices: [a, b]
        """,
    )

    assert problems(lib) == [
        "prompts/gratitude.yaml:4: gratitude prompts must have answer 'text', not 'scale'",
        "prompts/gratitude.yaml:8: gratitude prompts must have answer 'text', not 'choice'",
    ]


def test_each_kind_needs_a_depth_one_prompt(lib: Path) -> None:
    write(lib, "gratitude", GOOD_GRATITUDE.replace("depth: 1", "depth: 2"))

    assert problems(lib) == [
        "prompts/gratitude.yaml:1: gratitude needs at least one prompt of depth 1"
    ]


def test_empty_prompts_list(lib: Path) -> None:
    write(lib, "checkin", "unlock: {2: 7}\nprompts: []\n")
    write(lib, "gratitude", "prompts:\n")

    assert problems(lib) == [
        "prompts/checkin.yaml:2: prompts is empty; add at least one prompt",
        "prompts/gratitude.yaml:1: prompts must be a list of prompts, got nothing",
    ]


@pytest.mark.parametrize(
    ("unlock", "message"),
    [
        ("unlock: [7, 21]", "1: unlock must be a mapping of depth to days, like {2: 7, 3: 21}, "
         "got a list"),
        ("unlock:\n  1: 0", "2: depth 1 is always unlocked at 0 days; list only depths 2 and 3"),
        ("unlock:\n  4: 30", "2: an unlock depth must be an integer from 2 to 3, got 4"),
        ("unlock:\n  two: 30", "2: an unlock depth must be an integer from 2 to 3, "
         "got 'two' (a string)"),
        ("unlock:\n  2: -1", "2: unlock days for depth 2 must be an integer >= 0, got -1"),
        ("unlock:\n  2: soon", "2: unlock days for depth 2 must be an integer >= 0, "
         "got 'soon' (a string)"),
        ("unlock:\n  2: 7\n  2: 8", "3: duplicate unlock depth 2 (first at line 2)"),
        ("unlock:\n  2: 21\n  3: 7", "3: unlock days must not decrease with depth: "
         "depth 2 at 21 days, depth 3 at 7 days"),
        ("unlock:\n  2: 30", "2: unlock days must not decrease with depth: "
         "depth 2 at 30 days, depth 3 at 21 days (default)"),
    ],
)  # fmt: skip
def test_bad_unlock_is_refused(lib: Path, unlock: str, message: str) -> None:
    write(lib, "checkin", unlock + "\n" + A_PROMPT)

    assert problems(lib) == [f"prompts/checkin.yaml:{message}"]


# --- Files that are not prompt files at all -------------------------------------------------


def test_yaml_syntax_error_reports_the_line_of_the_mark(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT + '  - id: "p2\n    text: broken\n')
    write(lib, "gratitude", "prompts:\n  - id: g1\n    text: [unclosed\n    answer: text\n")

    assert problems(lib) == [
        "prompts/checkin.yaml:8: invalid YAML: found unexpected end of stream "
        "(while scanning a quoted scalar at line 6)",
        "prompts/gratitude.yaml:4: invalid YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence at line 3)",
    ]


def test_more_than_one_document_is_refused(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT + "---\n" + A_PROMPT)

    assert problems(lib) == [
        "prompts/checkin.yaml:6: invalid YAML: but found another document "
        "(expected a single document in the stream at line 1)"
    ]


def test_a_list_instead_of_a_mapping(lib: Path) -> None:
    write(lib, "checkin", "- id: p1\n  text: Hi?\n")

    assert problems(lib) == [
        "prompts/checkin.yaml:1: the file must be a mapping with a 'prompts' list "
        "(and optional 'unlock'), got a list"
    ]


@pytest.mark.parametrize("content", ["", "\n\n", "# just a comment\n", "---\n...\n"])
def test_empty_file(lib: Path, content: str) -> None:
    write(lib, "gratitude", content)

    assert problems(lib) == [
        "prompts/gratitude.yaml:1: file is empty; expected a mapping with a 'prompts' list"
    ]


def test_non_utf8_file_reports_the_line_of_the_bad_byte(lib: Path) -> None:
    (lib / "checkin.yaml").write_bytes(A_PROMPT.replace("Hi?", "Ca\xe7a?").encode("latin-1"))

    assert problems(lib) == [
        "prompts/checkin.yaml:3: not valid UTF-8 (byte 0xe7); save it as UTF-8"
    ]


def test_utf8_byte_order_mark_is_fine(lib: Path) -> None:
    (lib / "checkin.yaml").write_bytes(b"\xef\xbb\xbf" + A_PROMPT.encode("utf-8"))

    assert load_library(lib).get("p1") is not None


def test_control_character_reports_its_line(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT.replace("Hi?", "Hi\x07?"))

    assert problems(lib) == [
        "prompts/checkin.yaml:3: invalid YAML: character #x0007 is not allowed"
    ]


def test_missing_and_unreadable_files(lib: Path) -> None:
    (lib / "checkin.yaml").unlink()
    (lib / "gratitude.yaml").unlink()
    (lib / "gratitude.yaml").mkdir()  # unreadable as a file, even for root

    assert problems(lib) == [
        "prompts/checkin.yaml:1: missing required prompt file (the 'checkin' prompts)",
        "prompts/gratitude.yaml:1: cannot read file: Is a directory",
    ]


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"

    assert problems(missing) == [f"{missing}: prompts directory does not exist"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert problems(tmp_path / "file") == [f"{tmp_path / 'file'}: not a directory"]


# --- Collecting everything ------------------------------------------------------------------


def test_all_problems_in_all_files_are_collected_at_once(lib: Path) -> None:
    write(
        lib,
        "checkin",
        """\
        unlock: {2: 9, 3: 3}
        prompts:
          - id: p1
            text: "Hi?"
            answer: text
            depth: 1
            mood: calm
          - id: p1
            text: "Again?"
            answer: scale
            depth: 0
        extra: true
        """,
    )
    write(lib, "gratitude", "prompts: [\n")

    with pytest.raises(PromptLibraryError) as info:
        load_library(lib)
    error = info.value

    assert error.problems == (
        "prompts/checkin.yaml:1: unlock days must not decrease with depth: "
        "depth 2 at 9 days, depth 3 at 3 days",
        "prompts/checkin.yaml:7: unknown key 'mood' in a prompt "
        "(allowed: id, text, answer, depth, tags, choices)",
        "prompts/checkin.yaml:8: duplicate id 'p1' (first used at line 3)",
        "prompts/checkin.yaml:11: depth must be an integer from 1 to 3, got 0",
        "prompts/checkin.yaml:12: unknown key 'extra' at the top level (allowed: unlock, prompts)",
        "prompts/gratitude.yaml:2: invalid YAML: expected the node content, but found "
        "'<stream end>' (while parsing a flow node at line 2)",
    )
    assert str(error) == "\n".join(error.problems)


WEIRD_FILES = [
    "[" * 1000,  # deeper than PyYAML's recursive composer can go
    "prompts: &p [*p]",
    "prompts: *nowhere",
    "prompts:\n  - id: !!int abc\n",
    "prompts:\n  - {id: p1, text: Hi, answer: text, depth: !!int zz}\n",
    "prompts:\n  - id: p1\n    <<: {text: Hi}\n",
    "? [complex, key]\n: 1\n",
    "prompts:\n  - {? [a]: b}\n",
    "!custom {prompts: []}",
    "prompts: !!binary aGk=",
    'prompts:\n  - id: p1\n    text: Hi\n    answer: text\n    depth: 1\n    tags: ["a\\nb"]\n',
    "\x00",
    "'unterminated",
    "42",
]


@pytest.mark.parametrize("content", WEIRD_FILES)
def test_weird_files_are_problems_not_tracebacks(lib: Path, content: str) -> None:
    write(lib, "checkin", content)

    found = problems(lib)

    assert found
    assert all(p.startswith("prompts/checkin.yaml:") and "\n" not in p for p in found)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    at=st.integers(min_value=0, max_value=len(GOOD_CHECKIN)),
    cut=st.integers(min_value=0, max_value=8),
    noise=st.text(alphabet=" \n-:[]{}\"'&*!#|>,0123456789abtrue\t\x85\u2028é", max_size=8),
)
def test_any_damage_to_a_file_gives_problems_or_a_library(at: int, cut: int, noise: str) -> None:
    with tempfile.TemporaryDirectory() as raw:
        directory = Path(raw)
        write(directory, "checkin", GOOD_CHECKIN[:at] + noise + GOOD_CHECKIN[at + cut :])
        write(directory, "gratitude", GOOD_GRATITUDE)
        try:
            load_library(directory)
        except PromptLibraryError as error:
            assert error.problems
            for problem in error.problems:
                location, _, message = problem.partition(": ")
                path, _, line = location.rpartition(":")
                assert path in {str(directory / "checkin.yaml"), str(directory / "gratitude.yaml")}
                assert line.isdigit() and int(line) >= 1
                assert message and "\n" not in message


# --- The check-prompts command --------------------------------------------------------------


def test_check_prompts_prints_a_summary_per_kind(lib: Path) -> None:
    out, err = io.StringIO(), io.StringIO()

    assert check_prompts(lib, out, err) == 0

    assert out.getvalue() == (
        "checkin: 3 prompts (depth 1: 1, 2: 1, 3: 1)\n"
        "gratitude: 1 prompt (depth 1: 1, 2: 0, 3: 0)\n"
        "monthly: 13 prompts (depth 1: 5, 2: 4, 3: 4, the shipped file)\n"
    )
    assert err.getvalue() == ""


def test_a_library_without_monthly_prompts_uses_the_shipped_ones(lib: Path) -> None:
    library = load_library(lib)
    shipped = load_library(DEFAULT_PROMPTS_DIR)
    assert library.kind("monthly").prompts == shipped.kind("monthly").prompts


def test_a_library_may_write_its_own_monthly_prompts(lib: Path) -> None:
    write(lib, "monthly", MONTHLY_PROMPT)
    out, err = io.StringIO(), io.StringIO()
    assert check_prompts(lib, out, err) == 0
    assert "monthly: 1 prompt (depth 1: 1, 2: 0, 3: 0)\n" in out.getvalue()
    assert [p.id for p in load_library(lib).kind("monthly").prompts] == ["our-month"]


def test_monthly_prompts_are_answered_in_words(lib: Path) -> None:
    write(lib, "monthly", MONTHLY_PROMPT.replace('answer: "text"', 'answer: "scale"'))
    with pytest.raises(PromptLibraryError) as error:
        load_library(lib)
    assert error.value.problems == (
        "prompts/monthly.yaml:4: monthly prompts must have answer 'text', not 'scale'",
    )


def test_check_prompts_prints_every_problem(lib: Path) -> None:
    write(lib, "checkin", A_PROMPT.replace("depth: 1", "depth: 9"))
    (lib / "gratitude.yaml").unlink()
    out, err = io.StringIO(), io.StringIO()

    assert check_prompts(lib, out, err) == 1

    assert out.getvalue() == ""
    assert err.getvalue() == (
        "prompts/checkin.yaml:5: depth must be an integer from 1 to 3, got 9\n"
        "prompts/gratitude.yaml:1: missing required prompt file (the 'gratitude' prompts)\n"
    )


def test_check_prompts_on_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()

    assert check_prompts(tmp_path / "nope", out, err) == 1

    assert out.getvalue() == ""
    assert err.getvalue() == f"{tmp_path / 'nope'}: prompts directory does not exist\n"


# --- The library Mend ships -----------------------------------------------------------------


def test_default_directory_is_the_repos_prompts_folder() -> None:
    repo = Path(__file__).resolve().parent.parent
    assert repo / "prompts" == DEFAULT_PROMPTS_DIR


def test_shipped_library_loads() -> None:
    library = load_library(DEFAULT_PROMPTS_DIR)

    assert len(library.kind("checkin").prompts) >= 60
    assert len(library.kind("gratitude").prompts) >= 40
