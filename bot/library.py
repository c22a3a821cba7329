"""Load and validate the agreement-topic and support files of the YAML library.

`agreements.yaml` holds the suggested disclosure topics; `support.yaml` holds the private
support message and resources shown to someone who hesitates, and the page /support shows
(its optional ``page``: warm words, what to do in acute distress, and helplines by country;
without it, /support shows the message's resources). Both are required files of the
library directory and are checked the way bot.prompts checks the prompt files: every problem
is collected and reported as "path:line: message", never as a traceback.

Like the prompts, each is written in English and in each language folder of the library
(``prompts/de/agreements.yaml``), checked against English (the same topic ids, as many repair
steps, the same placeholders), and read in the reader's language: ``in_language(language)``,
English standing in for a language (or a topic) the library lacks.
"""

import io
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TextIO, TypeVar

from yaml.nodes import MappingNode, Node, SequenceNode

from bot.kernel.i18n import SOURCE, current
from bot.prompts import (
    PromptLibraryError,
    _compose,
    _fields,
    _got,
    _id,
    _line,
    _Report,
    _show,
    _string,
    _string_list,
    check_prompts,
    language_dirs,
    same_placeholders,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

AGREEMENTS_FILE = "agreements.yaml"
SUPPORT_FILE = "support.yaml"
REPAIR_FILE = "repair.yaml"
# The library's files besides the prompt files (bot.prompts.KINDS).
EXTRA_FILES = (AGREEMENTS_FILE, SUPPORT_FILE, REPAIR_FILE)

MAX_TITLE_CHARS = 40
MAX_DESCRIPTION_CHARS = 200
MAX_EXAMPLE_CHARS = 200
MAX_MESSAGE_CHARS = 600
MAX_RESOURCE_NAME_CHARS = 80
MAX_RESOURCE_DETAIL_CHARS = 300
MAX_COUNTRY_CHARS = 60
MAX_CONTACT_CHARS = 200
MAX_LINES = 30  # helplines on the /support page (one Telegram message must hold them all)
# The repair plan (the template here, and what a couple makes of it in bot/features/repair).
MAX_STEP_CHARS = 300
MAX_STEPS = 20

_TOPIC_KEYS = ("id", "title", "description", "example")
_SUPPORT_KEYS = ("message", "resources", "page")
_PAGE_KEYS = ("message", "urgent", "lines")
_LINE_KEYS = ("country", "name", "contact")
_RESOURCE_KEYS = ("name", "detail")
_REPAIR_KEYS = ("title", "steps")


@dataclass(frozen=True, slots=True)
class AgreementTopic:
    """One suggested topic a couple can agree to share openly."""

    id: str
    title: str
    description: str
    example: str


@dataclass(frozen=True, slots=True)
class AgreementLibrary:
    """The suggested topics, in file order, with a lookup by id; and the same topics in each
    other language they were written in (``translations``, each complete: English stands in
    for a topic a language lacks)."""

    topics: tuple[AgreementTopic, ...]
    translations: Mapping[str, "AgreementLibrary"] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False, hash=False
    )
    _by_id: Mapping[str, AgreementTopic] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        by_id: dict[str, AgreementTopic] = {}
        for topic in self.topics:
            if topic.id in by_id:
                raise ValueError(f"duplicate topic id {topic.id!r}")
            by_id[topic.id] = topic
        # Frozen dataclass: the index is derived once here, so it cannot drift from `topics`.
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def in_language(self, language: str) -> "AgreementLibrary":
        """The topics as written in ``language``; these (English) if it has none."""
        return self.translations.get(language, self)

    def get(self, topic_id: str) -> AgreementTopic | None:
        """The topic with this id, in the language being spoken, or None."""
        return self.in_language(current())._by_id.get(topic_id)

    def titles(self, topic_id: str) -> dict[str, str]:
        """The topic's title in each language the library writes it in (none if unknown)."""
        found = {SOURCE: self._by_id[topic_id].title} if topic_id in self._by_id else {}
        for language, library in self.translations.items():
            if topic_id in library._by_id:
                found[language] = library._by_id[topic_id].title
        return found


