"""History of loads: each record a load creates or changes gets a revision in
django-reversion, "Loaded from content/guides/x.md", so the version that came from
content/ can always be seen and restored from a record's history in admin.

Kept apart from the writing itself (`sync.py`): the load calls `record_load` once, after
every record is written. The revisions are the ones django-reversion would make with
`create_revision()` and `add_to_revision()` for each record (the same versions, serialized
the same way), but made together: the records of one model serialized in one pass, all the
revisions in one bulk insert, then all their versions in another (a load of 5,000 guides
would otherwise spend most of its time saving revisions one by one).
"""

from __future__ import annotations

import json

import reversion
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import connections, router
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _follow_relations, _get_content_type, _get_options

from .. import registry

BATCH = 500


def record_load(written: dict[str, list[tuple[object, dict]]]) -> int:
    """One revision for each record written, with what it follows (sections, citations,
    options …) as it is now. Returns how many revisions were recorded."""
    pending: list[tuple[str, list]] = []
    for kind in registry.kinds():
        pks = [obj.pk for obj, _data in written.get(kind.name, ())]
        if not pks or not reversion.is_registered(kind.model):
            continue
        # Read back: writing may finish after the record was saved (renumbering, links).
        records = kind.model.objects.filter(pk__in=pks).order_by("pk")
        for obj in records.prefetch_related(*_serialised_relations(kind.model)):
            pending.append((f"Loaded from {obj.source_path}", _followed(obj)))
    _save_revisions(pending)
    return len(pending)


def _followed(obj) -> list:
    """`obj` and everything its registration follows, once each: what django-reversion's
    add_to_revision() puts in a revision."""
    found: dict[tuple, object] = {}

    def add(item):
        if item.pk is None:
            return
        key = (type(item), force_str(getattr(item, _get_options(type(item)).object_id_field)))
        if key in found:
            return
        found[key] = item
        for related in _follow_relations(item):
            add(related)

    add(obj)
    return list(found.values())


class _Serializer(PythonSerializer):
    """Django's serializer, reading many-to-many values from prefetched rows when they are
    there (Django's builds a query for each record and field first, used or not)."""

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return
        related = getattr(obj, "_prefetched_objects_cache", {}).get(field.name)
        if related is None:
            related = getattr(obj, field.name).select_related(None).only("pk")
        self._current[field.name] = [self._value_from_field(r, r._meta.pk) for r in related]


def serialized(objs: list) -> list[str]:
    """What `serializers.serialize(format, [obj], fields=…)` gives for each of `objs` (all
    of one model), as django-reversion stores it, made in one pass."""
    options = _get_options(type(objs[0]))
    if options.format != "json" or options.use_natural_foreign_keys:
        return [
            serializers.serialize(
                options.format,
                (obj,),
                fields=options.fields,
                use_natural_foreign_keys=options.use_natural_foreign_keys,
            )
            for obj in objs
        ]
    dicts = _Serializer().serialize(objs, fields=options.fields)
    return [
        "[" + json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False) + "]" for data in dicts
    ]


def _save_revisions(pending: list[tuple[str, list]]) -> None:
    using = router.db_for_write(Revision)
    now = timezone.now()
    revisions = [Revision(date_created=now, comment=comment) for comment, _ in pending]
    if connections[using].features.can_return_rows_from_bulk_insert:
        Revision.objects.using(using).bulk_create(revisions, batch_size=BATCH)
    else:  # the database cannot say which ids a bulk insert made
        for revision in revisions:
            revision.save(using=using)
    by_model: dict[type, list] = {}
    for revision, (_, objs) in zip(revisions, pending, strict=True):
        for obj in objs:
            by_model.setdefault(type(obj), []).append((revision, obj))
    versions = []
    for model, items in by_model.items():
        content_type = _get_content_type(model, using)
        id_field = _get_options(model).object_id_field
        texts = serialized([obj for _, obj in items])
        for (revision, obj), text in zip(items, texts, strict=True):
            versions.append(
                Version(
                    revision=revision,
                    content_type=content_type,
                    object_id=force_str(getattr(obj, id_field)),
                    db=router.db_for_write(model, instance=obj),
                    format=_get_options(model).format,
                    serialized_data=text,
                    object_repr=force_str(obj),
                )
            )
    Version.objects.using(using).bulk_create(versions, batch_size=BATCH)


def _serialised_relations(model, prefix: str = "", depth: int = 0) -> list:
    """What a revision of `model` reads besides its own row: its many-to-many fields, what
    it follows, and the records their names show ("guide cites source"). Prefetched, a load
    of 300 records costs a few queries per kind instead of several per record."""
    lookups: list = [prefix + f.name for f in model._meta.many_to_many if f.serialize]
    if depth >= 3:
        return lookups
    for name in _get_options(model).follow:
        related = model._meta.get_field(name).related_model
        parents = [f.name for f in related._meta.fields if f.many_to_one]
        lookups.append(Prefetch(prefix + name, related._default_manager.select_related(*parents)))
        if reversion.is_registered(related):
            lookups += _serialised_relations(related, f"{prefix}{name}__", depth + 1)
    return lookups
