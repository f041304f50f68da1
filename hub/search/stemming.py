"""Words reduced to their stem, for languages the database cannot stem itself.

SQLite's full-text engine stems English only (porter). For Dutch, the Snowball stemmer
(the `snowballstemmer` library, the same algorithms PostgreSQL's `dutch` configuration
uses) stems both the indexed text and the query, so "boetes" finds "boete" and
"gemeenten" finds "gemeente".
"""

from __future__ import annotations

import re
from functools import cache

import snowballstemmer

from .words import WORD_RE

SNOWBALL = {"nl": "dutch", "en": "english"}
# Dutch separable verbs with "te": "om in te burgeren" is about "inburgeren", and
# "aan te vragen" about "aanvragen". Joined in the pages and in the query alike.
SEPARABLE_RE = re.compile(
    r"\b(aan|af|in|mee|na|op|over|terug|toe|uit|vast|voor)\s+te\s+(\w+)", re.IGNORECASE
)


# Whether a text has a "te" between words at all: most have none, and searching for the
# whole pattern at every word costs more than all the rest of stemming a page.
TE_RE = re.compile(r"\ste\s", re.IGNORECASE)


def join_separable(text: str) -> str:
    if not TE_RE.search(text):
        return text
    return SEPARABLE_RE.sub(r"\1\2", text)


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(SNOWBALL[language])


# Each distinct word's stem, by language. Stemming is the costliest step of indexing
# (about 0.1 ms a word) and texts repeat a small vocabulary, so each word is stemmed once;
# emptied when it grows large, since queries can bring any word.
_stems: dict[str, dict[str, str]] = {}
MAX_KNOWN = 200_000


def stems(words: list[str], language: str) -> list[str]:
    known = _stems.setdefault(language, {})
    if len(known) > MAX_KNOWN:
        known.clear()
    stem = _stemmer(language).stemWord
    out = []
    for word in words:
        word = word.lower()
        found = known.get(word)
        if found is None:
            found = known[word] = stem(word)
        out.append(found)
    return out


def stemmed_text(text: str, language: str) -> str:
    """The text as the index holds it: its words, lowercase and stemmed, in order."""
    if language == "nl":
        text = join_separable(text)
    return " ".join(stems(WORD_RE.findall(text), language))


def mark(text: str, wanted: set[str], language: str, start: str, stop: str, words: int = 30):
    """A window of `text` around its first word whose stem is wanted, with every such word
    between `start` and `stop`: the snippet SQLite cannot make from stemmed text."""
    tokens = list(WORD_RE.finditer(text))
    if not tokens:
        return text
    token_stems = stems([t.group(0) for t in tokens], language)
    hits = [i for i, s in enumerate(token_stems) if s in wanted]
    first = max(0, (hits[0] if hits else 0) - 8)
    last = min(len(tokens), first + words)
    begin, end = tokens[first].start(), tokens[last - 1].end()
    out, at = [], begin
    for i in range(first, last):
        if token_stems[i] in wanted:
            token = tokens[i]
            out += [text[at : token.start()], start, token.group(0), stop]
            at = token.end()
    out.append(text[at:end])
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(out) + suffix
