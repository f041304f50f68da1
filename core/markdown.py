"""Markdown to sanitised HTML, done once when a record is saved or loaded."""

import markdown as md
import nh3

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
EXTENSIONS = ["extra", "sane_lists", "smarty"]


def render_markdown(text: str) -> str:
    """Render Markdown and strip everything that is not plain, safe document markup.

    Scripts, iframes, event handlers, styles and `javascript:` URLs never survive.
    """
    if not text or not text.strip():
        return ""
    html = md.markdown(text, extensions=EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel=None,
    )
