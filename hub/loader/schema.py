"""What each kind of content file may contain, and turning front matter into clean data.

`clean(meta, SPEC)` checks types, required and unknown fields and returns plain data in a
fixed shape (the shape `dump_*` in sync.py produces from the database), plus the references
to other records, which are checked once every file has been read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .files import SLUG_RE, LineDict, LineList, Problem


@dataclass(frozen=True)
class Field:
    type: str  # text | int | bool | date | url | slug | texts | ref | refs | records
    required: bool = False
    default: Any = None
    ref: str = ""  # kind referred to, for ref/refs
    choices: tuple = ()
    count: int | None = None  # exact number of items, for lists
    min_items: int = 0
    fields: dict = field(default_factory=dict)  # for records


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
                out[name] = _empty(fspec)
                continue
            out[name] = self.value(mapping[name], fspec, mapping.line_of(name), f"{where}{name}")
        return out

    def value(self, value, fspec: Field, line: int, name: str):
        t = fspec.type
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
                text = self.value(item, Field("text"), item_line, label)
                if not text:
                    self.problem(item_line, f"'{label}' is empty")
                items.append(text)
        if t in ("refs", "texts"):
            duplicates = {i for i in items if items.count(i) > 1}
            for dup in sorted(duplicates):
                self.problem(line, f"'{name}' lists '{dup}' more than once")
        return items


def _empty(fspec: Field):
    if fspec.type in ("texts", "refs", "records"):
        return []
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


PUBLISHED = Field("bool", default=True)
TAGS = Field("texts")
ORDER = Field("int", default=100)

TOPIC = {
    "title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "key_points": Field("texts", required=True, count=3),
    "published": PUBLISHED,
    "collections": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "slug": Field("slug", required=True),
            "title": Field("text", required=True),
            "intro": Field("text", required=True),
            "entries": Field(
                "records",
                required=True,
                min_items=1,
                fields={
                    "source": Field("ref", required=True, ref="sources"),
                    "name": Field("text"),
                    "label": Field("text", required=True),
                    "note": Field("text", required=True),
                },
            ),
        },
    ),
}

SOURCE = {
    "name": Field("text", required=True),
    "full_name": Field("text"),
    "url": Field("url", required=True),
    "kind": Field("text", required=True, choices=("official", "learning", "support")),
    "summary": Field("text", required=True),
    "published": PUBLISHED,
}

GUIDE = {
    "title": Field("text", required=True),
    "summary": Field("text", required=True),
    "topic": Field("ref", required=True, ref="topics"),
    "also_in": Field("refs", ref="topics"),
    "reviewed": Field("date", required=True),
    "order": ORDER,
    "published": PUBLISHED,
    "tags": TAGS,
    "citations": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "source": Field("ref", required=True, ref="sources"),
            "note": Field("text", required=True),
            "url": Field("url"),
        },
    ),
    "related": Field(
        "records",
        fields={
            "guide": Field("ref", required=True, ref="guides"),
            "reason": Field("text", required=True),
        },
    ),
}

FAQ = {
    "question": Field("text", required=True),
    "guides": Field("refs", ref="guides"),
    "topics": Field("refs", ref="topics"),
    "sources": Field("refs", ref="sources"),
    "home": Field("bool", default=False),
    "order": ORDER,
    "published": PUBLISHED,
    "tags": TAGS,
}

SPECS = {"topics": TOPIC, "sources": SOURCE, "guides": GUIDE, "faq": FAQ}

# The eight official KNM themes (Regeling inburgering 2021, eindtermen KNM).
KNM_THEMES = {
    "work-and-income": "Werk en inkomen",
    "manners-values-and-norms": "Omgangsvormen, waarden en normen",
    "housing": "Wonen",
    "health-and-healthcare": "Gezondheid en gezondheidszorg",
    "history-and-geography": "Geschiedenis en geografie",
    "institutions": "Instanties",
    "government-and-rule-of-law": "Staatsinrichting en rechtsstaat",
    "education-and-upbringing": "Onderwijs en opvoeding",
}

KNM = {
    "title": Field("text", required=True),
    "dutch_title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "published": PUBLISHED,
    "questions": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "id": Field("slug", required=True),
            "difficulty": Field("text", required=True, choices=("easy", "medium", "hard")),
            "situation_nl": Field("text"),
            "situation_en": Field("text"),
            "question_nl": Field("text", required=True),
            "question_en": Field("text", required=True),
            "options": Field(
                "records",
                required=True,
                count=3,
                fields={
                    "nl": Field("text", required=True),
                    "en": Field("text", required=True),
                    "correct": Field("bool", default=False),
                },
            ),
            "explanation": Field("text", required=True),
            "read": Field("text", required=True),
            "read_label": Field("text", required=True),
        },
    ),
}

SPECS["knm"] = KNM

GLOSSARY = {
    "term": Field("text", required=True),
    "abbreviation_of": Field("text"),
    "english": Field("text", required=True),
    "aliases": Field("texts"),
    "guide": Field("ref", ref="guides"),
    "mark": Field("bool", default=True),
    "published": PUBLISHED,
}

STEP = {
    "title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "guides": Field("refs", required=True, ref="guides", min_items=1),
    "published": PUBLISHED,
}

SPECS["glossary"] = GLOSSARY
SPECS["steps"] = STEP
