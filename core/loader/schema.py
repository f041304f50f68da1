"""Declaring what a content file may contain, and turning front matter into clean data.

A kind declares its fields once, as a spec: `{"title": Field("text", required=True), …}`.
`Cleaner.clean(meta, spec)` checks types, required and unknown fields and returns plain data
in a fixed shape (the shape a kind's dump produces from the database), and collects the
references to other records, which are checked once every file has been read. The same
spec drives the export back to files and the plain columns of the model (`columns.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .files import SLUG_RE, LineDict, LineList, Problem

SCALARS = ("text", "int", "bool", "date", "url", "slug")


@dataclass(frozen=True)
class Field:
    type: str  # text | int | bool | date | url | slug | texts | ref | refs | record | records
    required: bool = False
    default: Any = None
    ref: str = ""  # kind referred to, for ref/refs
    choices: tuple = ()
    count: int | None = None  # exact number of items, for lists
    min_items: int = 0
    fields: dict = field(default_factory=dict)  # for records
    key: str = ""  # the name in the data and on the model, when it differs ("name" → "title")
    sort: bool = False  # a list whose order carries no meaning: kept sorted
    joined: bool = False  # texts stored on the model as one line each
    # Text that is the same in every language (tags, rules): a translation must copy it.
    fixed: bool = False

    @property
    def column(self) -> bool:
        """Stored as a plain model attribute, read and written without the kind's help."""
        return self.type in SCALARS or (self.type == "texts" and self.joined)

    @property
    def translatable(self) -> bool:
        """Words people read, which a translation (content/<language>/) puts in its language.
        Everything else (references, numbers, dates, addresses, choices) it copies."""
        return self.type in ("text", "texts") and not self.choices and not self.fixed


def key_of(name: str, fspec: Field) -> str:
    return fspec.key or name


@dataclass(frozen=True)
class Ref:
    kind: str
    slug: str
    path: str
    line: int


class Cleaner:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.refs: list[Ref] = []

    def problem(self, line: int, message: str):
        self.problems.append(Problem(self.path, line, message))

    def clean(self, mapping: LineDict, spec: dict[str, Field], where: str = "") -> dict:
        out: dict = {}
        for key in mapping:
            if key not in spec:
                known = ", ".join(spec)
                self.problem(
                    mapping.line_of(key), f"unknown field '{where}{key}' (known fields: {known})"
                )
        for name, fspec in spec.items():
            if name not in mapping or mapping[name] is None or mapping[name] == "":
                if fspec.required:
                    self.problem(mapping.line, f"missing required field '{where}{name}'")
                out[key_of(name, fspec)] = empty(fspec)
                continue
            value = self.value(mapping[name], fspec, mapping.line_of(name), f"{where}{name}")
            out[key_of(name, fspec)] = sorted(value) if fspec.sort else value
        return out

    def value(self, value, fspec: Field, line: int, name: str):
        t = fspec.type
        if fspec.choices and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a choice written as a bare number: `applies_to: [2021]`
        if t in ("text", "url", "slug", "ref"):
            if not isinstance(value, str) or isinstance(value, bool):
                self.problem(line, f"'{name}' must be text, not {_type_name(value)}")
                return ""
            value = value.strip()
            if t == "url" and not value.startswith("https://"):
                self.problem(line, f"'{name}' must be a full https:// address, got '{value}'")
            if t in ("slug", "ref") and not SLUG_RE.match(value):
                self.problem(
                    line,
                    f"'{name}' must be a slug (lowercase letters, digits, hyphens), got '{value}'",
                )
            if fspec.choices and value not in fspec.choices:
                self.problem(
                    line, f"'{name}' must be one of {', '.join(fspec.choices)}, got '{value}'"
                )
            if t == "ref":
                self.refs.append(Ref(fspec.ref, value, self.path, line))
            return value
        if t == "int":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                self.problem(
                    line, f"'{name}' must be a whole number of 0 or more, not {_type_name(value)}"
                )
                return fspec.default
            return value
        if t == "bool":
            if not isinstance(value, bool):
                self.problem(line, f"'{name}' must be true or false, not {_type_name(value)}")
                return fspec.default
            return value
        if t == "date":
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                self.problem(line, f"'{name}' must be a date written as YYYY-MM-DD")
                return None
            return value.isoformat()
        if t == "record":
            if not isinstance(value, LineDict):
                self.problem(line, f"'{name}' must be a group of 'field: value' lines")
                return {}
            return self.clean(value, fspec.fields, where=f"{name}.")
        # The list types.
        if not isinstance(value, LineList):
            self.problem(line, f"'{name}' must be a list, not {_type_name(value)}")
            return []
        if fspec.count is not None and len(value) != fspec.count:
            self.problem(
                line, f"'{name}' must have exactly {fspec.count} items, it has {len(value)}"
            )
        elif len(value) < fspec.min_items:
            self.problem(
                line, f"'{name}' must have at least {fspec.min_items} item(s), it has {len(value)}"
            )
        items = []
        for index, item in enumerate(value):
            item_line = value.line_of(index)
            label = f"{name}[{index + 1}]"
            if t == "records":
                if not isinstance(item, LineDict):
                    self.problem(item_line, f"'{label}' must be a group of 'field: value' lines")
                    continue
                items.append(self.clean(item, fspec.fields, where=f"{label}."))
            elif t == "refs":
                items.append(self.value(item, Field("ref", ref=fspec.ref), item_line, label))
            else:  # texts
                text = self.value(item, Field("text", choices=fspec.choices), item_line, label)
                if not text:
                    self.problem(item_line, f"'{label}' is empty")
                items.append(text)
        if t in ("refs", "texts"):
            duplicates = {i for i in items if items.count(i) > 1}
            for dup in sorted(duplicates):
                self.problem(line, f"'{name}' lists '{dup}' more than once")
        return items


def empty(fspec: Field):
    if fspec.type in ("texts", "refs", "records"):
        return []
    if fspec.type == "record":
        return {}
    if fspec.default is not None:
        return fspec.default
    return "" if fspec.type in ("text", "url", "slug", "ref") else None


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, dt.date):
        return "a date"
    return "text"


# Fields most kinds share.
PUBLISHED = Field("bool", default=True)
TAGS = Field("texts", sort=True, fixed=True)
ORDER = Field("int", default=100)
