"""References: a page's citations, the numbered `[n]` markers in its text that point to
them, the rule that amounts and time limits carry one, and their rendering.

A guide or quick answer lists its citations in front matter (source, deep url, what it
supports, the day someone checked it). In the text, `[2]` after a claim refers to the
second citation. The loader refuses a paragraph that states a money amount or a time limit
without such a reference, a reference to a citation that does not exist, and year stamps
that pretend to be checks ("listed in 2026").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape

from core.loader.columns import sync_rows
from core.loader.links import FENCE_RE
from core.loader.schema import Cleaner, Field
from core.loader.translating import translate_items

CITATIONS = Field(
    "records",
    required=True,
    min_items=1,
    fields={
        "source": Field("ref", required=True, ref="sources"),
        "note": Field("text", required=True),
        "url": Field("url"),
        "checked": Field("date", required=True),
        "page_date": Field("date"),
    },
)

# `[2]`, also when another follows (`[1][3]`); not a Markdown link (`[2](…)`, `[2]: …`).
REF_RE = re.compile(r"\[(\d{1,3})\](?![(:]|\[[^\d\]])")
MONEY_RE = re.compile(r"€\s?\d+(?:[.,]\d+)*|\b\d[\d.,]*\s?(?:euros?|EUR)\b", re.IGNORECASE)
NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|hundred)"
)
TIME_LIMIT_RE = re.compile(
    r"\b"
    + NUMBER
    + r"(?:[\s-]+(?:and\s+a\s+half|full|whole|calendar|working|school))?[\s-]+"
    + r"(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
YEAR_STAMP_RE = re.compile(
    r"\b(?:listed|reported|checked|stated|found|verified|confirmed)\b"
    r"(?:[^.\n]|\.(?=\w)){0,40}?\bin 20\d\d\b"
    r"|\bwhen we checked\b",
    re.IGNORECASE,
)
LIST_ITEM_RE = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s")


def blocks(body: str, first_line: int):
    """(file line, text) of each paragraph, list item and table row of a Markdown body;
    headings and code are left out."""
    current: list[str] = []
    start = first_line
    in_fence = False

    def flush():
        if current:
            yield start, " ".join(current)
            current.clear()

    for offset, line in enumerate(body.split("\n")):
        line_no = first_line + offset
        stripped = line.strip()
        if FENCE_RE.match(line):
            yield from flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not stripped or stripped.startswith("#"):
            yield from flush()
            continue
        if LIST_ITEM_RE.match(line) or stripped.startswith("|"):
            yield from flush()
            start = line_no
        elif not current:
            start = line_no
        current.append(stripped)
    yield from flush()


# What each pattern cannot match without (checked first: a load reads thousands of pages).
AMOUNT_HINT = re.compile(r"[\d€]")
TIME_WORDS = ("day", "week", "month", "year")


def _claim(text: str, lower: str):
    if AMOUNT_HINT.search(text):
        money = MONEY_RE.search(text)
        if money:
            return money
    if any(word in lower for word in TIME_WORDS):
        return TIME_LIMIT_RE.search(text)
    return None


def _year_stamp(text: str, lower: str):
    if "in 20" in lower or "when we checked" in lower:
        return YEAR_STAMP_RE.search(text)
    return None


def check_references(body: str, first_line: int, citations: int, cleaner: Cleaner) -> None:
    """Report claims without a reference, references to no citation, and year stamps."""
    for line, text in blocks(body, first_line):
        lower = text.lower()
        numbers = [int(n) for n in REF_RE.findall(text)] if "[" in text else []
        for number in numbers:
            if not 1 <= number <= citations:
                cleaner.problem(
                    line,
                    f"reference [{number}] points to no citation: this page has "
                    f"{citations} (number them from [1], in the order of 'citations')",
                )
        claim = _claim(text, lower)
        if claim and not numbers:
            cleaner.problem(
                line,
                f"'{claim.group(0).strip()}' is an amount or a time limit with no reference: "
                "add [n] after the claim, where n is the number of the citation that states it",
            )
        stamp = _year_stamp(text, lower)
        if stamp:
            cleaner.problem(
                line,
                f"'{stamp.group(0)}' reads as a check nobody recorded: remove it, and put the "
                "date you compared the claim with the page in the citation's 'checked'",
            )


# ---- the database side -----------------------------------------------------------------


def dump_citations(citations) -> list[dict]:
    """Citations as loader data. Dates left empty (records loaded before they existed) are
    left out, so such records still match the hash they were loaded with."""
    items = []
    for c in citations:
        item = {"source": c.source.slug, "note": c.note, "url": c.url}
        if c.checked:
            item["checked"] = c.checked.isoformat()
        if c.page_date:
            item["page_date"] = c.page_date.isoformat()
        items.append(item)
    return items


@dataclass(frozen=True)
class _Slug:
    slug: str


@dataclass(frozen=True)
class CitationRow:
    """A citation as read by `citation_values`, for `dump_citations`."""

    source: _Slug
    note: str
    url: str
    checked: dt.date | None
    page_date: dt.date | None


def citation_values(queryset, owner: str) -> dict[int, list[CitationRow]]:
    """Every citation in `queryset`, in order, by the id of the page (`owner`) holding it."""
    rows = queryset.order_by(owner, "order").values_list(
        owner, "source__slug", "note", "url", "checked", "page_date"
    )
    found: dict[int, list[CitationRow]] = {}
    for page, source, note, url, checked, page_date in rows:
        found.setdefault(page, []).append(CitationRow(_Slug(source), note, url, checked, page_date))
    return found


def normalise_citations(items: list[dict]) -> list[dict]:
    return [{k: v for k, v in item.items() if v is not None} for item in items]


def citation_rows(items: list[dict], slugs) -> list[dict]:
    """Citations from loader data as the values of their rows."""
    return [
        {
            "source": slugs["sources"][c["source"]],
            "note": c["note"],
            "url": c["url"],
            "checked": _date(c.get("checked")),
            "page_date": _date(c.get("page_date")),
            "order": n,
        }
        for n, c in enumerate(items, start=1)
    ]


def write_citations(queryset, items: list[dict], slugs, create) -> None:
    sync_rows(queryset, citation_rows(items, slugs), create=create)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ---- on the page -----------------------------------------------------------------------

TAG_RE = re.compile(r"(<[^>]+>)")
SKIP = {"a", "code", "pre"}


def link_references(html: str, citations, prefix: str = "") -> str:
    """Turn `[2]` in rendered HTML into a link to the second citation (`#{prefix}ref-2`)
    that a screen reader announces as "source 2: IND"."""
    names = {n: c.source.title for n, c in enumerate(citations, start=1)}

    def replace(match):
        number = int(match.group(1))
        if number not in names:
            return match.group(0)
        return (
            f'<sup class="ref"><a href="#{prefix}ref-{number}">'
            f'<span aria-hidden="true">[</span><span class="visually-hidden">source </span>'
            f'{number}<span class="visually-hidden">: {escape(names[number])}</span>'
            f'<span aria-hidden="true">]</span></a></sup>'
        )

    out, skipping = [], []
    for piece in TAG_RE.split(html):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if tag in SKIP:
                if piece.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                elif not piece.endswith("/>"):
                    skipping.append(tag)
            out.append(piece)
        elif skipping:
            out.append(piece)
        else:
            out.append(REF_RE.sub(replace, piece))
    return "".join(out)


def translate_citations(citations, items: list[dict], language: str) -> list:
    """A translation's citation notes on the record's citations (the same ones, in order)."""
    return translate_items(citations, items, language, note="note")
