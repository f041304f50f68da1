"""History of loads: each record a load creates or changes gets a revision in
django-reversion, "Loaded from content/guides/x.md", so the version that came from
content/ can always be seen and restored from a record's history in admin.

Kept apart from the writing itself (`sync.py`): the load calls `record_load` once, after
every record is written.
"""

from __future__ import annotations

import reversion

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
        for obj in kind.model.objects.filter(pk__in=pks).order_by("pk"):
            with reversion.create_revision(manage_manually=True, atomic=False):
                reversion.set_comment(f"Loaded from {obj.source_path}")
                reversion.add_to_revision(obj)
            recorded += 1
    return recorded
