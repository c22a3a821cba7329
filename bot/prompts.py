"""Load and validate the YAML prompt library into typed, immutable models.

The library is written in English (``prompts/``) and in each other language Mend speaks
(``prompts/<language>/``, e.g. ``prompts/de``): the same files, the same prompt ids, answer
types and choice counts, each checked as English is and then against English. A prompt is
shown in its reader's language (:meth:`PromptLibrary.get` reads
:func:`bot.kernel.i18n.current`), falling back to English for a language or a prompt the
library lacks; which prompt is given (ids, kinds, depths) is always English's, so the day's
shared check-in is the same prompt for both partners, whatever each reads it in. A library
with no language folders (an operator's own, PROMPTS_DIR) is English for everyone.
"""

import difflib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TextIO, get_args

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from bot.kernel.i18n import LANGUAGES, SOURCE, current

log = logging.getLogger(__name__)

AnswerType = Literal["scale", "text", "choice"]

ANSWER_TYPES: tuple[AnswerType, ...] = get_args(AnswerType)
KINDS: tuple[str, ...] = ("checkin", "gratitude", "monthly")
# Kinds answered in words only.
TEXT_ONLY: frozenset[str] = frozenset({"gratitude", "monthly"})
# Kinds a library written before they existed may lack: the shipped file stands in for it.
SHIPPED_IF_MISSING: frozenset[str] = frozenset({"monthly"})
DEFAULT_PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
# The languages the library may be translated into, each in its own folder of the library.
TRANSLATED: tuple[str, ...] = tuple(language for language in LANGUAGES if language != SOURCE)

MAX_DEPTH = 3
MAX_TEXT_CHARS = 280
MIN_CHOICES = 2
MAX_CHOICES = 6
MAX_CHOICE_CHARS = 24
MAX_TAG_CHARS = 32
# Used for any depth a file's `unlock` leaves out, so the deepest prompts are never open on
# day one just because someone forgot the key.
DEFAULT_UNLOCK: Mapping[int, int] = MappingProxyType({1: 0, 2: 7, 3: 21})

_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{1,63}")
_TAG_RE = re.compile(r"[a-z0-9](?:[a-z0-9 _-]*[a-z0-9])?")
_PROMPT_KEYS = ("id", "text", "answer", "depth", "tags", "choices")
_REQUIRED_PROMPT_KEYS = ("id", "text", "answer", "depth")
_TOP_KEYS = ("unlock", "prompts")

# libyaml's parser when PyYAML was built with it (its wheels are): the library is read in every
# language at start-up, and the pure-Python one takes 15 times as long. A file that does not
# parse is read again by the pure-Python one, whose messages and lines the reports use.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TAG_NAMES = {
    _STR: "a string",
    _INT: "an integer",
    _BOOL: "a boolean",
    _NULL: "nothing",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:binary": "binary data",
}
# Only used for its pure scalar conversions (e.g. "0x1F", "1_000"), never to build whole trees.
_SCALARS = SafeConstructor()


@dataclass(frozen=True, slots=True)
class Prompt:
    """One question Mend can ask a couple."""

    id: str
    kind: str
    text: str
    answer: AnswerType
    depth: int
    tags: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PromptSet:
    """All prompts of one kind plus the days of shared answers that unlock each depth."""

    kind: str
    prompts: tuple[Prompt, ...]
    unlock: Mapping[int, int] = field(hash=False)

    def max_depth(self, shared_days: int) -> int:
        """The deepest depth unlocked after `shared_days` days both partners answered."""
        return max((d for d, days in self.unlock.items() if days <= shared_days), default=1)

    def eligible(self, shared_days: int) -> tuple[Prompt, ...]:
        """The prompts, in file order, whose depth is unlocked after `shared_days` days."""
        deepest = self.max_depth(shared_days)
        return tuple(prompt for prompt in self.prompts if prompt.depth <= deepest)


