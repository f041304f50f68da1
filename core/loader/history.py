"""History of loads: each record a load creates or changes gets a revision in
django-reversion, "Loaded from content/guides/x.md", so the version that came from
content/ can always be seen and restored from a record's history in admin.

Kept apart from the writing itself (`sync.py`): the load calls `record_load` once, after
every record is written. The revisions are the ones django-reversion would make with
`create_revision()` and `add_to_revision()` for each record, but saved together: all the
revisions in one bulk insert, then all their versions in another (a load of 5,000 guides
would otherwise spend most of its time saving revisions one by one).
"""

from __future__ import annotations

import reversion
from django.db import connections, router
from django.db.models import Prefetch
from django.utils import timezone
from reversion.models import Revision, Version
from reversion.revisions import _current_frame, _get_options, _pop_frame, _push_frame

from .. import registry

BATCH = 500


def record_load(written: dict[str, list[tuple[object, dict]]]) -> int:
    """One revision for each record written, with what it follows (sections, citations,
    options …) as it is now. Returns how many revisions were recorded."""
    pending: list[tuple[str, list[Version]]] = []
    for kind in registry.kinds():
        pks = [obj.pk for obj, _data in written.get(kind.name, ())]
        if not pks or not reversion.is_registered(kind.model):
            continue
        # Read back: writing may finish after the record was saved (renumbering, links).
        records = kind.model.objects.filter(pk__in=pks).order_by("pk")
        for obj in records.prefetch_related(*_serialised_relations(kind.model)):
            pending.append((f"Loaded from {obj.source_path}", _versions_of(obj)))
    _save_revisions(pending)
    return len(pending)


def _versions_of(obj) -> list[Version]:
    """The versions django-reversion makes for `obj` and what it follows, unsaved."""
    using = router.db_for_write(Revision)
    if reversion.is_active():  # inside someone's revision: theirs must not receive ours
        raise RuntimeError("record_load runs outside any other revision")
    _push_frame(manage_manually=True, using=using)
    try:
        reversion.add_to_revision(obj)
        return list(_current_frame().db_versions[using].values())
    finally:
        _pop_frame()


def _save_revisions(pending: list[tuple[str, list[Version]]]) -> None:
    using = router.db_for_write(Revision)
    now = timezone.now()
    revisions = [Revision(date_created=now, comment=comment) for comment, _ in pending]
    if connections[using].features.can_return_rows_from_bulk_insert:
        Revision.objects.using(using).bulk_create(revisions, batch_size=BATCH)
    else:  # the database cannot say which ids a bulk insert made
        for revision in revisions:
            revision.save(using=using)
    versions = []
    for revision, (_, record_versions) in zip(revisions, pending, strict=True):
        for version in record_versions:
            version.revision = revision
            versions.append(version)
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
