"""Read the whole content folder and validate it as one set, before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.text import slugify

from .files import ContentFile, Problem, read_content_file
from .schema import KNM_THEMES, SPECS, Cleaner

KINDS = ("sources", "topics", "guides", "faq", "knm", "glossary", "steps")  # write order

# Inline links `[text](target "title")` and reference definitions `[id]: target`.
INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")

# Which URL names are detail pages of which kind of record.
DETAIL_VIEWS = {
    "topics:detail": "topics",
    "guides:detail": "guides",
    "sources:detail": "sources",
    "hub:glossary-term": "glossary",
    "knm:theme": "knm",
}


@dataclass
class Record:
    kind: str
    slug: str
    path: str  # as shown in messages
    data: dict


@dataclass
class ContentSet:
    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {k: {} for k in KINDS})

    def slugs(self, kind: str) -> set[str]:
        return set(self.records[kind])

    def count(self) -> int:
        return sum(len(r) for r in self.records.values())


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


def read_content(content_dir: Path) -> tuple[ContentSet, list[Problem]]:
    """Parse and validate every file under `content_dir`. Returns the set and all problems."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    content = ContentSet()
    if not content_dir.is_dir():
        return content, [Problem(display_path(content_dir), 0, "the content folder does not exist")]

    for path in sorted(content_dir.rglob("*.md")):
        relative = path.relative_to(content_dir)
        if len(relative.parts) == 1:
            continue  # notes for editors at the top of content/ are not records
        kind = relative.parts[0]
        shown = display_path(path)
        if kind not in SPECS or len(relative.parts) != 2:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"unexpected place for a content file: put it in one of "
                    f"{', '.join(f'content/{k}/' for k in KINDS)}",
                )
            )
            continue
        file, file_problems = read_content_file(path, shown, kind)
        problems.extend(file_problems)
        if file is None:
            continue
        record, record_problems, refs = _clean_file(file)
        problems.extend(record_problems)
        content.records[kind][record.slug] = record
        record.data["_refs"] = refs

    problems.extend(_check_collection_slugs(content))
    problems.extend(_check_question_ids(content))
    problems.extend(_check_unique(content, "steps", "order", "step number"))
    problems.extend(_check_unique(content, "glossary", "title", "glossary term"))
    problems.extend(_check_references(content))
    problems.extend(_check_links(content))
    for records in content.records.values():
        for record in records.values():
            record.data.pop("_refs", None)
            record.data.pop("_links", None)
            record.data.pop("_question_lines", None)
    return content, sorted(set(problems))


def _clean_file(file: ContentFile):
    cleaner = Cleaner(file.display)
    data = cleaner.clean(file.meta, SPECS[file.kind])
    body = file.body.strip("\n")
    if file.kind == "sources":
        data["title"] = data.pop("name")
    if file.kind == "glossary":
        data["title"] = data.pop("term")
        if not body.strip():
            cleaner.problem(
                file.body_line, "the explanation (the text after the front matter) is empty"
            )
    if file.kind == "faq":
        data["title"] = data.pop("question")
        if not body.strip():
            cleaner.problem(file.body_line, "the answer (the text after the front matter) is empty")
    if "tags" in data:
        data["tags"] = sorted(set(data["tags"]))
    if file.kind == "guides":
        intro, sections = split_sections(body, file.body_line, cleaner)
        data["intro"] = intro
        data["sections"] = sections
    else:
        data["body"] = body.strip()
    data["_links"] = list(_find_links(file.body, file.body_line))
    if file.kind == "knm":
        data["_links"] += _check_knm_file(file, data, cleaner)
    record = Record(file.kind, file.slug, file.display, data)
    return record, cleaner.problems, cleaner.refs


def split_sections(body: str, first_line: int, cleaner: Cleaner) -> tuple[str, list[dict]]:
    """Split a guide body at its `## ` headings: (intro, [{heading, body}])."""
    intro: list[str] = []
    sections: list[dict] = []
    current: list[str] = intro
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            heading = line[3:].strip().rstrip("#").strip()
            current = []
            sections.append({"heading": heading, "body": current, "line": first_line + offset})
            continue
        current.append(line)
    cleaned = []
    for section in sections:
        text = "\n".join(section["body"]).strip()
        if not section["heading"]:
            cleaner.problem(section["line"], "a section heading ('## ') has no text")
        if not text:
            cleaner.problem(section["line"], f"the section '{section['heading']}' has no text")
        cleaned.append({"heading": section["heading"], "body": text})
    if not sections:
        cleaner.problem(first_line, "a guide needs sections: start each one with a '## ' heading")
    return "\n".join(intro).strip(), cleaned


def section_anchors(headings: list[str]) -> list[str]:
    """Stable, unique #fragments for a guide's section headings."""
    anchors: list[str] = []
    for heading in headings:
        base = slugify(heading)[:100] or "section"
        anchor, n = base, 2
        while anchor in anchors:
            anchor, n = f"{base}-{n}", n + 1
        anchors.append(anchor)
    return anchors