@dataclass(frozen=True, slots=True)
class SupportResource:
    """One place to turn to, e.g. a helpline, with how to reach it."""

    name: str
    detail: str


@dataclass(frozen=True, slots=True)
class Helpline:
    """A well-known place to call or write to, in one country."""

    country: str
    name: str
    contact: str


@dataclass(frozen=True, slots=True)
class SupportPage:
    """What /support shows: a few warm words, what to do in acute distress, helplines."""

    message: str
    urgent: str
    lines: tuple[Helpline, ...]


@dataclass(frozen=True, slots=True)
class Support:
    """The private message for someone who is unsure, and the resources listed under it; and
    the /support page, if the file has one."""

    message: str
    resources: tuple[SupportResource, ...]
    page: SupportPage | None = None
    translations: Mapping[str, "Support"] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False, hash=False
    )

    def in_language(self, language: str) -> "Support":
        """The support message and page as written in ``language``; English if it has none."""
        return self.translations.get(language, self)


@dataclass(frozen=True, slots=True)
class RepairTemplate:
    """The repair plan a couple starts from, and then makes their own."""

    title: str
    steps: tuple[str, ...]
    translations: Mapping[str, "RepairTemplate"] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False, hash=False
    )

    def in_language(self, language: str) -> "RepairTemplate":
        """The template as written in ``language``; English if it has none."""
        return self.translations.get(language, self)


def _text(values: Mapping[str, Node], name: str, max_chars: int, report: _Report) -> str | None:
    """A present field's stripped string, 1..max_chars long, or None after reporting why not."""
    if name not in values:
        return None
    node = values[name]
    text = _string(node, name, report)
    if text is None:
        return None
    text = text.strip()
    if not text:
        report.at(node, f"{name} is empty")
        return None
    if len(text) > max_chars:
        report.at(node, f"{name} is {len(text)} characters; the limit is {max_chars}")
        return None
    return text


def _missing(
    node: Node, values: Mapping[str, Node], required: tuple[str, ...], label: str, report: _Report
) -> None:
    """Report each required key the mapping leaves out, on the mapping's first line."""
    for name in required:
        if name not in values:
            report.at(node, f"{label} is missing required key '{name}'")


def _items(
    fields: Mapping[str, tuple[Node, Node]], root: Node, key: str, noun: str, report: _Report
) -> list[Node] | None:
    """The items of the required, non-empty list under `key`, or None after reporting why not."""
    if key not in fields:
        report.at(root, f"missing required key '{key}'")
        return None
    node = fields[key][1]
    if not isinstance(node, SequenceNode):
        report.at(node, f"{key} must be a list of {noun}s, {_got(node)}")
        return None
    if not node.value:
        report.at(node, f"{key} is empty; add at least one {noun}")
        return None
    return list(node.value)


def _topic(node: Node, report: _Report, seen_ids: dict[str, int]) -> AgreementTopic | None:
    """One topic, or None after reporting its problems."""
    if not isinstance(node, MappingNode):
        report.at(
            node,
            f"each topic must be a mapping with id, title, description and example, {_got(node)}",
        )
        return None
    values = {
        name: value
        for name, (_, value) in _fields(node, _TOPIC_KEYS, "in a topic", report).items()
    }

    topic_id: str | None = None
    if "id" in values:
        topic_id = _id(values["id"], report)
        if topic_id is not None:
            here = _line(values["id"])
            if topic_id in seen_ids:
                report.add(
                    here, f"duplicate id '{topic_id}' (first used at line {seen_ids[topic_id]})"
                )
                topic_id = None
            else:
                seen_ids[topic_id] = here

    label = f"topic '{topic_id}'" if topic_id is not None else "topic"
    _missing(node, values, _TOPIC_KEYS, label, report)
    title = _text(values, "title", MAX_TITLE_CHARS, report)
    description = _text(values, "description", MAX_DESCRIPTION_CHARS, report)
    example = _text(values, "example", MAX_EXAMPLE_CHARS, report)
    if topic_id is None or title is None or description is None or example is None:
        return None
    return AgreementTopic(topic_id, title, description, example)