@dataclass(frozen=True, slots=True)
class PromptLibrary:
    """Every prompt set, by kind, with a lookup by prompt id across kinds; and the same
    library in each other language it was written in (``translations``)."""

    directory: Path
    sets: Mapping[str, PromptSet] = field(hash=False)
    translations: Mapping[str, "PromptLibrary"] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False, hash=False
    )
    _by_id: Mapping[str, Prompt] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        by_id: dict[str, Prompt] = {}
        for prompt_set in self.sets.values():
            for prompt in prompt_set.prompts:
                if prompt.id in by_id:
                    raise ValueError(f"duplicate prompt id {prompt.id!r}")
                by_id[prompt.id] = prompt
        # Frozen dataclass: the index is derived once here, so it cannot drift from `sets`.
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def kind(self, kind: str) -> PromptSet:
        """The prompt set of one kind (English's: which prompt is given never depends on who
        reads it); KeyError for an unknown kind."""
        return self.sets[kind]

    def in_language(self, language: str) -> "PromptLibrary":
        """The library as written in ``language``; this one (English) if it has none."""
        return self.translations.get(language, self)

    def get(self, prompt_id: str) -> Prompt | None:
        """The prompt with this id, of any kind, in the language being spoken (English if
        that language lacks it), or None."""
        translated = self.in_language(current())
        found = translated._by_id.get(prompt_id) if translated is not self else None
        return found or self._by_id.get(prompt_id)


class PromptLibraryError(Exception):
    """The prompt library is unusable; `problems` lists each one as "path:line: message"."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


class _Report:
    """The problems found in one file, each tied to a 1-based line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, message: str) -> None:
        """Record a problem on a line."""
        self.items.append((line, message))

    def at(self, node: Node, message: str) -> None:
        """Record a problem on the line where a YAML node starts."""
        self.add(_line(node), message)

    def lines(self) -> list[str]:
        """The problems as "path:line: message", in line order."""
        return [
            f"{self.path}:{line}: {message}" for line, message in sorted(self.items, key=_first)
        ]


def _first(item: tuple[int, str]) -> int:
    """Sort key: the line only, so problems on one line keep the order they were found in."""
    return item[0]