def _find_links(body: str, first_line: int):
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        for match in INLINE_LINK_RE.finditer(line):
            yield match.group(1), first_line + offset
        match = REFERENCE_LINK_RE.match(line)
        if match:
            yield match.group(1), first_line + offset


def _check_collection_slugs(content: ContentSet) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for topic in content.records["topics"].values():
        for collection in topic.data["collections"]:
            slug = collection["slug"]
            if not slug:
                continue
            if slug in seen:
                problems.append(
                    Problem(
                        topic.path,
                        1,
                        f"duplicate collection slug '{slug}' (also used in {seen[slug]})",
                    )
                )
            seen[slug] = topic.path
    return problems


def _check_references(content: ContentSet) -> list[Problem]:
    problems = []
    names = {"topics": "topic", "sources": "source", "guides": "guide"}
    for records in content.records.values():
        for record in records.values():
            for ref in record.data.get("_refs", []):
                if ref.slug and ref.slug not in content.records[ref.kind]:
                    problems.append(
                        Problem(
                            ref.path,
                            ref.line,
                            f"unknown {names[ref.kind]} "
                            f"'{ref.slug}': there is no content/{ref.kind}/{ref.slug}.md",
                        )
                    )
                if record.kind == "guides" and ref.kind == "guides" and ref.slug == record.slug:
                    problems.append(
                        Problem(ref.path, ref.line, "a guide cannot be related to itself")
                    )
    return problems


def _check_links(content: ContentSet) -> list[Problem]:
    problems = []
    for records in content.records.values():
        for record in records.values():
            for target, line in record.data.get("_links", []):
                message = check_link(target, content)
                if message:
                    problems.append(Problem(record.path, line, message))
    return problems


def check_link(target: str, content: ContentSet) -> str | None:
    """Return what is wrong with a link target, or None if it is fine."""
    if target.startswith(("https://", "mailto:", "tel:", "#")):
        return None
    if target.startswith("http://"):
        return f"link '{target}' must use https://"
    if not target.startswith("/") or target.startswith("//"):
        return f"link '{target}' is not a full address: write links to this site as /guides/<slug>/"
    path = target.split("#", 1)[0].split("?", 1)[0]
    try:
        match = resolve(path)
    except Resolver404:
        return f"link '{target}' points to a page that does not exist"
    kind = DETAIL_VIEWS.get(match.view_name)
    slug = match.kwargs.get("slug")
    if kind and slug not in content.records[kind]:
        return f"link '{target}' points to a page that does not exist (no content/{kind}/{slug}.md)"
    return None


def _check_knm_file(file: ContentFile, data: dict, cleaner: Cleaner) -> list[tuple[str, int]]:
    """Rules a question bank must keep beyond field types. Returns its `read` links."""
    if file.slug not in KNM_THEMES:
        cleaner.problem(
            1,
            f"unknown KNM theme '{file.slug}': the file name must be one of "
            f"{', '.join(KNM_THEMES)}",
        )
    links = []
    raw_questions = file.meta.get("questions")
    if not isinstance(raw_questions, list):
        return links
    data["_question_lines"] = lines = []
    for index, question in enumerate(data["questions"]):
        raw = raw_questions[index] if index < len(raw_questions) else None
        lines.append(raw.line_of("id") if hasattr(raw, "line_of") else 1)
        if not hasattr(raw, "line_of"):
            continue
        qid = question["id"] or f"number {index + 1}"
        correct = sum(1 for option in question["options"] if option.get("correct"))
        if len(question["options"]) == 3 and correct != 1:
            cleaner.problem(
                raw.line_of("options"),
                f"question '{qid}' must have exactly one "
                f"correct option (correct: true), it has {correct}",
            )
        for lang, other in (("nl", "en"), ("en", "nl")):
            if question[f"situation_{lang}"] and not question[f"situation_{other}"]:
                cleaner.problem(
                    raw.line_of(f"situation_{lang}"),
                    f"question '{qid}' is missing its translation 'situation_{other}'",
                )
        read = question["read"]
        if read:
            links.append((read, raw.line_of("read")))
    return links


def _check_question_ids(content: ContentSet) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for theme in content.records["knm"].values():
        lines = theme.data.get("_question_lines", [])
        for index, question in enumerate(theme.data["questions"]):
            qid = question["id"]
            if not qid:
                continue
            line = lines[index] if index < len(lines) else 1
            if qid in seen:
                problems.append(
                    Problem(
                        theme.path,
                        line,
                        f"duplicate question id '{qid}' (also used in {seen[qid]})",
                    )
                )
            else:
                seen[qid] = theme.path
    return problems


def _check_unique(content: ContentSet, kind: str, field: str, what: str) -> list[Problem]:
    problems, seen = [], {}
    for record in content.records[kind].values():
        value = record.data.get(field)
        key = value.lower() if isinstance(value, str) else value
        if key in seen:
            problems.append(
                Problem(record.path, 1, f"duplicate {what} '{value}' (also in {seen[key]})")
            )
        else:
            seen[key] = record.path
    return problems