def _resource(node: Node, report: _Report) -> SupportResource | None:
    """One support resource, or None after reporting its problems."""
    if not isinstance(node, MappingNode):
        report.at(node, f"each resource must be a mapping with name and detail, {_got(node)}")
        return None
    fields = _fields(node, _RESOURCE_KEYS, "in a resource", report)
    values = {name: value for name, (_, value) in fields.items()}
    name = _text(values, "name", MAX_RESOURCE_NAME_CHARS, report)
    label = f"resource '{_show(name)}'" if name is not None else "resource"
    _missing(node, values, _RESOURCE_KEYS, label, report)
    detail = _text(values, "detail", MAX_RESOURCE_DETAIL_CHARS, report)
    if name is None or detail is None:
        return None
    return SupportResource(name, detail)


def _helpline(node: Node, report: _Report) -> Helpline | None:
    """One helpline of the /support page, or None after reporting its problems."""
    if not isinstance(node, MappingNode):
        report.at(
            node, f"each line must be a mapping with country, name and contact, {_got(node)}"
        )
        return None
    fields = _fields(node, _LINE_KEYS, "in a line", report)
    values = {name: value for name, (_, value) in fields.items()}
    name = _text(values, "name", MAX_RESOURCE_NAME_CHARS, report)
    label = f"line '{_show(name)}'" if name is not None else "line"
    _missing(node, values, _LINE_KEYS, label, report)
    country = _text(values, "country", MAX_COUNTRY_CHARS, report)
    contact = _text(values, "contact", MAX_CONTACT_CHARS, report)
    if name is None or country is None or contact is None:
        return None
    return Helpline(country, name, contact)


def _page(node: Node, report: _Report) -> SupportPage | None:
    """The /support page, or None after reporting its problems."""
    if not isinstance(node, MappingNode):
        report.at(node, f"page must be a mapping with message, urgent and lines, {_got(node)}")
        return None
    fields = _fields(node, _PAGE_KEYS, "in the page", report)
    values = {name: value for name, (_, value) in fields.items()}
    _missing(node, values, ("message", "urgent"), "the page", report)
    message = _text(values, "message", MAX_MESSAGE_CHARS, report)
    urgent = _text(values, "urgent", MAX_MESSAGE_CHARS, report)
    lines: list[Helpline] = []
    items = _items(fields, node, "lines", "line", report)
    for item in items or ():
        line = _helpline(item, report)
        if line is not None:
            lines.append(line)
    if items is not None and len(items) > MAX_LINES:
        report.at(fields["lines"][1], f"{len(items)} lines; the limit is {MAX_LINES}")
    if message is None or urgent is None or items is None:
        return None
    return SupportPage(message, urgent, tuple(lines))


def _raise_if_any(report: _Report) -> None:
    """Raise PromptLibraryError listing the report's problems, if it has any."""
    problems = report.lines()
    if problems:
        raise PromptLibraryError(problems)


def _agreements_file(directory: Path) -> tuple[AgreementLibrary, dict[str, int]]:
    """Load and check `directory`/agreements.yaml: the topics, and the line of each id."""
    report = _Report(directory / AGREEMENTS_FILE)
    seen_ids: dict[str, int] = {}
    expected = "a mapping with a 'topics' list"
    root = _compose(
        report.path, report, missing="library file (the agreement topics)", expected=expected
    )
    topics: list[AgreementTopic] = []
    if isinstance(root, MappingNode):
        fields = _fields(root, ("topics",), "at the top level", report)
        items = _items(fields, root, "topics", "topic", report)
        for item in items or ():
            topic = _topic(item, report, seen_ids)
            if topic is not None:
                topics.append(topic)
    elif root is not None:
        report.at(root, f"the file must be {expected}, {_got(root)}")
    _raise_if_any(report)
    return AgreementLibrary(tuple(topics)), seen_ids


