"""Writing many records of one kind at once: a fixed number of queries per kind, not per row.

A kind with thousands of records (guides, quick answers) gives the loader a `write_many`
that uses these instead of saving record by record. They do what the per-record helpers in
`columns.py` do (update rows in place, keep ids, touch only what changed) in bulk inserts,
updates and deletes, and render Markdown as `ContentRecord.save()` would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from ..markdown import render_many

BATCH = 500


def _chunks(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _delete(model, pks: list) -> None:
    for chunk in _chunks(pks):
        model._base_manager.filter(pk__in=chunk).delete()


def save_records(objs: list) -> None:
    """Save content records (new ones inserted, the others updated), with their body
    rendered to body_html and `updated` set, as ContentRecord.save() does one by one."""
    if not objs:
        return
    model = type(objs[0])
    now = timezone.now()
    for obj, html in zip(objs, render_many([obj.body for obj in objs]), strict=True):
        obj.body_html = html
        obj.updated = now
    new = [obj for obj in objs if obj.pk is None]
    old = [obj for obj in objs if obj.pk is not None]
    model.objects.bulk_create(new, batch_size=BATCH)
    fields = [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in ("created", "slug")
    ]
    model.objects.bulk_update(old, fields, batch_size=BATCH)


def set_relations(pairs: list[tuple[models.Model, list[int]]], field_name: str) -> None:
    """Make each record's many-to-many `field_name` hold exactly the given ids."""
    if not pairs:
        return
    field = type(pairs[0][0])._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    current: dict[int, dict[int, int]] = defaultdict(dict)
    for chunk in _chunks([obj.pk for obj, _ in pairs]):
        rows = through.objects.filter(**{f"{source}__in": chunk}).values_list("pk", source, target)
        for row_pk, owner, related in rows:
            current[owner][related] = row_pk
    drop, add = [], []
    for obj, wanted in pairs:
        have = current.get(obj.pk, {})
        wanted_set = set(wanted)
        drop += [row_pk for related, row_pk in have.items() if related not in wanted_set]
        add += [
            through(**{source: obj.pk, target: related})
            for related in dict.fromkeys(wanted)
            if related not in have
        ]
    _delete(through, drop)
    through.objects.bulk_create(add, batch_size=BATCH)


def set_tags(pairs: list[tuple[models.Model, list[str]]]) -> None:
    """Make each record's tags (django-taggit) exactly the given names."""
    from taggit.models import Tag, TaggedItem

    if not pairs:
        return
    content_type = ContentType.objects.get_for_model(type(pairs[0][0]))
    names = {name for _, wanted in pairs for name in wanted}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - tags.keys()):
        tags[name] = Tag.objects.create(name=name)  # taggit makes a unique slug on save
    current: dict[int, dict[int, int]] = defaultdict(dict)
    for chunk in _chunks([obj.pk for obj, _ in pairs]):
        rows = TaggedItem.objects.filter(content_type=content_type, object_id__in=chunk)
        for row_pk, owner, tag_id in rows.values_list("pk", "object_id", "tag_id"):
            current[owner][tag_id] = row_pk
    drop, add = [], []
    for obj, wanted in pairs:
        have = current.get(obj.pk, {})
        wanted_ids = {tags[name].pk for name in wanted}
        drop += [row_pk for tag_id, row_pk in have.items() if tag_id not in wanted_ids]
        add += [
            TaggedItem(content_type=content_type, object_id=obj.pk, tag_id=tag_id)
            for tag_id in sorted(wanted_ids)
            if tag_id not in have
        ]
    _delete(TaggedItem, drop)
    TaggedItem.objects.bulk_create(add, batch_size=BATCH)


def _value(row, name: str, value):
    """The row's current value for a wanted value; a related record is compared by id."""
    if isinstance(value, models.Model):
        return getattr(row, f"{name}_id"), value.pk
    return getattr(row, name), value


def sync_children(
    model,
    parent: str,
    pairs: list[tuple[models.Model, list[dict]]],
    key: str = "order",
) -> None:
    """Make each record's child rows (`model`, pointing to it through `parent`) equal the
    wanted values, updating rows in place by `key`, as columns.sync_rows does for one. A
    row with a Markdown `body` gets its `body_html` rendered."""
    if not pairs:
        return
    renders = any(f.name == "body_html" for f in model._meta.concrete_fields)
    current: dict[int, dict] = defaultdict(dict)
    for chunk in _chunks([obj.pk for obj, _ in pairs]):
        for row in model.objects.filter(**{f"{parent}_id__in": chunk}).order_by():
            current[getattr(row, f"{parent}_id")][getattr(row, key)] = row
    drop, create, update, rerender, fields = [], [], [], [], set()
    for obj, wanted in pairs:
        have = current.get(obj.pk, {})
        for values in wanted:
            row = have.pop(values[key], None)
            if row is None:
                create.append(model(**{parent: obj}, **values))
                continue
            changed = [n for n, v in values.items() if _value(row, n, v)[0] != _value(row, n, v)[1]]
            if not changed:
                continue
            for name in changed:
                setattr(row, name, values[name])
            if renders and "body" in changed:
                changed.append("body_html")
                rerender.append(row)
            fields.update(changed)
            update.append(row)
        drop += [row.pk for row in have.values()]
    if renders:
        stale = create + rerender
        for row, html in zip(stale, render_many([row.body for row in stale]), strict=True):
            row.body_html = html
    _delete(model, drop)
    if update:
        model.objects.bulk_update(update, sorted(fields), batch_size=BATCH)
    model.objects.bulk_create(create, batch_size=BATCH)


def grouped(rows: Iterable[tuple]) -> dict[object, list]:
    """(owner, value…) rows as owner → [value] (or [(value, …)]), in row order."""
    groups: dict[object, list] = defaultdict(list)
    for owner, *values in rows:
        groups[owner].append(values[0] if len(values) == 1 else tuple(values))
    return groups


def tag_names(model) -> dict[int, list[str]]:
    """Every record's tag names (django-taggit), sorted, by record id: one query."""
    from taggit.models import TaggedItem

    content_type = ContentType.objects.get_for_model(model)
    rows = TaggedItem.objects.filter(content_type=content_type)
    names = grouped(rows.values_list("object_id", "tag__name"))
    return {owner: sorted(values) for owner, values in names.items()}
