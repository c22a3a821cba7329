"""Tests for loading and validating agreements.yaml and support.yaml (bot.library)."""

import dataclasses
from pathlib import Path
from textwrap import dedent

import pytest

from bot.library import (
    MAX_DESCRIPTION_CHARS,
    MAX_EXAMPLE_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_RESOURCE_DETAIL_CHARS,
    MAX_RESOURCE_NAME_CHARS,
    MAX_TITLE_CHARS,
    AgreementLibrary,
    AgreementTopic,
    Support,
    SupportResource,
    load_agreements,
    load_support,
)
from bot.prompts import DEFAULT_PROMPTS_DIR, PromptLibraryError

GOOD_AGREEMENTS = """\
# A comment.
topics:
  - id: "contact"
    title: "  Contact with a certain person  "
    description: "You say so the same day."
    example: "They messaged me this morning."
  - id: plan-changes
    title: Changes of plan
    description: >
      You let your partner know
      before it happens.
    example: I'll be home at half seven.
"""

GOOD_SUPPORT = """\
message: "You don't have to agree to anything."
resources:
  - name: "Emergency"
    detail: "Call your local emergency number."
  - name: Someone you trust
    detail: A friend or your doctor.
"""

A_TOPIC = """\
topics:
  - id: t1
    title: T
    description: D
    example: E
"""


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A good library at ./prompts, given relatively so messages read `prompts/...`."""
    monkeypatch.chdir(tmp_path)
    directory = Path("prompts")
    directory.mkdir()
    write(directory, "agreements", GOOD_AGREEMENTS)
    write(directory, "support", GOOD_SUPPORT)
    return directory


def write(directory: Path, name: str, text: str) -> None:
    """Write one library file, dedenting so the YAML can sit indented in a test."""
    (directory / f"{name}.yaml").write_text(dedent(text), encoding="utf-8")


def agreement_problems(directory: Path) -> list[str]:
    """The problems load_agreements reports for a file that must be refused."""
    with pytest.raises(PromptLibraryError) as info:
        load_agreements(directory)
    return list(info.value.problems)


def support_problems(directory: Path) -> list[str]:
    """The problems load_support reports for a file that must be refused."""
    with pytest.raises(PromptLibraryError) as info:
        load_support(directory)
    return list(info.value.problems)


# --- The shipped files -----------------------------------------------------------------------


def test_shipped_agreements_load() -> None:
    library = load_agreements(DEFAULT_PROMPTS_DIR)
    assert len(library.topics) >= 12
    for topic in library.topics:
        assert library.get(topic.id) is topic
        assert topic.title and topic.description and topic.example


def test_shipped_support_loads() -> None:
    support = load_support(DEFAULT_PROMPTS_DIR)
    assert support.message
    assert len(support.resources) >= 1
    assert all(resource.name and resource.detail for resource in support.resources)


# --- Good files ------------------------------------------------------------------------------


def test_good_agreements_load_into_typed_models(lib: Path) -> None:
    library = load_agreements(lib)
    assert library.topics == (
        AgreementTopic(
            "contact",
            "Contact with a certain person",
            "You say so the same day.",
            "They messaged me this morning.",
        ),
        AgreementTopic(
            "plan-changes",
            "Changes of plan",
            "You let your partner know before it happens.",
            "I'll be home at half seven.",
        ),
    )
    assert library.get("plan-changes") is library.topics[1]
    assert library.get("nope") is None


def test_good_support_loads_into_typed_models(lib: Path) -> None:
    assert load_support(lib) == Support(
        "You don't have to agree to anything.",
        (
            SupportResource("Emergency", "Call your local emergency number."),
            SupportResource("Someone you trust", "A friend or your doctor."),
        ),
    )


def test_models_are_immutable(lib: Path) -> None:
    library = load_agreements(lib)
    support = load_support(lib)
    with pytest.raises(dataclasses.FrozenInstanceError):
        library.topics[0].title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        support.message = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        support.resources[0].detail = "changed"  # type: ignore[misc]
    assert isinstance(library.topics, tuple)
    assert isinstance(support.resources, tuple)


def test_agreement_library_refuses_duplicate_ids_when_built_directly() -> None:
    topic = AgreementTopic("same", "T", "D", "E")
    with pytest.raises(ValueError, match="duplicate topic id 'same'"):
        AgreementLibrary((topic, topic))


def test_limits_are_inclusive(lib: Path) -> None:
    write(
        lib,
        "agreements",
        f"""\
        topics:
          - id: {"a" * 64}
            title: "{"t" * MAX_TITLE_CHARS}"
            description: "{"d" * MAX_DESCRIPTION_CHARS}"
            example: "{"e" * MAX_EXAMPLE_CHARS}"
        """,
    )
    write(
        lib,
        "support",
        f"""\
        message: "{"m" * MAX_MESSAGE_CHARS}"
        resources:
          - name: "{"n" * MAX_RESOURCE_NAME_CHARS}"
            detail: "{"d" * MAX_RESOURCE_DETAIL_CHARS}"
        """,
    )
    assert len(load_agreements(lib).topics[0].title) == MAX_TITLE_CHARS
    assert len(load_support(lib).message) == MAX_MESSAGE_CHARS


def test_each_file_is_loaded_on_its_own(lib: Path) -> None:
    (lib / "support.yaml").unlink()
    assert len(load_agreements(lib).topics) == 2
    write(lib, "support", GOOD_SUPPORT)
    write(lib, "agreements", "topics: oops\n")
    assert load_support(lib).resources[0].name == "Emergency"


# --- Missing and unreadable files ------------------------------------------------------------


def test_missing_files_are_problems(lib: Path) -> None:
    (lib / "agreements.yaml").unlink()
    (lib / "support.yaml").unlink()
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:1: missing required library file (the agreement topics)"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:1: missing required library file (the support message)"
    ]


def test_missing_directory_reports_the_missing_file(lib: Path) -> None:
    assert agreement_problems(Path("elsewhere")) == [
        "elsewhere/agreements.yaml:1: missing required library file (the agreement topics)"
    ]


def test_empty_files_are_problems(lib: Path) -> None:
    write(lib, "agreements", "# only a comment\n")
    write(lib, "support", "")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:1: file is empty; expected a mapping with a 'topics' list"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:1: file is empty; "
        "expected a mapping with a 'message' and a 'resources' list"
    ]


def test_invalid_utf8_is_a_problem(lib: Path) -> None:
    (lib / "agreements.yaml").write_bytes(b"topics:\n  - id: caf\xe9\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:2: not valid UTF-8 (byte 0xe9); save it as UTF-8"
    ]


def test_yaml_syntax_errors_are_problems_with_lines(lib: Path) -> None:
    write(
        lib,
        "agreements",
        """\
        topics:
          - id: t1
            title: [unclosed
            description: D
        """,
    )
    write(lib, "support", 'message: "unterminated\nresources: []\n')
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:4: invalid YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence at line 3)"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:3: invalid YAML: found unexpected end of stream "
        "(while scanning a quoted scalar at line 1)"
    ]


# --- Top level -------------------------------------------------------------------------------


def test_file_must_be_a_mapping(lib: Path) -> None:
    write(lib, "agreements", "- id: t1\n")
    write(lib, "support", "just words\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:1: the file must be a mapping with a 'topics' list, got a list"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:1: the file must be a mapping with a 'message' and a 'resources' "
        "list, got 'just words' (a string)"
    ]


def test_missing_top_level_keys(lib: Path) -> None:
    write(lib, "agreements", "title: x\n")
    write(lib, "support", "# nothing but\nother: 1\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:1: unknown key 'title' at the top level (allowed: topics)",
        "prompts/agreements.yaml:1: missing required key 'topics'",
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:2: unknown key 'other' at the top level "
        "(allowed: message, resources, page)",
        "prompts/support.yaml:2: missing required key 'message'",
        "prompts/support.yaml:2: missing required key 'resources'",
    ]


def test_unknown_and_repeated_top_level_keys(lib: Path) -> None:
    write(lib, "agreements", A_TOPIC + "topic: []\ntopics: []\n")
    write(lib, "support", GOOD_SUPPORT + "resource: []\nmessage: again\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:6: unknown key 'topic' at the top level (did you mean 'topics'?)",
        "prompts/agreements.yaml:7: duplicate key 'topics' at the top level (first at line 1)",
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:7: unknown key 'resource' at the top level "
        "(did you mean 'resources'?)",
        "prompts/support.yaml:8: duplicate key 'message' at the top level (first at line 1)",
    ]


def test_empty_lists_are_problems(lib: Path) -> None:
    write(lib, "agreements", "topics: []\n")
    write(lib, "support", "message: Hi.\nresources:\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:1: topics is empty; add at least one topic"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:2: resources must be a list of resources, got nothing"
    ]
    write(lib, "support", "message: Hi.\nresources: []\n")
    assert support_problems(lib) == [
        "prompts/support.yaml:2: resources is empty; add at least one resource"
    ]


def test_lists_of_the_wrong_type(lib: Path) -> None:
    write(lib, "agreements", "topics:\n  id: t1\n")
    write(lib, "support", "message: Hi.\nresources: a helpline\n")
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:2: topics must be a list of topics, got a mapping"
    ]
    assert support_problems(lib) == [
        "prompts/support.yaml:2: resources must be a list of resources, "
        "got 'a helpline' (a string)"
    ]


# --- Topics ----------------------------------------------------------------------------------


def test_topic_problems_are_all_collected(lib: Path) -> None:
    write(
        lib,
        "agreements",
        """\
        topics:
          - "just a title"
          - id: t1
            titel: T
            description: D
            example: E
            extra: 1
          - title: No id
            description: D
            example: E
          - id: t2
            title: T
            title: T again
            description: D
            example: E
        """,
    )
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:2: each topic must be a mapping with id, title, description "
        "and example, got 'just a title' (a string)",
        "prompts/agreements.yaml:3: topic 't1' is missing required key 'title'",
        "prompts/agreements.yaml:4: unknown key 'titel' in a topic (did you mean 'title'?)",
        "prompts/agreements.yaml:7: unknown key 'extra' in a topic "
        "(allowed: id, title, description, example)",
        "prompts/agreements.yaml:8: topic is missing required key 'id'",
        "prompts/agreements.yaml:13: duplicate key 'title' in a topic (first at line 12)",
    ]


def test_topic_fields_of_the_wrong_type(lib: Path) -> None:
    write(
        lib,
        "agreements",
        """\
        topics:
          - id: 123
            title: [a, b]
            description: {a: 1}
            example:
          - id: t2
            title: yes
            description: 2026-03-02
            example: 1.5
        """,
    )
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:2: id must be a string, got 123 (an integer); put it in quotes",
        "prompts/agreements.yaml:3: title must be a string, got a list",
        "prompts/agreements.yaml:4: description must be a string, got a mapping",
        "prompts/agreements.yaml:5: example must be a string, got nothing; put it in quotes",
        "prompts/agreements.yaml:7: title must be a string, got yes (a boolean); put it in quotes",
        "prompts/agreements.yaml:8: description must be a string, got 2026-03-02 (a date); "
        "put it in quotes",
        "prompts/agreements.yaml:9: example must be a string, got 1.5 (a number); "
        "put it in quotes",
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            '"Contact"',
            "id 'Contact' must be 2 to 64 characters of a-z, 0-9 and '-', not starting with '-'",
        ),
        (
            '"-contact"',
            "id '-contact' must be 2 to 64 characters of a-z, 0-9 and '-', not starting with '-'",
        ),
        ('"c"', "id 'c' must be 2 to 64 characters of a-z, 0-9 and '-', not starting with '-'"),
        (
            '"' + "a" * 65 + '"',
            "id '" + "a" * 39 + "…' must be 2 to 64 characters of a-z, 0-9 and '-', "
            "not starting with '-'",
        ),
    ],
)
def test_bad_ids_are_refused(lib: Path, given: str, message: str) -> None:
    write(lib, "agreements", A_TOPIC.replace("t1", given))
    assert agreement_problems(lib) == [f"prompts/agreements.yaml:2: {message}"]


def test_duplicate_ids_name_both_lines(lib: Path) -> None:
    write(lib, "agreements", A_TOPIC + A_TOPIC.removeprefix("topics:\n"))
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:6: duplicate id 't1' (first used at line 2)"
    ]


def test_over_long_and_empty_topic_strings(lib: Path) -> None:
    write(
        lib,
        "agreements",
        f"""\
        topics:
          - id: t1
            title: "{"t" * (MAX_TITLE_CHARS + 1)}"
            description: "{"d" * (MAX_DESCRIPTION_CHARS + 1)}"
            example: "{"e" * (MAX_EXAMPLE_CHARS + 1)}"
          - id: t2
            title: "   "
            description: ""
            example: "  fine, once stripped  {" " * MAX_EXAMPLE_CHARS}"
        """,
    )
    assert agreement_problems(lib) == [
        "prompts/agreements.yaml:3: title is 41 characters; the limit is 40",
        "prompts/agreements.yaml:4: description is 201 characters; the limit is 200",
        "prompts/agreements.yaml:5: example is 201 characters; the limit is 200",
        "prompts/agreements.yaml:7: title is empty",
        "prompts/agreements.yaml:8: description is empty",
    ]


# --- Support ---------------------------------------------------------------------------------


def test_support_message_problems(lib: Path) -> None:
    write(lib, "support", GOOD_SUPPORT.replace('"You don\'t have to agree to anything."', "42"))
    assert support_problems(lib) == [
        "prompts/support.yaml:1: message must be a string, got 42 (an integer); put it in quotes"
    ]
    long = "m" * (MAX_MESSAGE_CHARS + 1)
    write(lib, "support", GOOD_SUPPORT.replace("You don't have to agree to anything.", long))
    assert support_problems(lib) == [
        "prompts/support.yaml:1: message is 601 characters; the limit is 600"
    ]
    write(lib, "support", GOOD_SUPPORT.replace("You don't have to agree to anything.", " "))
    assert support_problems(lib) == ["prompts/support.yaml:1: message is empty"]


def test_resource_problems_are_all_collected(lib: Path) -> None:
    write(
        lib,
        "support",
        f"""\
        message: Hi.
        resources:
          - a helpline
          - name: Helpline
            details: 0800
          - detail: No name here.
            phone: "0800"
          - name: "{"n" * (MAX_RESOURCE_NAME_CHARS + 1)}"
            detail: "{"d" * (MAX_RESOURCE_DETAIL_CHARS + 1)}"
          - name: ["x"]
            detail: ""
        """,
    )
    assert support_problems(lib) == [
        "prompts/support.yaml:3: each resource must be a mapping with name and detail, "
        "got 'a helpline' (a string)",
        "prompts/support.yaml:4: resource 'Helpline' is missing required key 'detail'",
        "prompts/support.yaml:5: unknown key 'details' in a resource (did you mean 'detail'?)",
        "prompts/support.yaml:6: resource is missing required key 'name'",
        "prompts/support.yaml:7: unknown key 'phone' in a resource (allowed: name, detail)",
        "prompts/support.yaml:8: name is 81 characters; the limit is 80",
        "prompts/support.yaml:9: detail is 301 characters; the limit is 300",
        "prompts/support.yaml:10: name must be a string, got a list",
        "prompts/support.yaml:11: detail is empty",
    ]


def test_problems_never_leak_a_traceback(lib: Path) -> None:
    write(lib, "agreements", "topics: " + "[" * 5000 + "]" * 5000 + "\n")
    problems = agreement_problems(lib)
    assert len(problems) == 1
    assert problems[0].startswith("prompts/agreements.yaml:1: ")
