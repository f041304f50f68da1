"""The two full-text engines behind search, ranked alike.

SQLite (the default): an FTS5 table per language, ranked by bm25 with column weights;
English is stemmed by FTS5's porter tokenizer, other languages by Snowball before they are
indexed and searched (stemming.py). PostgreSQL: weighted tsvectors ranked by ts_rank, with
the language's text search configuration (english, dutch). In both, a page's title and its
own keywords (glossary names, tags, editors' synonyms) weigh most, its headings and summary
next, its body least; each kind of page has a weight of its own (a guide is the best answer
to most searches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from django.db import connection
from django.db.models import Case, FloatField, Value, When

from core.translation import default_language

from ..models import SearchEntry
from .index import fts_table, kind_specs
from .stemming import mark, stems

# PostgreSQL's text search configuration for each language.
POSTGRES_CONFIG = {"en": "english", "nl": "dutch"}

# Column weights on SQLite, in the FTS table's column order.
SQLITE_WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0, "keywords": 8.0, "headings": 5.0}
START, STOP = "\x02", "\x03"


@dataclass
class Result:
    kind: str
    url: str
    title: str
    snippet: str  # safe HTML: escaped text with <mark> around matched words

    @property
    def kind_label(self):
        spec = kind_specs().get(self.kind)
        return spec.label if spec else self.kind


def _marked(text: str) -> str:
    return escape(text).replace(START, "<mark>").replace(STOP, "</mark>")


def _snippet(summary: str, body: str) -> str:
    return _marked(summary if START in summary or START not in body else body)


def run(words: list[str], mode: str, limit: int, language: str = "") -> list[Result]:
    """Pages in `language` (default: the site's) matching all the words (mode "all") or any
    of them ("any"), best first."""
    language = language or default_language()
    if connection.vendor == "postgresql":
        return _postgres(words, mode, limit, language)
    if language == default_language():
        return _sqlite(words, mode, limit)
    return _sqlite_stemmed(words, mode, limit, language)


def _fts_rows(table: str, columns: str, words: list[str], mode: str, limit: int) -> list:
    """Rows of `columns` (plus the score) for the pages of one FTS5 table matching the words,
    ranked by bm25 with the column weights and each kind's boost."""
    joiner = " AND " if mode == "all" else " OR "
    # A whole-word match counts twice (exact and prefix), so it ranks above a longer word
    # that merely starts with the same letters.
    match = joiner.join(f'("{w}" OR "{w}"*)' if len(w) >= 3 else f'"{w}"' for w in words)
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS.values())
    boost = " ".join(f"WHEN '{k}' THEN {float(s.boost)}" for k, s in kind_specs().items())
    sql = f"""
        SELECT {columns},
               bm25({table}, {weights}) * (CASE e.kind {boost} ELSE 1 END) AS score
        FROM {table} JOIN hub_searchentry e ON e.id = {table}.rowid
        WHERE {table} MATCH %s
        ORDER BY score LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, limit])
        return cursor.fetchall()


def _sqlite(words: list[str], mode: str, limit: int) -> list[Result]:
    table = fts_table(default_language())
    columns = (
        f"e.kind, e.url, e.title, snippet({table}, 2, '{START}', '{STOP}', '…', 24), "
        f"snippet({table}, 1, '{START}', '{STOP}', '…', 24)"
    )
    return [
        Result(kind, url, title, _snippet(summary, body))
        for kind, url, title, body, summary, _score in _fts_rows(table, columns, words, mode, limit)
    ]


def _sqlite_stemmed(words: list[str], mode: str, limit: int, language: str) -> list[Result]:
    """A language FTS5 cannot stem: its table holds Snowball stems, and so does the query;
    the snippet is marked here, on the page's own words."""
    wanted = stems(words, language)
    rows = _fts_rows(
        fts_table(language), "e.kind, e.url, e.title, e.summary, e.body", wanted, mode, limit
    )
    found = set(wanted)
    results = []
    for kind, url, title, summary, body, _score in rows:
        marked_summary = mark(summary, found, language, START, STOP, words=60)
        marked_body = mark(body, found, language, START, STOP, words=24)
        results.append(Result(kind, url, title, _snippet(marked_summary, marked_body)))
    return results


def _postgres(words: list[str], mode: str, limit: int, language: str) -> list[Result]:
    # Imported here: it needs the PostgreSQL driver, which a SQLite install may not have.
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    config = POSTGRES_CONFIG.get(language, "simple")
    joiner = " & " if mode == "all" else " | "
    query = SearchQuery(joiner.join(f"{w}:*" for w in words), search_type="raw", config=config)
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("keywords", weight="A", config=config)
        + SearchVector("headings", weight="B", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )
    boost = Case(
        *(When(kind=k, then=Value(s.boost)) for k, s in kind_specs().items()),
        default=Value(1.0),
        output_field=FloatField(),
    )
    # The whole query as a word in the keywords (a glossary term's names) or the title
    # ranks first, as FTS5's exact-match weighting does on SQLite.
    phrase = r"\m" + re.escape(" ".join(words)) + r"\M"
    exact = Case(
        When(keywords__iregex=phrase, then=Value(2.0)),
        When(title__iregex=phrase, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    rows = (
        SearchEntry.objects.filter(language=language)
        .annotate(vector=vector)
        .filter(vector=query)
        .annotate(
            rank=SearchRank(vector, query, weights=[0.1, 0.2, 0.5, 1.0]) * boost + exact,
            headline=SearchHeadline(
                "body",
                query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=15,
            ),
            summary_headline=SearchHeadline(
                "summary",
                query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
        )
        .order_by("-rank", "title")[:limit]
    )
    return [
        Result(row.kind, row.url, row.title, _snippet(row.summary_headline, row.headline))
        for row in rows
    ]
