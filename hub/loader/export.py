"""Writing the database back to content/, in the loader's own format.

A record whose file already says the same is left alone, so exporting after one admin
edit changes only that record's file. Every exported record is marked as in step with its
file, so the next `load_content` sees nothing to overwrite.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .content import KINDS, read_content
from .sync import DUMPS, MODELS, data_hash, existing, normalise


def _omit_empty(mapping: dict, defaults: dict | None = None) -> dict:
    """Leave out fields that are empty or at their default, as a person writing the file would."""
    defaults = defaults or {}
    return {
        k: v
        for k, v in mapping.items()
        if v not in ("", [], None) and not (k in defaults and defaults[k] == v)
    }


def front_matter(kind: str, data: dict) -> tuple[dict, str]:
    """(front matter, body) for one record's data."""
    d = dict(data)
    published = {"published": True}
    if kind == "sources":
        meta = {
            "name": d["title"],
            "full_name": d["full_name"],
            "url": d["url"],
            "kind": d["kind"],
            "summary": d["summary"],
            "published": d["published"],
        }
        return _omit_empty(meta, published), d["body"]
    if kind == "topics":
        collections = [
            {
                "slug": c["slug"],
                "title": c["title"],
                "intro": c["intro"],
                "entries": [_omit_empty(e) for e in c["entries"]],
            }
            for c in d["collections"]
        ]
        meta = {
            "title": d["title"],
            "order": d["order"],
            "summary": d["summary"],
            "key_points": d["key_points"],
            "published": d["published"],
            "collections": collections,
        }
        return _omit_empty(meta, published), d["body"]
    if kind == "guides":
        meta = {
            "title": d["title"],
            "summary": d["summary"],
            "topic": d["topic"],
            "also_in": d["also_in"],
            "reviewed": dt.date.fromisoformat(d["reviewed"]),
            "order": d["order"],
            "published": d["published"],
            "tags": d["tags"],
            "citations": [_omit_empty(c) for c in d["citations"]],
            "related": d["related"],
        }
        body = "\n\n".join(
            [d["intro"], *(f"## {s['heading']}\n\n{s['body']}" for s in d["sections"])]
        ).strip()
        return _omit_empty(meta, {**published, "order": 100}), body
    if kind == "faq":
        meta = {
            "question": d["title"],
            "guides": d["guides"],
            "topics": d["topics"],
            "sources": d["sources"],
            "home": d["home"],
            "order": d["order"],
            "published": d["published"],
            "tags": d["tags"],
        }
        return _omit_empty(meta, {**published, "home": False, "order": 100}), d["body"]
    if kind == "knm":
        questions = []
        for q in d["questions"]:
            options = [_omit_empty(o, {"correct": False}) for o in q["options"]]
            questions.append(_omit_empty({**q, "options": options}))
        meta = {
            "title": d["title"],
            "dutch_title": d["dutch_title"],
            "order": d["order"],
            "summary": d["summary"],
            "published": d["published"],
            "questions": questions,
        }
        return _omit_empty(meta, published), d["body"]
    if kind == "glossary":
        meta = {
            "term": d["title"],
            "abbreviation_of": d["abbreviation_of"],
            "english": d["english"],
            "aliases": d["aliases"],
            "guide": d["guide"],
            "mark": d["mark"],
            "published": d["published"],
        }
        return _omit_empty(meta, {**published, "mark": True}), d["body"]
    if kind == "steps":
        meta = {
            "title": d["title"],
            "order": d["order"],
            "summary": d["summary"],
            "guides": d["guides"],
            "published": d["published"],
        }
        return _omit_empty(meta, published), d["body"]
    raise ValueError(kind)


def render_file(kind: str, data: dict) -> str:
    meta, body = front_matter(kind, data)
    text = yaml.safe_dump(
        meta, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return f"---\n{text}---\n{body.strip()}\n" if body.strip() else f"---\n{text}---\n"


@dataclass
class ExportResult:
    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    written: list[Path] = field(default_factory=list)


def export_content(content_dir: Path) -> ExportResult:
    content_dir = Path(content_dir)
    on_disk, _problems = read_content(content_dir) if content_dir.is_dir() else (None, [])
    result = ExportResult()
    for kind in KINDS:
        folder = content_dir / kind
        current = existing(kind)
        for slug, obj in current.items():
            data = DUMPS[kind](obj)
            record = on_disk.records[kind].get(slug) if on_disk else None
            path = folder / f"{slug}.md"
            if record is not None and normalise(kind, record.data) == data and path.exists():
                result.counts[kind]["unchanged"] += 1
            else:
                folder.mkdir(parents=True, exist_ok=True)
                result.counts[kind]["updated" if path.exists() else "created"] += 1
                path.write_text(render_file(kind, data), encoding="utf-8")
                result.written.append(path)
            relative = str(Path(content_dir.name) / kind / path.name)
            MODELS[kind].objects.filter(pk=obj.pk).update(
                source_hash=data_hash(data), source_path=obj.source_path or relative
            )
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                if path.stem not in current:
                    path.unlink()
                    result.counts[kind]["removed"] += 1
    return result
