"""History of loads: each record a load creates or changes gets a revision in
django-reversion, "Loaded from content/guides/x.md", so the version that came from
content/ can always be seen and restored from a record's history in admin.

Kept apart from the writing itself (`sync.py`): the load calls `record_load` once, after
every record is written.
"""

from __future__ import annotations

import reversion
from django.db.models import Prefetch
from reversion.revisions import _get_options

from .. import registry


def record_load(written: dict[str, list[tuple[object, dict]]]) -> int:
    """One revision for each record written, with what it follows (sections, citations,
    options …) as it is now. Returns how many revisions were recorded."""
    recorded = 0
    for kind in registry.kinds():
        pks = [obj.pk for obj, _data in written.get(kind.name, ())]
        if not pks or not reversion.is_registered(kind.model):
            continue
        # Read back: writing may finish after the record was saved (renumbering, links).
        records = kind.model.objects.filter(pk__in=pks).order_by("pk")
        for obj in records.prefetch_related(*_serialised_relations(kind.model)):
            with reversion.create_revision(manage_manually=True, atomic=False):
                reversion.set_comment(f"Loaded from {obj.source_path}")
                reversion.add_to_revision(obj)
            recorded += 1
    return recorded


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
