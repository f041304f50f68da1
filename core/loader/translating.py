"""Writing translations: the texts of every file in content/<language>/ onto its records.

Runs in the load's transaction, after the English records are written. Translations are
small next to the English content, so whenever anything changed they are all written again
(every translated row starts from no translation), which keeps them exactly in step with
content/<language>/; a load that changes nothing writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict

from django.apps import apps

from .. import registry
from ..models import Translation
from ..translation import CURRENT, OF, Translatable, render_translation
from .schema import Field, key_of
from .translations import Translated


def _digest(item: Translated) -> str:
    encoded = json.dumps(
        [item.data, item.translation_of, item.english_hash], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def unchanged(items: list[Translated]) -> bool:
    """Whether the database holds exactly these translations already."""
    stored = {
        (row.kind, row.slug, row.language): row.data_hash for row in Translation.objects.all()
    }
    return stored == {(i.kind, i.slug, i.language): _digest(i) for i in items}


def write_translations(items: list[Translated]) -> Counter:
    """Put every translation on its records. Returns counts: written, behind (the English)."""
    translatable = [m for m in apps.get_models() if issubclass(m, Translatable)]
    for model in translatable:
        model.objects.exclude(translations={}).update(translations={})
    by_kind: dict[str, list[Translated]] = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item)
    changed: dict[type, dict[int, object]] = defaultdict(dict)
    counts: Counter = Counter()
    for kind in registry.kinds():
        if not kind.translate or not by_kind.get(kind.name):
            continue
        queryset = kind.queryset() if kind.queryset else kind.model.objects.all()
        records = {obj.slug: obj for obj in queryset}
        for item in by_kind[kind.name]:
            obj = records[item.slug]
            for instance in kind.translate(obj, item.data, item.language):
                changed[type(instance)][instance.pk] = instance
            texts = obj.translations[item.language]
            texts[OF], texts[CURRENT] = item.translation_of, item.current
            changed[type(obj)][obj.pk] = obj
            counts["written"] += 1
            counts["behind"] += not item.current
    for model, instances in changed.items():
        model.objects.bulk_update(list(instances.values()), ["translations"], batch_size=500)
    Translation.objects.all().delete()
    Translation.objects.bulk_create(
        Translation(
            kind=i.kind,
            slug=i.slug,
            language=i.language,
            path=i.path,
            translation_of=i.translation_of,
            english_hash=i.english_hash,
            current=i.current,
            data_hash=_digest(i),
        )
        for i in items
    )
    return counts


def column_texts(obj, data: dict, spec: dict[str, Field]) -> dict:
    """A translation's texts for the record's own translated columns (lists joined by line)."""
    texts = {}
    for name, fspec in spec.items():
        key = key_of(name, fspec)
        if fspec.translatable and fspec.column and key in obj.translated_fields and key in data:
            value = data[key]
            texts[key] = "\n".join(value) if isinstance(value, list) else value
    return texts


def translate_items(rows, items: list[dict], language: str, **fields: str) -> list:
    """Translate rows that belong to a record (citations, sections …), pairing them in order
    with the translation's items: `fields` maps a row's field to the item's key."""
    rows = list(rows)
    for row, item in zip(rows, items, strict=False):
        row.set_translation(language, **{f: item[key] for f, key in fields.items()})
    return rows


def translate_record(spec: dict[str, Field]):
    """The `translate` of a kind whose translation is its columns and Markdown body."""

    def translate(obj, data: dict, language: str) -> list:
        texts = column_texts(obj, data, spec)
        if "body" in data and "body" in obj.translated_fields:
            texts["body"] = data["body"]
            texts["body_html"] = render_translation(data["body"], language)
        obj.set_translation(language, **texts)
        return [obj]

    return translate
