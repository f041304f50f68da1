"""Links in Markdown bodies: finding them, and checking that each points somewhere real."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.urls import Resolver404, resolve

from .. import registry

if TYPE_CHECKING:
    from .read import ContentSet

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


def check_link(target: str, content: ContentSet) -> str | None:
    """Return what is wrong with a link target, or None if it is fine."""
    if target.startswith(("https://", "mailto:", "tel:", "#")):
        return None
    if target.startswith("http://"):
        return f"link '{target}' must use https://"
    if not target.startswith("/") or target.startswith("//"):
        return f"link '{target}' is not a full address: write links to this site as /guides/<slug>/"
    path = target.split("#", 1)[0].split("?", 1)[0]
    try:
        match = resolve(path)
    except Resolver404:
        return f"link '{target}' points to a page that does not exist"
    detail_views = {kind.detail_view: kind.name for kind in registry.kinds() if kind.detail_view}
    kind = detail_views.get(match.view_name)
    slug = match.kwargs.get("slug")
    if kind and slug not in content.of(kind):
        return f"link '{target}' points to a page that does not exist (no content/{kind}/{slug}.md)"
    return None
