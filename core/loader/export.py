"""Writing the database back to content/, in the loader's own format.

The front matter is derived from each kind's spec, the same declaration the loader reads
with, so a field is declared once. A record whose file already says the same is left
alone, so exporting after one admin edit changes only that record's file; and within that
file only the values that changed are rewritten (`roundtrip.py`): key order, quoting,
comments and list style stay as the file had them. A record made in admin gets a fresh
file. Every exported record is marked as in step with its file, so the next
`load_content` sees nothing to overwrite.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import registry
from ..registry import ContentKind
from ..text import normalise_text
from ..translation import in_default_language
from .progress import Progress, no_progress
from .read import read_content
from .roundtrip import update_file
from .schema import Field, key_of
from .sync import data_hash, dump_every, existing, normalise


def _omitted(value, fspec: Field) -> bool:
    """Left out of the file, as a person writing it would: empty, or at its default."""
    if value in ("", [], {}, None):
        return True
    return not fspec.required and fspec.default is not None and value == fspec.default


def to_front_matter(data: dict, spec: dict[str, Field]) -> dict:
    """Loader data back into front matter: the spec's names, in the spec's order."""
    meta = {}
    for name, fspec in spec.items():
        value = data.get(key_of(name, fspec))
        if fspec.type == "records":
            value = [to_front_matter(item, fspec.fields) for item in value or []]
        elif fspec.type == "record":
            value = to_front_matter(value, fspec.fields) if value else {}
        elif fspec.type == "date" and value:
            value = dt.date.fromisoformat(value)
        elif isinstance(value, str) and "\r" in value:
            value = normalise_text(value)
        if not _omitted(value, fspec):
            meta[name] = value
    return meta


def render_body(kind: ContentKind, data: dict) -> str:
    return normalise_text(kind.render_body(data) if kind.render_body else data["body"])


def render_file(kind: ContentKind, data: dict) -> str:
    """A new file for a record, written afresh."""
    meta = to_front_matter(data, kind.spec)
    body = render_body(kind, data)
    text = yaml.safe_dump(
        meta, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return f"---\n{text}---\n{body.strip()}\n" if body.strip() else f"---\n{text}---\n"


@dataclass
class ExportResult:
    counts: dict[str, Counter] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)


@in_default_language
def export_content(content_dir: Path, progress: Progress = no_progress) -> ExportResult:
    """`progress(stage, kind, done, total)` hears how far the reading and writing are."""
    content_dir = Path(content_dir)
    on_disk, _problems = read_content(content_dir, progress) if content_dir.is_dir() else (None, [])
    result = ExportResult()
    for kind in registry.kinds():
        counts = result.counts[kind.name] = Counter()
        folder = content_dir / kind.name
        current = existing(kind)
        dumped = dump_every(kind, current)
        in_step = []  # records whose hash and path now say "as in its file"
        for done, (slug, obj) in enumerate(current.items(), start=1):
            progress("exporting", kind.name, done, len(current))
            data = dumped[slug]
            record = on_disk.of(kind.name).get(slug) if on_disk else None
            path = folder / f"{slug}.md"
            loaded = normalise(kind, record.data) if record is not None else None
            if loaded == data and path.exists():
                counts["unchanged"] += 1
            else:
                folder.mkdir(parents=True, exist_ok=True)
                counts["updated" if path.exists() else "created"] += 1
                if loaded is not None and path.exists():
                    text = update_file(
                        path.read_text(encoding="utf-8"),
                        kind.spec,
                        (to_front_matter(loaded, kind.spec), render_body(kind, loaded)),
                        (to_front_matter(data, kind.spec), render_body(kind, data)),
                    )
                else:
                    text = render_file(kind, data)
                path.write_text(text, encoding="utf-8", newline="\n")
                result.written.append(path)
            relative = str(Path(content_dir.name) / kind.name / path.name)
            digest, source_path = data_hash(data), obj.source_path or relative
            if (obj.source_hash, obj.source_path) != (digest, source_path):
                obj.source_hash, obj.source_path = digest, source_path
                in_step.append(obj)
        # Only these two columns: `updated` and the rest stay as the editor left them.
        kind.model.objects.bulk_update(in_step, ["source_hash", "source_path"], batch_size=500)
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                if path.stem not in current:
                    path.unlink()
                    counts["removed"] += 1
    return result
