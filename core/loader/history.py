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
from django.utils import timezone
from django.utils.encoding import force_str, is_protected_type
from reversion.models import Revision, Version
from reversion.revisions import _follow_relations, _get_content_type, _get_options

from .. import registry

BATCH = 500


def record_load(written: dict[str, list[tuple[object, dict]]]) -> int:
    """One revision for each record written, with what it follows (sections, citations,
    options …) as it is now. Returns how many revisions were recorded."""
    pending: list[tuple[str, list]] = []
    related = _Related()
    for kind in registry.kinds():
        pks = [obj.pk for obj, _data in written.get(kind.name, ())]
        if not pks or not reversion.is_registered(kind.model):
            continue
        # Read back: writing may finish after the record was saved (renumbering, links).
        records = []
        for chunk in _chunks(sorted(pks)):
            records += kind.model.objects.filter(pk__in=chunk).order_by("pk")
        related.read(kind.model, records)
        pending += [(f"Loaded from {obj.source_path}", related.followed(obj)) for obj in records]
    _save_revisions(pending, related)
    return len(pending)


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Related:
    """What revisions of many records read besides the records' own rows, read in a few
    queries per relation: the rows each record follows (its inlines) and its many-to-many
    values. Django's prefetch_related would do the same reads but build a query set for
    every record and relation, which costs more than the reading (a load of 5,000 guides)."""

    def __init__(self):
        self.children: dict[tuple, dict] = {}  # (model, follow name) → parent pk → rows
        self.m2m: dict[tuple, dict] = {}  # (model, field name) → pk → related pks
        self.records: dict[type, dict] = {}  # model → pk → record, of every record read

    def read(self, model, objs: list, depth: int = 0) -> None:
        pks = [obj.pk for obj in objs]
        self.records.setdefault(model, {}).update((obj.pk, obj) for obj in objs)
        for field in model._meta.many_to_many:
            if field.serialize and field.remote_field.through._meta.auto_created:
                name = field.related_query_name()
                values = self.m2m.setdefault((model, field.name), {})
                for chunk in _chunks(pks):
                    # The related model's own ordering, as obj.<field>.all() gives them.
                    rows = field.related_model._default_manager.filter(**{f"{name}__in": chunk})
                    for owner, pk in rows.values_list(name, "pk"):
                        values.setdefault(owner, []).append(pk)
        if depth >= 3:
            return
        by_pk = self.records[model]
        for name in _get_options(model).follow:
            relation = model._meta.get_field(name)
            if not relation.one_to_many:
                continue  # followed one record at a time, as django-reversion does
            child, link = relation.related_model, relation.field
            groups = self.children.setdefault((model, name), {})
            rows = []
            for chunk in _chunks(pks):
                rows += child._default_manager.filter(**{f"{link.name}__in": chunk})
            for row in rows:
                parent = by_pk[getattr(row, link.attname)]
                link.set_cached_value(row, parent)  # its name may show the parent's
                groups.setdefault(parent.pk, []).append(row)
            self.attach_others(child, link, rows)
            if reversion.is_registered(child):
                self.read(child, rows, depth + 1)

    def attach_others(self, model, link, rows: list) -> None:
        """The other records rows point to (a citation's source, a related guide), which
        their names may show: each read once, not once per row (5,000 guides cite the same
        36 sources), and taken from the records read already when they are among them."""
        for field in model._meta.fields:
            if not field.many_to_one or field is link:
                continue
            target = field.related_model
            known = self.records.get(target, {})
            wanted = {getattr(row, field.attname) for row in rows} - known.keys() - {None}
            fetched = {}
            for chunk in _chunks(sorted(wanted)):
                fetched.update(target._base_manager.in_bulk(chunk))
            for row in rows:
                value = getattr(row, field.attname)
                found = known.get(value) or fetched.get(value)
                if found is not None:
                    field.set_cached_value(row, found)

    def follows(self, item):
        """What django-reversion's _follow_relations(item) gives, from what was read when
        every relation the item follows was read (else from django-reversion itself)."""
        model = type(item)
        groups = [self.children.get((model, name)) for name in _get_options(model).follow]
        if any(group is None for group in groups):
            yield from _follow_relations(item)
            return
        for group in groups:
            yield from group.get(item.pk, ())

    def followed(self, obj) -> list:
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
            for related in self.follows(item):
                add(related)

        add(obj)
        return list(found.values())


class _Serializer(PythonSerializer):
    """Django's serializer, reading many-to-many values from what _Related read when it
    read them (Django's builds a query for each record and field)."""

    def __init__(self, related: _Related | None = None):
        super().__init__()
        self.related = related

    def handle_m2m_field(self, obj, field):
        if not field.remote_field.through._meta.auto_created:
            return
        read = self.related.m2m.get((type(obj), field.name)) if self.related else None
        if read is not None:
            self._current[field.name] = [
                pk if is_protected_type(pk) else str(pk) for pk in read.get(obj.pk, ())
            ]
            return
        related = getattr(obj, field.name).select_related(None).only("pk")
        self._current[field.name] = [self._value_from_field(r, r._meta.pk) for r in related]


def serialized(objs: list, related: _Related | None = None) -> list[str]:
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
    dicts = _Serializer(related).serialize(objs, fields=options.fields)
    return [
        "[" + json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False) + "]" for data in dicts
    ]


def _save_revisions(pending: list[tuple[str, list]], related: _Related | None = None) -> None:
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
    rows = []
    for model, items in by_model.items():
        content_type = _get_content_type(model, using)
        options = _get_options(model)
        texts = serialized([obj for _, obj in items], related)
        for (revision, obj), text in zip(items, texts, strict=True):
            rows.append(
                (
                    revision.pk,
                    force_str(getattr(obj, options.object_id_field)),
                    content_type.pk,
                    router.db_for_write(model, instance=obj),
                    options.format,
                    text,
                    force_str(obj),
                )
            )
    _insert_versions(rows, using)


# The fields of a Version row, in the order _save_revisions gives their values.
VERSION_FIELDS = ("revision", "object_id", "content_type", "db", "format")
VERSION_FIELDS += ("serialized_data", "object_repr")


def _insert_versions(rows: list[tuple], using: str) -> None:
    """Insert Version rows (all plain text and ids) with executemany: 60,000 versions for a
    load of 5,000 guides, where bulk_create would spend seconds building model instances
    and preparing each value."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(Version._meta.db_table)
    columns = ", ".join(quote(Version._meta.get_field(name).column) for name in VERSION_FIELDS)
    marks = ", ".join(["%s"] * len(VERSION_FIELDS))
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 5000):
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", chunk)
