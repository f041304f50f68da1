"""Writing a validated content set to the database, in one transaction.

Each kind has a dump (database → data, in the loader's shape) and a write (data →
database, updating rows in place). A record's `source_hash` is the hash of the data last
loaded into it; when the hash of its dump differs, someone edited it in admin since.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction

from .. import registry
from ..markdown import rendering_ahead
from ..registry import ContentKind, Slugs
from ..translation import in_default_language
from . import translating
from .columns import dump_columns, set_columns
from .history import record_load
from .progress import Progress, no_progress
from .read import ContentSet


def data_hash(data: dict) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def existing(kind: ContentKind) -> dict[str, object]:
    """Every record of a kind, with what its dump needs, by slug. A kind that dumps all its
    records at once (`dump_all`) reads what else it needs itself."""
    if kind.dump_all or not kind.queryset:
        queryset = kind.model.objects.all()
    else:
        queryset = kind.queryset()
    return {obj.slug: obj for obj in queryset}


def dump(kind: ContentKind, obj) -> dict:
    """A record as loader data, in the shape its file's cleaned data has."""
    return kind.dump(obj) if kind.dump else dump_columns(obj, kind.spec)


def dump_every(kind: ContentKind, current: dict[str, object]) -> dict[str, dict]:
    """`dump` of every record `existing()` gave, by slug."""
    if kind.dump_all:
        return kind.dump_all(current)
    return {slug: dump(kind, obj) for slug, obj in current.items()}


def normalise(kind: ContentKind, data: dict) -> dict:
    """The file's data in the exact shape its dump will have after writing."""
    return kind.normalise(dict(data)) if kind.normalise else dict(data)


def write(kind: ContentKind, obj, data: dict, slugs: Slugs) -> None:
    if kind.write:
        kind.write(obj, data, slugs)
    else:
        set_columns(obj, data, kind.spec)
        obj.save()


@dataclass
class Conflict:
    kind: str
    slug: str
    path: str
    fields: list[str]

    def __str__(self):
        what = ", ".join(self.fields) if self.fields else "its fields"
        return f"{self.path}: edited in admin since the last load (changed: {what})"


@dataclass
class LoadResult:
    counts: dict[str, Counter] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    kept: dict[str, list[str]] = field(default_factory=dict)
    written: bool = False
    # Translations written (all of them, when any changed) and how many are behind.
    translations: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.translations["written"]) or any(
            c["created"] or c["updated"] or c["removed"] for c in self.counts.values()
        )


def current_hashes(current: dict[str, dict]) -> dict[str, dict[str, str]]:
    """The hash of every existing record's present state, computed once per load."""
    return {
        kind.name: {
            slug: data_hash(data) for slug, data in dump_every(kind, current[kind.name]).items()
        }
        for kind in registry.kinds()
    }


def find_conflicts(
    content: ContentSet, current: dict[str, dict], hashes: dict[str, dict]
) -> list[Conflict]:
    conflicts = []
    for kind in registry.kinds():
        for slug, obj in current[kind.name].items():
            if obj.source_hash and hashes[kind.name][slug] == obj.source_hash:
                continue
            record = content.of(kind.name).get(slug)
            path = record.path if record else f"content/{kind.name}/{slug}.md"
            if not obj.source_hash:
                if record is None:
                    continue  # made in admin and not in content/: left alone
                conflicts.append(
                    Conflict(kind.name, slug, path, ["made in admin, also in content/"])
                )
                continue
            dumped = dump(kind, obj)
            wanted = normalise(kind, record.data) if record else {}
            fields = sorted(k for k in dumped if not record or dumped.get(k) != wanted.get(k))
            conflicts.append(Conflict(kind.name, slug, path, fields))
    return conflicts