def _line(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1 if node.start_mark is not None else 1


def _show(value: str, limit: int = 40) -> str:
    """A value echoed into a message: one line, control characters escaped, shortened."""
    # A problem must stay on one line so "path:line: message" output can be parsed.
    clean = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _got(node: Node) -> str:
    """How a wrong value reads in a message, e.g. "got 'two' (a string)"."""
    if isinstance(node, MappingNode):
        return "got a mapping"
    if isinstance(node, SequenceNode):
        return "got a list"
    if node.tag == _NULL:
        return "got nothing"
    kind = _TAG_NAMES.get(node.tag, f"a value tagged {node.tag}")
    shown = _show(str(node.value))
    if node.tag == _STR:
        return f"got '{shown}' ({kind})"
    return f"got {shown} ({kind})"


def _string(node: Node, what: str, report: _Report) -> str | None:
    """A string scalar's text, or None after reporting what else it is."""
    if isinstance(node, ScalarNode) and node.tag == _STR:
        return str(node.value)
    plain = isinstance(node, ScalarNode) and not node.style  # libyaml says '', PyYAML None
    hint = "; put it in quotes" if plain else ""
    report.at(node, f"{what} must be a string, {_got(node)}{hint}")
    return None


def _integer(node: Node, what: str, low: int, high: int | None, report: _Report) -> int | None:
    """An integer scalar within [low, high], or None after reporting why not."""
    wanted = f"an integer from {low} to {high}" if high is not None else f"an integer >= {low}"
    # A bool is an int in Python, so `depth: true` must be caught by its YAML tag, not isinstance.
    if not (isinstance(node, ScalarNode) and node.tag == _INT):
        report.at(node, f"{what} must be {wanted}, {_got(node)}")
        return None
    try:
        number = _SCALARS.construct_yaml_int(node)
    except ValueError:
        report.at(node, f"{what} must be {wanted}, got {_show(node.value)} (not an integer)")
        return None
    if number < low or (high is not None and number > high):
        report.at(node, f"{what} must be {wanted}, got {number}")
        return None
    return number


def _fields(
    mapping: MappingNode, allowed: tuple[str, ...], where: str, report: _Report
) -> dict[str, tuple[Node, Node]]:
    """The (key, value) nodes of a mapping by key name, reporting unknown and repeated keys."""
    fields: dict[str, tuple[Node, Node]] = {}
    for key, value in mapping.value:
        name = str(key.value) if isinstance(key, ScalarNode) else "?"
        if not (isinstance(key, ScalarNode) and key.tag == _STR and name in allowed):
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
            report.at(key, f"unknown key '{_show(name)}' {where} ({hint})")
        elif name in fields:
            first = _line(fields[name][0])
            report.at(key, f"duplicate key '{name}' {where} (first at line {first})")
        else:
            fields[name] = (key, value)
    return fields


def _string_list(
    node: Node, what: str, max_chars: int, report: _Report
) -> list[tuple[Node, str]] | None:
    """The stripped strings of a list, each 1..max_chars long; None if the list itself is wrong."""
    if not isinstance(node, SequenceNode):
        report.at(node, f"{what}s must be a list of strings, {_got(node)}")
        return None
    items: list[tuple[Node, str]] = []
    for item in node.value:
        text = _string(item, f"each {what}", report)
        if text is None:
            continue
        text = text.strip()
        if not text:
            report.at(item, f"{what} is empty")
        elif len(text) > max_chars:
            report.at(
                item,
                f"{what} '{_show(text)}' is {len(text)} characters; the limit is {max_chars}",
            )
        else:
            items.append((item, text))
    return items


def _unique(items: list[tuple[Node, str]], what: str, report: _Report) -> tuple[str, ...]:
    """The item texts, reporting any that repeat (case-insensitively) an earlier one."""
    seen: dict[str, Node] = {}
    for node, text in items:
        folded = text.casefold()
        if folded in seen:
            first = _line(seen[folded])
            report.at(node, f"duplicate {what} '{_show(text)}' (first at line {first})")
        else:
            seen[folded] = node
    return tuple(text for _, text in items)


def _unlock(entry: tuple[Node, Node] | None, report: _Report) -> dict[int, int] | None:
    """Days needed per depth (1..MAX_DEPTH), defaults filling any depth left out."""
    if entry is None:
        return dict(DEFAULT_UNLOCK)
    node = entry[1]
    if not isinstance(node, MappingNode):
        report.at(
            node, f"unlock must be a mapping of depth to days, like {{2: 7, 3: 21}}, {_got(node)}"
        )
        return None
    given: dict[int, int] = {}
    key_nodes: dict[int, Node] = {}
    ok = True
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.tag == _INT and key.value == "1":
            report.at(key, "depth 1 is always unlocked at 0 days; list only depths 2 and 3")
            ok = False
            continue
        depth = _integer(key, "an unlock depth", 2, MAX_DEPTH, report)
        if depth is None:
            ok = False
            continue
        if depth in key_nodes:
            first = _line(key_nodes[depth])
            report.at(key, f"duplicate unlock depth {depth} (first at line {first})")
            ok = False
            continue
        key_nodes[depth] = key
        days = _integer(value, f"unlock days for depth {depth}", 0, None, report)
        if days is None:
            ok = False
            continue
        given[depth] = days
    if not ok:
        return None
    unlock = {**DEFAULT_UNLOCK, **given}
    for depth in range(2, MAX_DEPTH + 1):
        shallower, deeper = unlock[depth - 1], unlock[depth]
        if deeper < shallower:
            shown = {
                d: f"{unlock[d]} days" + ("" if d in given else " (default)")
                for d in (depth - 1, depth)
            }
            culprit = key_nodes.get(depth) or key_nodes[depth - 1]
            report.at(
                culprit,
                f"unlock days must not decrease with depth: depth {depth - 1} at "
                f"{shown[depth - 1]}, depth {depth} at {shown[depth]}",
            )
            ok = False
    return dict(sorted(unlock.items())) if ok else None


def _prompt(
    node: Node, kind: str, report: _Report, seen_ids: dict[str, tuple[Path, int]]
) -> tuple[Prompt | None, int | None, bool]:
    """One prompt (None if it has problems), its depth if readable, and whether depth was bad."""
    if not isinstance(node, MappingNode):
        report.at(
            node, f"each prompt must be a mapping with id, text, answer and depth, {_got(node)}"
        )
        return None, None, False
    fields = _fields(node, _PROMPT_KEYS, "in a prompt", report)
    values: dict[str, Node] = {name: value for name, (_, value) in fields.items()}

    prompt_id: str | None = None
    if "id" in values:
        prompt_id = _id(values["id"], report)
        if prompt_id is not None:
            here = _line(values["id"])
            if prompt_id in seen_ids:
                other_path, other_line = seen_ids[prompt_id]
                same_file = other_path == report.path
                where = f"line {other_line}" if same_file else f"{other_path}:{other_line}"
                report.add(here, f"duplicate id '{prompt_id}' (first used at {where})")
            else:
                seen_ids[prompt_id] = (report.path, here)

    label = f"prompt '{prompt_id}'" if prompt_id is not None else "prompt"
    for name in _REQUIRED_PROMPT_KEYS:
        if name not in values:
            report.at(node, f"{label} is missing required key '{name}'")

    text: str | None = None
    if "text" in values:
        text = _string(values["text"], "text", report)
        if text is not None:
            text = text.strip()
            if not text:
                report.at(values["text"], "text is empty")
                text = None
            elif len(text) > MAX_TEXT_CHARS:
                report.at(
                    values["text"],
                    f"text is {len(text)} characters; the limit is {MAX_TEXT_CHARS}",
                )
                text = None

    # `answer` is what the prompt declares (it decides whether choices belong);
    # `answer_ok` is whether that is also allowed for this kind.
    answer: AnswerType | None = None
    answer_ok = False
    if "answer" in values:
        raw = _string(values["answer"], "answer", report)
        answer = next((option for option in ANSWER_TYPES if option == raw), None)
        if raw is not None and answer is None:
            report.at(
                values["answer"],
                f"answer must be one of {', '.join(ANSWER_TYPES)}; got '{_show(raw)}'",
            )
        elif kind in TEXT_ONLY and answer is not None and answer != "text":
            report.at(values["answer"], f"{kind} prompts must have answer 'text', not '{answer}'")
        else:
            answer_ok = answer is not None

    depth: int | None = None
    bad_depth = False
    if "depth" in values:
        depth = _integer(values["depth"], "depth", 1, MAX_DEPTH, report)
        bad_depth = depth is None

    tags: tuple[str, ...] | None = ()
    if "tags" in values:
        items = _string_list(values["tags"], "tag", MAX_TAG_CHARS, report)
        tags = None
        if items is not None:
            for item, tag in items:
                if not _TAG_RE.fullmatch(tag):
                    report.at(
                        item,
                        f"tag '{_show(tag)}' must be lowercase letters, digits, ' ', '-' or '_'",
                    )
            tags = _unique(items, "tag", report)

    choices: tuple[str, ...] | None = ()
    if "choices" in values:
        choices_key, choices_node = fields["choices"]
        if answer is not None and answer != "choice":
            report.at(
                choices_key,
                f"choices are only allowed when answer is 'choice' (answer is '{answer}')",
            )
        items = _string_list(choices_node, "choice", MAX_CHOICE_CHARS, report)
        choices = None
        if items is not None:
            count = len(choices_node.value)
            if MIN_CHOICES <= count <= MAX_CHOICES:
                choices = _unique(items, "choice", report)
            else:
                report.at(
                    choices_node,
                    f"choices has {count} item{'' if count == 1 else 's'}; "
                    f"need {MIN_CHOICES} to {MAX_CHOICES}",
                )
    elif answer == "choice":
        report.at(values["answer"], "answer 'choice' needs a 'choices' list")
        choices = None

    # Every problem is already recorded and fails the whole load; None only means that
    # there is nothing sound to build a Prompt from.
    if (
        prompt_id is None
        or text is None
        or not answer_ok
        or answer is None
        or depth is None
        or tags is None
        or choices is None
    ):
        return None, depth, bad_depth
    return Prompt(prompt_id, kind, text, answer, depth, tags, choices), depth, bad_depth


def _prompt_set(
    root: Node, kind: str, report: _Report, seen_ids: dict[str, tuple[Path, int]]
) -> PromptSet | None:
    """The prompt set a file's top-level node describes, or None if it has problems."""
    if not isinstance(root, MappingNode):
        report.at(
            root,
            f"the file must be a mapping with a 'prompts' list (and optional 'unlock'), "
            f"{_got(root)}",
        )
        return None
    fields = _fields(root, _TOP_KEYS, "at the top level", report)
    unlock = _unlock(fields.get("unlock"), report)
    if "prompts" not in fields:
        report.at(root, "missing required key 'prompts'")
        return None
    prompts_key, prompts_node = fields["prompts"]
    if not isinstance(prompts_node, SequenceNode):
        report.at(prompts_node, f"prompts must be a list of prompts, {_got(prompts_node)}")
        return None
    if not prompts_node.value:
        report.at(prompts_node, "prompts is empty; add at least one prompt")
        return None

    prompts: list[Prompt] = []
    depths: set[int] = set()
    any_bad_depth = False
    all_ok = True
    for item in prompts_node.value:
        prompt, depth, bad_depth = _prompt(item, kind, report, seen_ids)
        if prompt is None:
            all_ok = False
        else:
            prompts.append(prompt)
        if depth is not None:
            depths.add(depth)
        any_bad_depth = any_bad_depth or bad_depth
    # With an unreadable depth somewhere, it may well have been the missing depth-1 prompt.
    if 1 not in depths and not any_bad_depth:
        report.at(prompts_key, f"{kind} needs at least one prompt of depth 1")
        all_ok = False
    if not all_ok or unlock is None:
        return None
    return PromptSet(kind, tuple(prompts), MappingProxyType(unlock))


def _id(node: Node, report: _Report) -> str | None:
    """A stable id (prompt or topic), or None after reporting why it is not one."""
    value = _string(node, "id", report)
    if value is not None and not _ID_RE.fullmatch(value):
        report.at(
            node,
            f"id '{_show(value)}' must be 2 to 64 characters of a-z, 0-9 and '-', "
            "not starting with '-'",
        )
        return None
    return value


def _compose(path: Path, report: _Report, *, missing: str, expected: str) -> Node | None:
    """The YAML node tree of a file, or None after reporting why it cannot be read.

    ``missing`` says what a required file that is absent would have held; ``expected`` what
    an empty file should contain.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        report.add(1, f"missing required {missing}")
        return None
    except OSError as error:
        report.add(1, f"cannot read file: {error.strerror or error}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        report.add(line, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8")
        return None
    try:
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:  # said as PyYAML's own parser says it, at the same line
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = f"invalid YAML: {_show(str(error.problem or error.context), 200)}"
        if error.context and error.problem and error.context_mark is not None:
            message += f" ({error.context} at line {error.context_mark.line + 1})"
        report.add(mark.line + 1 if mark is not None else 1, message)
        return None
    except ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        report.add(line, f"invalid YAML: character #x{error.character:04x} is not allowed")
        return None
    except yaml.YAMLError as error:
        report.add(1, f"invalid YAML: {_show(str(error), 200)}")
        return None
    except RecursionError:
        # PyYAML composes recursively; absurd nesting must be a problem, not a traceback.
        report.add(1, "invalid YAML: nested too deeply")
        return None
    if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL):
        report.add(1, f"file is empty; expected {expected}")
        return None
    return root


def _load_one(directory: Path, shipped: Path) -> tuple[PromptLibrary, dict[str, tuple[Path, int]]]:
    """Load and check every kind of one language's folder (``shipped``: where a kind a
    library may lack is taken from); the library and where each prompt id is written."""
    reports: list[_Report] = []
    seen_ids: dict[str, tuple[Path, int]] = {}
    sets: dict[str, PromptSet] = {}
    for kind in KINDS:
        path = directory / f"{kind}.yaml"
        if kind in SHIPPED_IF_MISSING and not path.exists():
            path = shipped / f"{kind}.yaml"
        report = _Report(path)
        reports.append(report)
        root = _compose(
            report.path,
            report,
            missing=f"prompt file (the '{kind}' prompts)",
            expected="a mapping with a 'prompts' list",
        )
        prompt_set = _prompt_set(root, kind, report, seen_ids) if root is not None else None
        if prompt_set is not None:
            sets[kind] = prompt_set
    problems = [line for report in reports for line in report.lines()]
    if problems:
        raise PromptLibraryError(problems)
    return PromptLibrary(directory, MappingProxyType(sets)), seen_ids


def language_dirs(directory: Path) -> dict[str, Path]:
    """The library's folders of the other languages it is written in (``<directory>/de``)."""
    return {
        language: directory / language
        for language in TRANSLATED
        if (directory / language).is_dir()
    }


