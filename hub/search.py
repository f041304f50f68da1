"""Site search on the database's own full-text engine.

SQLite (the default): an FTS5 table with the porter stemmer, ranked by bm25 with the title
weighted above the summary above the body. PostgreSQL: weighted tsvectors ranked by
ts_rank. Both get the same entries from `rebuild()`, and the same typo help (a "did you
mean" from the words of titles and glossary terms).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django.db import connection, transaction
from django.db.models import Case, FloatField, Q, Value, When

from core import registry
from glossary.models import GlossaryTerm

from .models import SearchEntry

MAX_QUERY = 200
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Column weights: title, summary, body, keywords (abbreviations and other names).
SQLITE_WEIGHTS = (10.0, 4.0, 1.0, 8.0)
START, STOP = "\x02", "\x03"


def kind_specs() -> dict:
    """What each content kind gives search: label and ranking weight, by entry kind."""
    return {kind.search.kind: kind.search for kind in registry.kinds() if kind.search}


# ---- building the index ----------------------------------------------------------------


def _entries():
    """One entry per public page, from every kind that gives search its pages; other kinds
    (glossary terms) add the words a page is also found by."""
    keywords: dict[str, list[str]] = {}
    for kind in registry.kinds():
        if kind.search_keywords:
            for url, words in kind.search_keywords().items():
                keywords.setdefault(url, []).extend(words)
    for spec in kind_specs().values():
        for doc in spec.entries():
            words = [*keywords.get(doc.url, []), doc.keywords]
            yield SearchEntry(
                kind=doc.kind,
                url=doc.url,
                title=doc.title,
                summary=doc.summary,
                body=doc.body,
                keywords=" ".join(w for w in words if w),
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
                "INSERT INTO hub_search_fts(rowid, title, summary, body, keywords) "
                "SELECT id, title, summary, body, keywords FROM hub_searchentry"
            )
    return len(entries)


def rebuild_after_change(sender, **kwargs) -> str:
    """Receiver of `core.cache.content_updated`: the index follows every content change."""
    return f"search   {rebuild()} pages indexed"


# ---- querying --------------------------------------------------------------------------


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


def terms_of(query: str) -> list[str]:
    return WORD_RE.findall(query.replace("\x00", " ")[:MAX_QUERY].lower())[:12]


def _marked(text: str) -> str:
    return escape(text).replace(START, "<mark>").replace(STOP, "</mark>")


def _sqlite_search(words: list[str], mode: str, limit: int) -> list[Result]:
    joiner = " AND " if mode == "all" else " OR "
    # A whole-word match counts twice (exact and prefix), so it ranks above a longer word
    # that merely starts with the same letters.
    match = joiner.join(f'("{w}" OR "{w}"*)' if len(w) >= 3 else f'"{w}"' for w in words)
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    boost = " ".join(f"WHEN '{k}' THEN {float(s.boost)}" for k, s in kind_specs().items())
    sql = f"""
        SELECT e.kind, e.url, e.title,
               snippet(hub_search_fts, 2, '{START}', '{STOP}', '…', 24),
               snippet(hub_search_fts, 1, '{START}', '{STOP}', '…', 24),
               bm25(hub_search_fts, {weights}) * (CASE e.kind {boost} ELSE 1 END) AS score
        FROM hub_search_fts JOIN hub_searchentry e ON e.id = hub_search_fts.rowid
        WHERE hub_search_fts MATCH %s
        ORDER BY score LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, limit])
        rows = cursor.fetchall()
    results = []
    for kind, url, title, body_snippet, summary_snippet in (r[:5] for r in rows):
        snippet = (
            summary_snippet
            if START in summary_snippet or START not in body_snippet
            else body_snippet
        )
        results.append(Result(kind, url, title, _marked(snippet)))
    return results


def _postgres_search(words: list[str], mode: str, limit: int) -> list[Result]:
    # Imported here: it needs the PostgreSQL driver, which a SQLite install may not have.
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    joiner = " & " if mode == "all" else " | "
    query = SearchQuery(joiner.join(f"{w}:*" for w in words), search_type="raw", config="english")
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("keywords", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
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
        SearchEntry.objects.annotate(vector=vector)
        .filter(vector=query)
        .annotate(
            rank=SearchRank(vector, query, weights=[0.1, 0.2, 0.5, 1.0]) * boost + exact,
            headline=SearchHeadline(
                "body",
                query,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=15,
            ),
            summary_headline=SearchHeadline(
                "summary",
                query,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
        )
        .order_by("-rank", "title")[:limit]
    )
    results = []
    for row in rows:
        snippet = (
            row.summary_headline
            if START in row.summary_headline or START not in row.headline
            else row.headline
        )
        results.append(Result(row.kind, row.url, row.title, _marked(snippet)))
    return results


def _run(words, mode, limit):
    if connection.vendor == "postgresql":
        return _postgres_search(words, mode, limit)
    return _sqlite_search(words, mode, limit)


@dataclass
class Outcome:
    query: str
    results: list[Result]
    terms: list[GlossaryTerm]
    corrected: str = ""  # the query we searched instead, when the original found nothing
    suggestion: str = ""  # a spelling to try, when results are few


def search(query: str, limit: int = 30) -> Outcome:
    query = " ".join(query.replace("\x00", " ").split())[:MAX_QUERY]
    words = terms_of(query)
    if not words:
        return Outcome(query, [], [])
    results = _run(words, "all", limit)
    if not results and len(words) > 1:
        results = _run(words, "any", limit)
    outcome = Outcome(query, results, glossary_matches(query, words))
    if not results:
        fixed = [correct(w) for w in words]
        if fixed != words:
            outcome.corrected = " ".join(fixed)
            outcome.results = _run(fixed, "all", limit) or _run(fixed, "any", limit)
            outcome.terms = outcome.terms or glossary_matches(outcome.corrected, fixed)
    return outcome


def glossary_matches(query: str, words: list[str]) -> list[GlossaryTerm]:
    """Glossary terms whose name, Dutch words, meaning or aliases match the whole query."""
    q = query.strip().lower()
    found = []
    for term in (
        GlossaryTerm.objects.published()
        .filter(
            Q(title__iexact=q)
            | Q(abbreviation_of__iexact=q)
            | Q(english__icontains=q)
            | Q(aliases__icontains=q)
        )
        .select_related("guide")[:10]
    ):
        if any(q == n.lower() for n in term.names) or (len(q) >= 4 and q in term.english.lower()):
            found.append(term)
    return found[:3]


def _vocabulary() -> tuple[str, ...]:
    # Keyed by the newest entry id: a rebuild in any process gives new ids.
    newest = SearchEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return _vocabulary_for(newest)


@lru_cache(maxsize=2)
def _vocabulary_for(newest) -> tuple[str, ...]:
    words = set()
    for row in SearchEntry.objects.values_list("title", "summary", "body", "keywords"):
        words.update(
            w for w in WORD_RE.findall(" ".join(row).lower()) if len(w) >= 4 and not w.isdigit()
        )
    for term in GlossaryTerm.objects.published():
        words.update(terms_of(" ".join([term.title, term.abbreviation_of, *term.alias_list])))
    return tuple(sorted(words))


def correct(word: str) -> str:
    """The closest known word, for a small typo; the word itself if none is close."""
    vocabulary = _vocabulary()
    if len(word) < 4 or word in vocabulary:
        return word
    match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
    return match[0] if match else word