def _support_file(directory: Path) -> Support:
    """Load and check `directory`/support.yaml; PromptLibraryError lists all problems."""
    report = _Report(directory / SUPPORT_FILE)
    expected = "a mapping with a 'message' and a 'resources' list"
    root = _compose(
        report.path, report, missing="library file (the support message)", expected=expected
    )
    message: str | None = None
    resources: list[SupportResource] = []
    page: SupportPage | None = None
    if isinstance(root, MappingNode):
        fields = _fields(root, _SUPPORT_KEYS, "at the top level", report)
        values = {name: value for name, (_, value) in fields.items()}
        if "message" not in values:
            report.at(root, "missing required key 'message'")
        message = _text(values, "message", MAX_MESSAGE_CHARS, report)
        items = _items(fields, root, "resources", "resource", report)
        for item in items or ():
            resource = _resource(item, report)
            if resource is not None:
                resources.append(resource)
        if "page" in values:
            page = _page(values["page"], report)
    elif root is not None:
        report.at(root, f"the file must be {expected}, {_got(root)}")
    _raise_if_any(report)
    if message is None:  # pragma: no cover - a missing or bad message is always reported
        raise AssertionError("support message missing without a reported problem")
    return Support(message, tuple(resources), page)


def _repair_file(directory: Path) -> tuple[RepairTemplate, int]:
    """Load and check `directory`/repair.yaml: the template, and the line its steps start."""
    report = _Report(directory / REPAIR_FILE)
    expected = "a mapping with a 'title' and a 'steps' list"
    root = _compose(
        report.path, report, missing="library file (the repair plan template)", expected=expected
    )
    title: str | None = None
    steps: list[str] = []
    steps_line = 1
    if isinstance(root, MappingNode):
        fields = _fields(root, _REPAIR_KEYS, "at the top level", report)
        values = {name: value for name, (_, value) in fields.items()}
        _missing(root, values, _REPAIR_KEYS, "the file", report)
        title = _text(values, "title", MAX_TITLE_CHARS, report)
        if "steps" in values:
            steps_line = _line(fields["steps"][0])
            items = _string_list(values["steps"], "step", MAX_STEP_CHARS, report) or []
            steps = [text for _, text in items]
            if not steps and not report.lines():
                report.at(values["steps"], "steps is empty; add at least one step")
            elif len(steps) > MAX_STEPS:
                report.at(values["steps"], f"{len(steps)} steps; the limit is {MAX_STEPS}")
    elif root is not None:
        report.at(root, f"the file must be {expected}, {_got(root)}")
    _raise_if_any(report)
    assert title is not None  # a missing or bad title is always reported
    return RepairTemplate(title, tuple(steps)), steps_line


def _translations(
    directory: Path, load: Callable[[Path], T], compare: Callable[[T, T, Path], list[str]]
) -> tuple[dict[str, T], list[str]]:
    """Each language folder's file, loaded and compared with English's by ``compare``
    (``(english, translated, its folder) -> problems``), and every problem found."""
    translations: dict[str, T] = {}
    problems: list[str] = []
    english = load(directory)
    for language, folder in language_dirs(directory).items():
        try:
            translated = load(folder)
        except PromptLibraryError as error:
            problems += error.problems
            continue
        problems += compare(english, translated, folder)
        translations[language] = translated
    return translations, problems


def _placeholders(path: Path, line: int, what: str, english: str, translated: str) -> list[str]:
    differ = same_placeholders(english, translated)
    return [] if differ is None else [f"{path}:{line}: {what}: {differ}"]


