import re
from html import unescape

# A tag of sanitised HTML (core.markdown's output: no comments, `<` in text escaped), with
# quoted attribute values that may hold ">". Django's strip_tags runs an HTML parser, which
# costs ten times as much; the search index strips every page's text on each load.
TAG_RE = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")


def plain_text(html: str) -> str:
    """Sanitised HTML (as core.markdown renders it) as one line of plain text."""
    return " ".join(unescape(TAG_RE.sub("", html)).split())


REFERENCE_MARK_RE = re.compile(r"\s?\[\d{1,3}\](?![(:\[])")


def without_reference_marks(text: str) -> str:
    """Text without its numbered references ("… is free [1].") for places that cannot link
    them: structured data, meta descriptions."""
    return REFERENCE_MARK_RE.sub("", text)


def normalise_text(value: str) -> str:
    """Text as the loader reads it from a file: LF line endings, no whitespace around it.

    Browsers submit a textarea with CRLF line endings; without this, saving a form that
    changed only a title would rewrite every text box."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()
