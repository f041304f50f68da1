"""The words of a query: which ones count, and the site's own words for typo help."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from django.db.models import Q

from glossary.models import GlossaryTerm

from ..models import SearchEntry

MAX_QUERY = 200
MAX_WORDS = 12
WORD_RE = re.compile(r"\w+", re.UNICODE)

# Words that carry the shape of a question, not its subject: question words, pronouns,
# auxiliaries and small words, in English and Dutch. People type questions ("how long do
# I have for inburgering"); only the rest has to match.
STOP_WORDS = frozenset(
    """
    a about am an and any are as at be been being by can could did do does doing for from
    get gets getting got had has have having he her here him his how i if in into is it its
    many me mine much must my need needs of on or our please she should so than that the their them
    then there these they this those to too us was we were what when where which who whom
    why will with would you your yours
    aan al alle als ben bij dan dat de deze die dit doe doen door duurt een en er geen had
    heb hebben heeft het hij hoe hun ik in is je jij jou jouw kan kun kunnen me mag meer
    met mij mijn moet moeten na naar niet nodig nog nu of om ons onze op te tot u uw van
    voor waar wanneer wat we welk welke wie wij wil willen word wordt zal ze zij zijn zo
    """.split()
)


def terms_of(query: str) -> list[str]:
    """The words that must match: stop words left out, unless nothing else is left."""
    words = WORD_RE.findall(query.replace("\x00", " ")[:MAX_QUERY].lower())
    meaningful = [w for w in words if w not in STOP_WORDS]
    return (meaningful or words)[:MAX_WORDS]


def glossary_matches(query: str) -> list[GlossaryTerm]:
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
        words.update(WORD_RE.findall(" ".join(term.names).lower()))
    return tuple(sorted(words))


def correct(word: str) -> str:
    """The closest known word, for a small typo; the word itself if none is close."""
    vocabulary = _vocabulary()
    if len(word) < 4 or word in vocabulary:
        return word
    match = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
    return match[0] if match else word