def load_agreements(directory: Path, *, strict: bool = False) -> AgreementLibrary:
    """Load and check `directory`/agreements.yaml, in English and in each language folder
    (the same topic ids as English); PromptLibraryError lists all problems. A topic a
    language lacks is shown in English (``strict``: it is a problem)."""
    english, english_lines = _agreements_file(directory)

    def load(folder: Path) -> tuple[AgreementLibrary, dict[str, int]]:
        return _agreements_file(folder)

    def compare(
        source: tuple[AgreementLibrary, dict[str, int]],
        translated: tuple[AgreementLibrary, dict[str, int]],
        folder: Path,
    ) -> list[str]:
        (library, lines), path = translated, folder / AGREEMENTS_FILE
        problems: list[str] = []
        for topic in library.topics:
            line = lines[topic.id]
            original = english._by_id.get(topic.id)
            if original is None:
                problems.append(f"{path}:{line}: topic '{topic.id}' is not in the English library")
                continue
            for name in ("title", "description", "example"):
                problems += _placeholders(
                    path,
                    line,
                    f"topic '{topic.id}' {name}",
                    getattr(original, name),
                    getattr(topic, name),
                )
        for topic in english.topics:
            if library._by_id.get(topic.id) is None:
                missing = (
                    f"{path}:1: topic '{topic.id}' is missing (English has it at "
                    f"{directory / AGREEMENTS_FILE}:{english_lines[topic.id]})"
                )
                if strict:
                    problems.append(missing)
                else:
                    log.warning("Library: %s; shown in English", missing)
        return problems

    translations, problems = _translations(directory, load, compare)
    if problems:
        raise PromptLibraryError(problems)
    complete = {
        language: AgreementLibrary(
            tuple(library._by_id.get(topic.id) or topic for topic in english.topics)
        )
        for language, (library, _) in translations.items()
    }
    return AgreementLibrary(english.topics, MappingProxyType(complete))


def load_support(directory: Path) -> Support:
    """Load and check `directory`/support.yaml, in English and in each language folder (the
    same placeholders as English); PromptLibraryError lists all problems."""

    def compare(english: Support, translated: Support, folder: Path) -> list[str]:
        return _placeholders(
            folder / SUPPORT_FILE, 1, "message", english.message, translated.message
        )

    translations, problems = _translations(directory, _support_file, compare)
    if problems:
        raise PromptLibraryError(problems)
    english = _support_file(directory)
    return Support(
        english.message, english.resources, english.page, MappingProxyType(translations)
    )


def load_repair(directory: Path) -> RepairTemplate:
    """Load and check `directory`/repair.yaml, in English and in each language folder (as
    many steps as English, the same placeholders); PromptLibraryError lists all problems."""

    def compare(
        english: tuple[RepairTemplate, int], translated: tuple[RepairTemplate, int], folder: Path
    ) -> list[str]:
        (source, _), (template, line) = english, translated
        path = folder / REPAIR_FILE
        if len(template.steps) != len(source.steps):
            return [
                f"{path}:{line}: {len(template.steps)} steps; English has {len(source.steps)} "
                f"({directory / REPAIR_FILE})"
            ]
        problems = _placeholders(path, 1, "title", source.title, template.title)
        for number, (original, step) in enumerate(
            zip(source.steps, template.steps, strict=True), 1
        ):
            problems += _placeholders(path, line, f"step {number}", original, step)
        return problems

    translations, problems = _translations(directory, _repair_file, compare)
    if problems:
        raise PromptLibraryError(problems)
    english, _ = _repair_file(directory)
    return RepairTemplate(
        english.title,
        english.steps,
        MappingProxyType({language: template for language, (template, _) in translations.items()}),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def check_library(directory: Path, out: TextIO, err: TextIO) -> int:
    """`python -m bot check-prompts [DIR]`: check every file of the library. Prints a summary
    per file (exit 0) or every problem as "path:line: message" (exit 1)."""
    summary, problems = io.StringIO(), io.StringIO()
    status = check_prompts(directory, summary, problems)
    if directory.is_dir():  # otherwise check_prompts said so, in one line
        checks: tuple[tuple[str, Callable[[], str]], ...] = (
            (
                "agreements",
                lambda: _count(len(load_agreements(directory, strict=True).topics), "topic"),
            ),
            ("support", lambda: _count(len(load_support(directory).resources), "resource")),
            ("repair", lambda: _count(len(load_repair(directory).steps), "step")),
        )
        for name, describe in checks:
            try:
                print(f"{name}: {describe()}", file=summary)
            except PromptLibraryError as error:
                print("\n".join(error.problems), file=problems)
                status = 1
    if status:
        err.write(problems.getvalue())
    else:
        out.write(summary.getvalue())
    return status
