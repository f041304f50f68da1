import re
from html import unescape

from django.utils.html import strip_tags


def plain_text(html: str) -> str:
    """Rendered HTML as one line of plain text."""
    return " ".join(unescape(strip_tags(html)).split())


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