_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")


def placeholders(text: str) -> list[str]:
    """The ``{placeholders}`` of a text, sorted (a translation must keep the same)."""
    return sorted(_PLACEHOLDER_RE.findall(text))


def same_placeholders(english: str, translated: str) -> str | None:
    """Why a translated text's placeholders differ from English's, or None."""
    want, got = placeholders(english), placeholders(translated)
    if want == got:
        return None
    shown_got, shown_want = ", ".join(got) or "none", ", ".join(want) or "none"
    return f"placeholders {shown_got} differ from English's ({shown_want})"


@dataclass(frozen=True, slots=True)
class Differences:
    """How a translated file differs from English: ``problems`` make it unusable; ``missing``
    (ids English has and it lacks) are shown in English, and fail only check-prompts."""

    problems: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _compare(
    english: PromptLibrary,
    english_at: Mapping[str, tuple[Path, int]],
    translated: PromptLibrary,
    translated_at: Mapping[str, tuple[Path, int]],
) -> Differences:
    """A language's prompts against English's: same ids and kinds, answers, choice counts
    and placeholders."""
    found = Differences()
    for prompt_id, (path, line) in translated_at.items():
        prompt = translated._by_id[prompt_id]
        where = f"{path}:{line}"
        source = english._by_id.get(prompt_id)
        if source is None:
            found.problems.append(f"{where}: prompt '{prompt_id}' is not in the English library")
            continue
        english_where = "{}:{}".format(*english_at[prompt_id])
        if prompt.kind != source.kind:
            found.problems.append(
                f"{where}: prompt '{prompt_id}' is a {source.kind} prompt in English "
                f"({english_where}), not {prompt.kind}"
            )
        if prompt.answer != source.answer:
            found.problems.append(
                f"{where}: prompt '{prompt_id}' has answer '{prompt.answer}'; English has "
                f"'{source.answer}' ({english_where})"
            )
        elif len(prompt.choices) != len(source.choices):
            found.problems.append(
                f"{where}: prompt '{prompt_id}' has {len(prompt.choices)} choices; English has "
                f"{len(source.choices)} ({english_where})"
            )
        differ = same_placeholders(source.text, prompt.text)
        if differ is not None:
            found.problems.append(f"{where}: prompt '{prompt_id}': {differ}")
    for prompt_id, (path, line) in english_at.items():
        if prompt_id not in translated_at:
            kind = english._by_id[prompt_id].kind
            found.missing.append(
                f"{translated.directory / f'{kind}.yaml'}:1: prompt '{prompt_id}' is missing "
                f"(English has it at {path}:{line})"
            )
    return found


