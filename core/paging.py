"""Paging through long lists of records cheaply, however many there are."""

from __future__ import annotations


class IdsFirst:
    """A query set to page through (with Django's Paginator) that sorts ids, then reads
    only the rows of the page.

    Sorting whole rows makes the database read every matching record's long texts (a
    topic with thousands of guides); sorting ids can be done from an index. The rows of a
    page are then read by id, with everything the query set selects (annotations,
    select_related, deferred fields), in the sorted order."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("IdsFirst gives pages (slices) of records, not single records")
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        rows = {obj.pk: obj for obj in self.queryset.filter(pk__in=ids)}
        return [rows[pk] for pk in ids if pk in rows]
