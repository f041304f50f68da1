"""Building the search index: one entry per public page, from every content kind."""

from __future__ import annotations

from django.db import connection, transaction

from core import registry

from ..models import SearchEntry

KEYWORD_SEPARATOR = " · "


def kind_specs() -> dict:
    """What each content kind gives search: label and ranking weight, by entry kind."""
    return {kind.search.kind: kind.search for kind in registry.kinds() if kind.search}


def _entries():
    """One entry per public page, from every kind that gives search its pages; other kinds
    (glossary terms, synonyms) add the words a page is also found by."""
    keywords: dict[str, list[str]] = {}
    for kind in registry.kinds():
        if kind.search_keywords:
            for url, words in kind.search_keywords().items():
                keywords.setdefault(url, []).extend(words)
    for spec in kind_specs().values():
        for doc in spec.entries():
            words = [*keywords.get(doc.url, []), doc.keywords]
            # Phrases stay apart (" · "), so a phrase the query contains can be recognised.
            yield SearchEntry(
                kind=doc.kind,
                url=doc.url,
                title=doc.title,
                summary=doc.summary,
                headings=doc.headings,
                body=doc.body,
                keywords=KEYWORD_SEPARATOR.join(w for w in words if w),
            )


@transaction.atomic
def rebuild() -> int:
    """Replace the whole index with the published content. Returns the number of entries."""
    SearchEntry.objects.all().delete()
    entries = SearchEntry.objects.bulk_create(list(_entries()))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM hub_search_fts")
            cursor.execute(
                "INSERT INTO hub_search_fts(rowid, title, summary, body, keywords, headings) "
                "SELECT id, title, summary, body, keywords, headings FROM hub_searchentry"
            )
    return len(entries)


def rebuild_after_change(sender, **kwargs) -> str:
    """Receiver of `core.cache.content_updated`: the index follows every content change."""
    return f"search   {rebuild()} pages indexed"
