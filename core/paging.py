"""Paging through long lists of records cheaply, however many there are."""

from __future__ import annotations

from django.core.paginator import Paginator


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


def page_of(object_list, number, per_page: int, orphans: int = 0, count: int | None = None):
    """Page `number` (as given in the URL; a wrong one gives the nearest page) of
    `object_list`, with `next_size`: how many records the next page holds, for a link that
    says so ("Next 10"). `count`, when the caller counted already, saves a count."""
    paginator = Paginator(object_list, per_page, orphans=orphans)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(number)
    page.next_size = 0
    if page.has_next():
        start = page.number * per_page
        end = start + per_page
        if end + orphans >= paginator.count:  # the next page is the last: it takes orphans
            end = paginator.count
        page.next_size = end - start
    return page