def _load_checked(directory: Path, *, strict: bool) -> PromptLibrary:
    """English and every language folder, each checked, and each checked against English;
    ``strict``: a prompt a language lacks is a problem too (else English stands in)."""
    if not directory.is_dir():
        reason = "not a directory" if directory.exists() else "prompts directory does not exist"
        raise PromptLibraryError([f"{directory}: {reason}"])
    english, english_at = _load_one(directory, DEFAULT_PROMPTS_DIR)
    problems: list[str] = []
    translations: dict[str, PromptLibrary] = {}
    for language, folder in language_dirs(directory).items():
        try:
            translated, translated_at = _load_one(folder, DEFAULT_PROMPTS_DIR / language)
        except PromptLibraryError as error:
            problems += error.problems
            continue
        found = _compare(english, english_at, translated, translated_at)
        problems += found.problems + (found.missing if strict else [])
        for missing in [] if strict else found.missing:
            log.warning("Prompt library: %s; shown in English", missing)
        translations[language] = translated
    if problems:
        raise PromptLibraryError(problems)
    return PromptLibrary(directory, english.sets, MappingProxyType(translations))


def load_library(directory: Path) -> PromptLibrary:
    """Load and check every kind in `directory`, in English and in each language folder it
    has; PromptLibraryError lists all problems."""
    return _load_checked(directory, strict=False)


def check_prompts(directory: Path, out: TextIO, err: TextIO) -> int:
    """`python -m bot check-prompts [DIR]`: a summary per kind (exit 0) or every problem (1),
    every language checked against English."""
    try:
        library = _load_checked(directory, strict=True)
    except PromptLibraryError as error:
        for problem in error.problems:
            print(problem, file=err)
        return 1
    for kind in KINDS:
        prompts = library.kind(kind).prompts
        counts = Counter(prompt.depth for prompt in prompts)
        by_depth = ", ".join(f"{depth}: {counts[depth]}" for depth in range(1, MAX_DEPTH + 1))
        noun = "prompt" if len(prompts) == 1 else "prompts"
        shipped = kind in SHIPPED_IF_MISSING and not (directory / f"{kind}.yaml").exists()
        source = ", the shipped file" if shipped else ""
        print(f"{kind}: {len(prompts)} {noun} (depth {by_depth}{source})", file=out)
    if library.translations:
        print(f"languages: {', '.join(library.translations)} (each as English)", file=out)
    return 0
