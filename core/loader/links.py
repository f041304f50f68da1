"""Links in Markdown bodies: finding them, and checking that each points somewhere real."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.urls import Resolver404, resolve

from .. import registry

# Inline links `[text](target "title")` and reference definitions `[id]: target`.
INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")


def find_links(body: str, first_line: int):
    """(target, file line) for every link in a Markdown body, outside code fences."""
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        for match in INLINE_LINK_RE.finditer(line):
            yield match.group(1), first_line + offset
        match = REFERENCE_LINK_RE.match(line)
        if match:
            yield match.group(1), first_line + offset


def check_link(target: str, exists: Callable[[str, str], bool]) -> str | None:
    """Return what is wrong with a link target, or None if it is fine.

    The one rule for links, used by the loader and by admin alike: addresses elsewhere use
    https:// (`//host/…` is elsewhere too), links to this site are paths that resolve, and
    a path to a record's page needs that record: `exists(kind, slug)` says whether it does.
    """
    if target.startswith(("https://", "mailto:", "tel:", "#")):
        return None
    if target.startswith("http://"):
        return f"link '{target}' must use https://"
    if target.startswith("//"):
        return (
            f"link '{target}' points to another site without saying how: write it as https:{target}"
        )
    if not target.startswith("/"):
        return (
            f"link '{target}' is not allowed: link to other sites with https://… and to "
            "this site with a path such as /guides/<slug>/"
        )
    path = target.split("#", 1)[0].split("?", 1)[0]
    page = record_page(path)
    if page is None:
        return f"link '{target}' points to a page that does not exist"
    if page is not True and not exists(*page):
        kind, slug = page
        return f"link '{target}' points to a page that does not exist (no content/{kind}/{slug}.md)"
    return None


def record_page(path: str) -> tuple[str, str] | bool | None:
    """What a site path shows: (kind, slug) for a record's page, True for another page of
    the site, None for no page at all."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    detail_views = {kind.detail_view: kind.name for kind in registry.kinds() if kind.detail_view}
    kind = detail_views.get(match.view_name)
    slug = match.kwargs.get("slug")
    if kind and slug:
        return kind, slug
    return True
