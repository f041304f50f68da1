"""Building the search index: one entry per public page, from every content kind."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import translation

from core import registry
from core.translation import default_language, languages, localise_path

from ..models import SearchEntry
from .stemming import stemmed_text

COLUMNS = ("title", "summary", "body", "keywords", "headings")


def fts_table(language: str) -> str:
    """The SQLite full-text table of a language's pages."""
    return "hub_search_fts" if language == default_language() else f"hub_search_fts_{language}"


KEYWORD_SEPARATOR = " · "


def kind_specs() -> dict:
    """What each content kind gives search: label and ranking weight, by entry kind."""
    return {kind.search.kind: kind.search for kind in registry.kinds() if kind.search}


def _entries():
    """One entry per public page and language, from every kind that gives search its pages;
    other kinds (glossary terms, synonyms) add the words a page is also found by. Records
    read in a language give its texts (core.translation), so each language's pages are
    indexed in their own words."""
    for language in [default_language(), *languages()]:
        with translation.override(language):
            yield from _entries_in(language)


def _entries_in(language: str):
    def url_of(url: str) -> str:
        return url if language == default_language() else localise_path(url, language)

    keywords: dict[str, list[str]] = {}
    for kind in registry.kinds():
        if kind.search_keywords:
            for url, words in kind.search_keywords().items():
                keywords.setdefault(url_of(url), []).extend(words)
    for spec in kind_specs().values():
        for doc in spec.entries():
            url = url_of(doc.url)
            words = [*keywords.get(url, []), doc.keywords]
            # Phrases stay apart (" · "), so a phrase the query contains can be recognised.
            yield SearchEntry(
                kind=doc.kind,
                language=language,
                url=url,
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
        _fill_sqlite(entries)
    return len(entries)


def _fill_sqlite(entries: list[SearchEntry]) -> None:
    columns = ", ".join(COLUMNS)
    default = default_language()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {fts_table(default)}")
        cursor.execute(
            f"INSERT INTO {fts_table(default)}(rowid, {columns}) "
            f"SELECT id, {columns} FROM hub_searchentry WHERE language = %s",
            [default],
        )
        for language in languages():
            table = fts_table(language)
            cursor.execute(f"DELETE FROM {table}")
            cursor.executemany(
                f"INSERT INTO {table}(rowid, {columns}) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (e.pk, *(stemmed_text(getattr(e, c), language) for c in COLUMNS))
                    for e in entries
                    if e.language == language
                ],
            )


def rebuild_after_change(sender, **kwargs) -> str:
    """Receiver of `core.cache.content_updated`: the index follows every content change."""
    return f"search   {rebuild()} pages indexed"