@in_default_language
def sync_content(
    content: ContentSet, *, force: bool = False, progress: Progress = no_progress
) -> LoadResult:
    """Write `content` to the database in one transaction (or nothing, if in conflict).
    `progress(stage, kind, done, total)` hears how far the writing is."""
    kinds = registry.kinds()
    result = LoadResult(
        counts={kind.name: Counter() for kind in kinds}, kept={kind.name: [] for kind in kinds}
    )
    with transaction.atomic():
        current = {kind.name: existing(kind) for kind in kinds}
        hashes = current_hashes(current)
        result.conflicts = find_conflicts(content, current, hashes)
        if result.conflicts and not force:
            return result
        slugs: Slugs = {kind.name: dict(current[kind.name]) for kind in kinds}
        written: dict[str, list[tuple[object, dict]]] = {kind.name: [] for kind in kinds}
        plan = {kind.name: _changes(kind, content, current, hashes) for kind in kinds}
        with rendering_ahead(_markdown_ahead(kinds, plan)):
            _write(kinds, plan, current, slugs, written, result, progress)
        for kind in reversed(kinds):
            for slug, obj in current[kind.name].items():
                if slug in content.of(kind.name):
                    continue
                if not obj.source_path:
                    result.kept[kind.name].append(slug)
                    continue
                obj.delete()
                result.counts[kind.name]["removed"] += 1
        for kind in kinds:
            if kind.after_write:
                kind.after_write(written[kind.name], slugs)
        if result.changed or not translating.unchanged(content.translations):
            result.translations = translating.write_translations(content.translations)
        progress("history", "revisions", 0, sum(len(w) for w in written.values()))
        recorded = record_load(written)
        progress("history", "revisions", recorded, recorded)
        result.written = True
    return result


def _changes(kind: ContentKind, content: ContentSet, current: dict, hashes: dict) -> list:
    """(slug, record, data, digest, changed) for each of the kind's files, in file order:
    `changed` when the record is new or its file's data differs from what was loaded."""
    plan = []
    for slug, record in content.of(kind.name).items():
        data = normalise(kind, record.data)
        digest = data_hash(data)
        obj = current[kind.name].get(slug)
        same = obj is not None and obj.source_hash == digest == hashes[kind.name][slug]
        plan.append((slug, record, data, digest, not same))
    return plan


def _markdown_ahead(kinds: list[ContentKind], plan: dict) -> list[str]:
    """The Markdown the bulk writes will render, in the order they will want it."""
    return [
        text
        for kind in kinds
        if kind.write_many and kind.markdown_texts
        for text in kind.markdown_texts(
            [data for _, _, data, _, changed in plan[kind.name] if changed]
        )
    ]


def _write(kinds, plan, current, slugs, written, result, progress) -> None:
    """Write every changed record, kind by kind in write order (a kind after the kinds it
    refers to); a kind with `write_many` gets all its changed records in one call."""
    for kind in kinds:
        counts = result.counts[kind.name]
        total = len(plan[kind.name])
        changed: list[tuple[object, dict]] = []
        for done, (slug, record, data, digest, is_changed) in enumerate(plan[kind.name], start=1):
            obj = current[kind.name].get(slug)
            if not is_changed:
                counts["unchanged"] += 1
                continue
            counts["updated" if obj else "created"] += 1
            obj = obj or kind.model(slug=slug)
            obj.source_path = record.path
            obj.source_hash = digest
            if kind.write_many:
                changed.append((obj, data))
            else:
                write(kind, obj, data, slugs)
                if done < total:  # the last is reported once, below
                    progress("writing", kind.name, done, total)
            slugs[kind.name][slug] = obj
            written[kind.name].append((obj, data))
        if changed:
            kind.write_many(changed, slugs)
        progress("writing", kind.name, total, total)


@in_default_language
def check_conflicts(content: ContentSet) -> list[Conflict]:
    """The conflicts a load of `content` would refuse on, without writing anything. A
    database that was never set up (`--check` on a fresh checkout) has none."""
    tables = set(connection.introspection.table_names())
    if not all(kind.model._meta.db_table in tables for kind in registry.kinds()):
        return []
    current = {kind.name: existing(kind) for kind in registry.kinds()}
    return find_conflicts(content, current, current_hashes(current))
