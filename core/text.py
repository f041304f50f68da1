from html import unescape

from django.utils.html import strip_tags


def plain_text(html: str) -> str:
    """Rendered HTML as one line of plain text."""
    return " ".join(unescape(strip_tags(html)).split())
