"""Plain text from rendered Markdown: what the search index and meta descriptions read."""

from html import unescape

from django.utils.html import strip_tags

from core.markdown import render_markdown
from core.text import plain_text


def test_tags_go_and_entities_are_read():
    html = render_markdown(
        'Ask the **IND** [about it](https://ind.nl/ "fees > 0") & wait.\n\n- one\n- two'
    )
    assert plain_text(html) == "Ask the IND about it & wait. one two"


def test_a_greater_than_sign_inside_an_attribute_does_not_end_the_tag():
    assert plain_text('<a href="/x" title="a > b">link</a> text') == "link text"


def test_same_text_as_djangos_strip_tags_on_rendered_markdown():
    text = (
        "## Costs\n\nThe exam costs *money* [1]. See <https://duo.nl/>.\n\n"
        '| a | b |\n|---|---|\n| 1 < 2 | "quoted" |\n\n1. first\n2. second\'s'
    )
    html = render_markdown(text)
    assert plain_text(html) == " ".join(unescape(strip_tags(html)).split())


def test_the_quick_smarty_pass_gives_what_smarty_gives():
    """Every content file and some hard cases render exactly as with the smarty extension
    itself: the quick pass only skips texts none of its patterns can match."""
    from pathlib import Path

    import markdown

    from core.markdown import extensions

    texts = [p.read_text() for p in sorted(Path("content").rglob("*.md"))]
    texts += [
        "It's 'quoted' and \"double\" -- an en dash --- an em dash ... dots",
        "''",
        "He said, \"'Quoted' words in a larger quote.\"",
        "The '80s, `code 'x' -- y` and **'bold'** _\"it\"_ [l'ink](/x 'title')",
        "a -- b\n\n    code -- 'q'\n\nno marks at all here",
    ]
    smarty = markdown.Markdown(extensions=["extra", "sane_lists", "smarty"])
    quick = markdown.Markdown(extensions=extensions())
    assert len(texts) > 500
    for text in texts:
        assert quick.reset().convert(text) == smarty.reset().convert(text), text[:80]
    assert "&rsquo;" in quick.reset().convert("It's") and "&ndash;" in quick.convert("a -- b")
