"""Reading content files: front matter with line numbers, and the Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class LineDict(dict):
    """A mapping from YAML that remembers the line of each key (1-based, in the file)."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A sequence from YAML that remembers the line of each item."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key, line):
        super().__init__(f"the field '{key}' appears twice")
        self.line = line


# libyaml's parser when PyYAML has it (about ten times faster); the constructors below,
# which record lines, are the same on both. Its error messages are worded differently, so a
# file it refuses is read again by the pure-Python parser for the message (read_front_matter).
FAST_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _loader_for(offset: int, base=yaml.SafeLoader):
    """A SafeLoader whose mappings and lists carry file line numbers (YAML line + offset)."""

    class Loader(base):
        pass

    def construct_mapping(loader, node):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1 + offset
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1 + offset
            if key in mapping:
                raise DuplicateKey(key, line)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.lines[key] = line
        return mapping

    def construct_sequence(loader, node):
        items = LineList()
        items.line = node.start_mark.line + 1 + offset
        for child in node.value:
            items.append(loader.construct_object(child, deep=True))
            items.lines.append(child.start_mark.line + 1 + offset)
        return items

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


@dataclass
class ContentFile:
    path: Path
    display: str  # the path as shown in messages
    kind: str
    slug: str
    meta: LineDict = field(default_factory=LineDict)
    body: str = ""
    body_line: int = 1  # the file line where the body starts


def read_content_file(
    path: Path, display: str, kind: str, data: bytes | None = None
) -> tuple[ContentFile | None, list[Problem]]:
    """Split a file into front matter (parsed, with lines) and body; report what is wrong.
    `data` is the file's bytes when the caller has read them already."""
    slug = path.stem
    problems: list[Problem] = []
    if not SLUG_RE.match(slug):
        problems.append(
            Problem(
                display,
                1,
                f"file name '{path.name}' is not a valid slug: use lowercase "
                "letters, digits and hyphens, e.g. 'what-is-the-pip.md'",
            )
        )
    try:
        text = (path.read_bytes() if data is None else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [*problems, Problem(display, 1, f"the file is not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [*problems, Problem(display, 1, f"the file cannot be read ({exc.strerror})")]
    if "\x00" in text:
        return None, [*problems, Problem(display, 1, "the file contains a NUL byte")]
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None, [
            *problems,
            Problem(
                display, 1, "the file must start with a line '---' that opens the front matter"
            ),
        ]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [
            *problems,
            Problem(
                display, 1, "the front matter is not closed: add a line '---' after the last field"
            ),
        ]
    meta_text = "\n".join(lines[1:end])
    try:
        meta = read_front_matter(meta_text)
    except DuplicateKey as exc:
        return None, [*problems, Problem(display, exc.line, str(exc))]
    except yaml.YAMLError as exc:
        line, reason = _yaml_error(exc)
        return None, [
            *problems,
            Problem(display, line, f"the front matter is not valid YAML: {reason}"),
        ]
    if meta is None:
        meta = LineDict()
    if not isinstance(meta, LineDict):
        return None, [
            *problems,
            Problem(display, 2, "the front matter must be a list of 'field: value' lines"),
        ]
    body = "\n".join(lines[end + 1 :])
    if problems:
        return None, problems
    return ContentFile(path, display, kind, slug, meta, body, end + 2), []


FAST_LOADER = _loader_for(offset=1, base=FAST_BASE)
CHECKING_LOADER = _loader_for(offset=1)


def read_front_matter(text: str):
    """Front matter with lines. A file the fast parser refuses is parsed again by the
    pure-Python one, whose error (and its wording) the messages are written for."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 (a SafeLoader)
    except DuplicateKey:
        raise
    except yaml.YAMLError:
        return yaml.load(text, Loader=CHECKING_LOADER)  # noqa: S506 (a SafeLoader)


OPENED = {
    "quoted scalar": "a quoted value starts on this line and is never closed",
    "flow sequence": "a list in [ ] starts on this line and is never closed",
    "flow mapping": "a group in { } starts on this line and is never closed",
}


def _yaml_error(exc: yaml.YAMLError) -> tuple[int, str]:
    """The file line where the front matter goes wrong, and what is wrong there.

    Most errors are found where they are; an unclosed quote or bracket is only noticed
    lines later (often at the end), so it is reported where it was opened."""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None) or ""
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    for what, message in OPENED.items():
        if what in context and context_mark is not None:
            return context_mark.line + 2, f"{message} ({reason})"
    mark = problem_mark or context_mark
    return (mark.line + 2 if mark else 1), reason
