"""Site search on the database's own full-text engine (engines.py), over an index built
from every content kind (index.py), for questions as well as keywords (words.py).

A query first has to match all its meaningful words; when that finds too little, pages
matching most of them follow, ranked. A query that finds nothing is retried with typos
corrected from the site's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.translation import content_language, default_language
from glossary.models import GlossaryTerm

from ..models import SearchEntry
from .engines import Result, run
from .index import KEYWORD_SEPARATOR, rebuild, rebuild_after_change
from .stemming import join_separable
from .words import MAX_QUERY, STOP_WORDS, WORD_RE, correct, glossary_matches, terms_of

__all__ = ["MAX_QUERY", "Outcome", "Result", "rebuild", "rebuild_after_change", "search"]

# At most this many results are ranked and paged through.
MAX_RESULTS = 200
# Fewer strict matches than this, and pages matching some of the words follow.
ENOUGH = 5


@dataclass
class Outcome:
    query: str
    results: list[Result]
    terms: list[GlossaryTerm] = field(default_factory=list)
    corrected: str = ""  # the query we searched instead, when the original found nothing


def _ranked(query: str, words: list[str], limit: int, language: str) -> list[Result]:
    results = run(words, "all", limit, language)
    if len(results) < ENOUGH and len(words) > 1:
        seen = {r.url for r in results}
        results += [r for r in run(words, "any", limit, language) if r.url not in seen]
    return _by_intent(query, results)[:limit]


def _by_intent(query: str, results: list[Result]) -> list[Result]:
    """Pages whose own keywords (glossary names, editors' synonyms) appear in the query as
    whole phrases come first, the more of the query they cover the better: a page *about*
    what was asked ranks above one that mentions it. Otherwise the engine's order stays."""
    if not results:
        return results
    text = " " + " ".join(WORD_RE.findall(query.lower())) + " "
    keywords = dict(
        SearchEntry.objects.filter(url__in=[r.url for r in results]).values_list("url", "keywords")
    )

    def covered(result: Result) -> int:
        score = 0
        for phrase in {
            p.strip().lower() for p in keywords.get(result.url, "").split(KEYWORD_SEPARATOR)
        }:
            words = WORD_RE.findall(phrase)
            if words and any(w not in STOP_WORDS for w in words):
                if f" {' '.join(words)} " in text:
                    score += len(words)
        return score

    scores = {r.url: covered(r) for r in results}
    return sorted(results, key=lambda r: -scores[r.url])


def search(query: str, limit: int = MAX_RESULTS, language: str = "") -> Outcome:
    """Pages in `language` (default: the active one, so /nl/search/ searches Dutch pages)."""
    language = language or content_language() or default_language()
    query = " ".join(query.replace("\x00", " ").split())[:MAX_QUERY]
    words = terms_of(join_separable(query) if language == "nl" else query)
    if not words:
        return Outcome(query, [])
    outcome = Outcome(query, _ranked(query, words, limit, language), glossary_matches(query))
    if not outcome.results:
        fixed = [correct(w) for w in words]
        if fixed != words:
            outcome.corrected = " ".join(fixed)
            outcome.results = _ranked(outcome.corrected, fixed, limit, language)
            outcome.terms = outcome.terms or glossary_matches(outcome.corrected)
    return outcome
