"""Markdown to sanitised HTML, done once when a record is saved or loaded."""

import functools
import re
import threading
from contextlib import contextmanager

import markdown as md
import nh3
from markdown.extensions.smarty import SmartyExtension
from markdown.treeprocessors import InlineProcessor

from . import workers

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "td": {"align"},
    "th": {"align"},
}

# Text in which none of smarty's patterns can match: no quote, no "--", no "...".
SMARTY_CHARS_RE = re.compile(r"""['"]|--|\.\.\.""")


class QuickSmartyInline(InlineProcessor):
    """Smarty's pass over the text (curly quotes, dashes, ellipses), skipping the texts none
    of its patterns can match. Python-Markdown tries each of its 17 patterns on every piece
    of text, which made smarty half the cost of rendering; the output is the same."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not SMARTY_CHARS_RE.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


class QuickSmartyExtension(SmartyExtension):
    def extendMarkdown(self, md):  # noqa: N802
        super().extendMarkdown(md)
        quick = QuickSmartyInline(md)
        quick.inlinePatterns = self.inlinePatterns
        md.treeprocessors.register(quick, "smarty", 6)


def extensions() -> list:
    return ["extra", "sane_lists", QuickSmartyExtension()]


def render_markdown(text: str) -> str:
    """Render Markdown and strip everything that is not plain, safe document markup.

    Scripts, iframes, event handlers, styles and `javascript:` URLs never survive.
    """
    if not text or not text.strip():
        return ""
    return _sanitiser().clean(_converter().reset().convert(text))


@functools.cache
def _sanitiser() -> nh3.Cleaner:
    """Built once: nh3.clean() builds its rules again on every call (a third of its cost)."""
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel=None,
    )


_local = threading.local()


def _converter() -> md.Markdown:
    """One Markdown converter per thread, reset between texts: building one (its
    extensions) costs more than converting a guide's section, and a load converts thousands."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = md.Markdown(extensions=extensions(), output_format="html")
    return converter


# Below this many texts, starting worker processes costs more than it saves.
PARALLEL_FROM = 400


def render_many(texts: list[str]) -> list[str]:
    """`render_markdown` for many texts, spread over the machine's cores when there are many
    (a load of 5,000 guides renders 25,000 sections). Inside `rendering_ahead`, texts
    rendered ahead are taken from there."""
    if _ahead is not None:
        return _ahead.html(texts)
    with workers.mapping(len(texts), PARALLEL_FROM) as map_:
        return list(map_(render_markdown, texts))


class _Ahead:
    """Texts being rendered in worker processes, in order, while the caller goes on."""

    def __init__(self, texts: list[str]):
        self.done: dict[str, str] = {}
        unique = list(dict.fromkeys(texts))
        self.pool = workers.pool()
        chunk = max(20, len(unique) // (workers.cores() * 16))  # small: the first come first
        self.coming = zip(
            unique, self.pool.imap(render_markdown, unique, chunksize=chunk), strict=True
        )

    def html(self, texts: list[str]) -> list[str]:
        """The texts' HTML, waiting for those still being rendered; any text that was not
        asked for ahead is rendered here."""
        missing = set(texts) - self.done.keys()
        for text, html in self.coming:
            self.done[text] = html
            missing.discard(text)
            if not missing:
                break
        return [self.done[t] if t in self.done else render_markdown(t) for t in texts]

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


_ahead: _Ahead | None = None


@contextmanager
def rendering_ahead(texts: list[str]):
    """Render `texts` in worker processes while the block runs, for `render_many` inside it
    to take: a load's Markdown renders on the other cores while it writes rows. Worth it
    only for many texts (below PARALLEL_FROM, or on one core, this does nothing)."""
    global _ahead
    if _ahead is not None or len(texts) < PARALLEL_FROM or workers.cores() < 2:
        yield
        return
    _ahead = _Ahead(texts)
    try:
        yield
    finally:
        _ahead.close()
        _ahead = None
