"""Marking glossary terms in rendered guide HTML: the first use of each term becomes an
<abbr> that links to its glossary entry. Editors write plain Markdown; this runs on output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

TAG_RE = re.compile(r"(<[^>]+>)")
# Text inside these elements is never marked.
SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


@dataclass(frozen=True)
class Term:
    text: str
    url: str
    title: str


def build_pattern(terms: list[Term]) -> re.Pattern | None:
    """One pattern for all terms, longest first. Abbreviations (with capitals) match exactly;
    lowercase words match in any case."""
    parts = []
    for term in sorted(terms, key=lambda t: len(t.text), reverse=True):
        escaped = re.escape(term.text)
        parts.append(escaped if term.text != term.text.lower() else f"(?i:{escaped})")
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])")


def mark_terms(fragments: list[str], terms: list[Term]) -> list[str]:
    """Mark the first use of each term across `fragments` (a guide's parts, in page order)."""
    pattern = build_pattern(terms)
    if pattern is None:
        return fragments
    by_text = {t.text.lower(): t for t in terms}
    done: set[str] = set()
    return [_mark(fragment, pattern, by_text, done) for fragment in fragments]


def _mark(html: str, pattern, by_text, done) -> str:
    out = []
    skipping: list[str] = []
    for piece in TAG_RE.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name:
                tag = name.group(1).lower()
                if tag in SKIP:
                    if piece.startswith("</"):
                        if skipping and skipping[-1] == tag:
                            skipping.pop()
                    elif not piece.endswith("/>"):
                        skipping.append(tag)
            out.append(piece)
            continue
        if skipping:
            out.append(piece)
            continue

        def replace(match):
            key = match.group(1).lower()
            term = by_text.get(key)
            if term is None or key in done:
                return match.group(0)
            done.add(key)
            return (
                f'<a class="term" href="{escape(term.url)}"><abbr title="{escape(term.title)}">'
                f"{match.group(1)}</abbr></a>"
            )

        out.append(pattern.sub(replace, piece))
    return "".join(out)
