"""Links between records' pages, as the public sees them.

A page may link to another record's page in its Markdown text (or, for a KNM question,
its "read more" link). When that record is unpublished or deleted, the link would lead to
a 404. So: admin asks before unpublishing or deleting a record that published pages link
to (`linking_to`), lists the links that point to no published page for repair
(`dead_links`), and the site drops such a link to plain text (`LiveLinksMiddleware`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import CharField, Value

from . import registry
from .i18n import in_language_of
from .loader.links import find_links, record_page

Page = tuple[str, str]  # (kind, slug)


@dataclass(frozen=True)
class PageLink:
    record: Any  # the record whose published page shows the link
    target: str  # as written
    page: Page  # the record page it points to

    @property
    def record_label(self) -> str:
        return f"{record_noun(type(self.record))} “{self.record}”"


def record_noun(model) -> str:
    """What editors call a record: "quick answer", or "KNM theme question" for a part."""
    kind = registry.for_model(model)
    if kind:
        return kind.label
    owner = next((k for k in registry.kinds() if model in k.editor_models), None)
    noun = model._meta.verbose_name
    return f"{owner.label} {noun}" if owner else noun


@lru_cache(maxsize=4096)
def page_of(target: str) -> Page | None:
    """The record page a link target points to: (kind, slug), or None for anything else."""
    if not target.startswith("/") or target.startswith("//"):
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    # Cached by target alone, so resolved in the target's own language, not the request's.
    with in_language_of(path):
        page = record_page(path)
    return page if isinstance(page, tuple) else None


def body_links(kind) -> Iterable[tuple[Any, str]]:
    """The links in the Markdown body of a kind's published records."""
    for obj in kind.model.objects.published().only("pk", "slug", "title", "body"):
        for target, _line in find_links(obj.body, 1):
            yield obj, target


def published_links() -> list[PageLink]:
    """Every link to a record's page on a published page."""
    found = []
    for kind in registry.kinds():
        for record, target in kind.links() if kind.links else body_links(kind):
            page = page_of(target)
            if page is not None:
                found.append(PageLink(record, target, page))
    return found


def page_key(obj) -> Page | None:
    kind = registry.for_model(type(obj))
    return (kind.name, obj.slug) if kind and kind.detail_view else None


def linking_to(records) -> list[PageLink]:
    """The links on published pages, other than `records`' own, to any of `records`."""
    pages = {page_key(obj) for obj in records} - {None}
    if not pages:
        return []
    own = {(type(obj), obj.pk) for obj in records}
    return [
        link
        for link in published_links()
        if link.page in pages and (type(link.record), link.record.pk) not in own
    ]


def published_pages(pages: Iterable[Page]) -> set[Page]:
    """Which of `pages` exist and are published, in one query."""
    wanted: dict[str, set[str]] = {}
    for kind, slug in pages:
        wanted.setdefault(kind, set()).add(slug)
    queries = [
        registry.get(kind)
        .model.objects.published()
        .filter(slug__in=slugs)
        .values_list(Value(kind, output_field=CharField()), "slug")
        .order_by()
        for kind, slugs in wanted.items()
    ]
    if not queries:
        return set()
    first, *rest = queries
    return set(first.union(*rest, all=True) if rest else first)


def dead_links() -> list[PageLink]:
    """Links on published pages to a record page that is unpublished or gone: to repair."""
    links = published_links()
    live = published_pages(link.page for link in links)
    return [link for link in links if link.page not in live]


ANCHOR_RE = re.compile(r"<a\b[^>]*?\bhref=\"(/[^\"]*)\"[^>]*>(.*?)</a>", re.DOTALL)


def drop_dead_links(html: str) -> str:
    """`html` with every link to an unpublished or missing record page made plain text."""
    found = {
        m.group(1): page_of(m.group(1).replace("&amp;", "&")) for m in ANCHOR_RE.finditer(html)
    }
    pages = {page for page in found.values() if page is not None}
    if not pages:
        return html
    live = published_pages(pages)
    if pages <= live:
        return html

    def replace(match):
        page = found[match.group(1)]
        return match.group(2) if page is not None and page not in live else match.group(0)

    return ANCHOR_RE.sub(replace, html)


class LiveLinksMiddleware:
    """Published pages never link to an unpublished page: such a link becomes its text.

    Runs inside the page cache, so a cached page is already clean; every publish,
    unpublish or delete changes the content version, and with it the cached pages."""

    SKIP = ("/admin/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(self.SKIP)
            or response.streaming
            or response.status_code != 200
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)
        cleaned = drop_dead_links(html)
        if cleaned != html:
            response.content = cleaned.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
