"""Truth you can check: every amount and time limit points to a dated source."""

import datetime as dt

import pytest

from core import registry
from core.loader.sync import data_hash, dump
from guides.models import Citation, Guide
from tests.hub.test_loader import edit, problems_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "file,old,new,expected",
    [
        (
            "guides/get-digid.md",
            "Use the letter you receive within five working days [1].",
            "Use the letter you receive within five working days.",
            "guides/get-digid.md:20: 'five working days' is an amount or a time limit with no "
            "reference: add [n] after the claim",
        ),
        (
            "guides/get-digid.md",
            "Go to the DigiD website.",
            "Go to the DigiD website.\n\n- It costs €12.50 to apply.\n- Nothing else.",
            "guides/get-digid.md:18: '€12.50' is an amount or a time limit with no reference",
        ),
        (
            "guides/get-digid.md",
            "Use the letter you receive within five working days [1].",
            "Use the letter you receive within five working days [3].",
            "guides/get-digid.md:20: reference [3] points to no citation: this page has 1",
        ),
        (
            "guides/get-digid.md",
            "Go to the DigiD website.",
            "Go to the DigiD website (fee listed on digid.nl in 2026) [1].",
            "guides/get-digid.md:16: 'listed on digid.nl in 2026' reads as a check nobody recorded",
        ),
        (
            "guides/get-digid.md",
            "    checked: 2026-11-30\n",
            "",
            "guides/get-digid.md:7: missing required field 'citations[1].checked'",
        ),
        (
            "guides/register-your-address.md",
            "    page_date: 2026-06-01",
            "    page_date: June 2026",
            "guides/register-your-address.md:13: 'citations[1].page_date' must be a date",
        ),
        (
            "faq/do-i-need-digid.md",
            "Applying is free [1].",
            "You must renew it every 5 years.",
            "faq/do-i-need-digid.md:14: '5 years' is an amount or a time limit with no reference",
        ),
        (
            "faq/do-i-need-digid.md",
            "citations:\n  - source: digid\n    url: https://www.digid.nl/en/\n"
            "    note: Which websites you log in to with DigiD.\n    checked: 2026-11-30\n",
            "",
            "faq/do-i-need-digid.md:2: missing required field 'citations'",
        ),
    ],
)
def test_the_loader_refuses_claims_without_a_dated_reference(
    content_dir, capsys, file, old, new, expected
):
    edit(content_dir / file, old, new)
    problems, summary = problems_for(content_dir, capsys)
    assert any(expected in line for line in problems), problems
    assert "nothing was written" in summary


def test_a_referenced_paragraph_and_plain_prose_pass(load, content_dir):
    edit(
        content_dir / "guides/get-digid.md",
        "Go to the DigiD website.",
        "Go to the DigiD website. Since 2021 the app works too. The fee is €0 [1].\n\n"
        "```\nA code block may say 3 days.\n```",
    )
    assert "Content loaded." in load()


def test_the_guide_page_links_each_reference_to_its_dated_source(loaded, client):
    html = client.get("/guides/get-digid/").content.decode()
    # The number in the text jumps to the entry, and a screen reader hears the source's name.
    assert (
        '<sup class="ref"><a href="#ref-1"><span aria-hidden="true">[</span>'
        '<span class="visually-hidden">source </span>1'
        '<span class="visually-hidden">: DigiD</span><span aria-hidden="true">]</span></a></sup>'
    ) in html
    assert '<li id="ref-1">' in html
    assert 'Checked <time datetime="2026-11-30">30 November 2026</time>' in html

    html = client.get("/guides/register-your-address/").content.decode()
    assert (
        'Checked <time datetime="2026-11-30">30 November 2026</time>; '
        'page dated <time datetime="2026-06-01">1 June 2026</time>'
    ) in html
    assert '<li id="ref-2">' in html


def test_a_quick_answer_shows_its_source_and_when_it_was_checked(loaded, client):
    html = client.get("/faq/").content.decode()
    assert 'href="#do-i-need-digid-ref-1"' in html
    assert (
        '<li id="do-i-need-digid-ref-1"><span class="ref-num" aria-hidden="true">[1]</span> '
        '<a href="https://www.digid.nl/en/" rel="external">DigiD</a>: '
        "Which websites you log in to with DigiD."
    ) in html


def test_a_guide_whose_oldest_source_check_is_old_is_overdue(loaded, settings):
    settings.GUIDE_REVIEW_MONTHS = 6
    assert not Guide.objects.overdue_for_review().exists()  # reviewed and checked recently
    Citation.objects.filter(guide__slug="register-your-address", order=2).update(
        checked=dt.date(2025, 1, 1)
    )
    assert list(Guide.objects.overdue_for_review().values_list("slug", flat=True)) == [
        "register-your-address"
    ]


def test_editors_see_citations_oldest_check_first_with_the_guide_relying_on_each(
    loaded, admin_client
):
    Citation.objects.filter(guide__slug="register-your-address", order=2).update(
        checked=dt.date(2025, 1, 1)
    )
    html = admin_client.get("/admin/guides/citation/").content.decode()
    rows = html[html.index("result_list") :]
    assert rows.index("1 Jan 2025") < rows.index("30 Nov 2026")
    assert "How do you register your address?" in html
    html = admin_client.get("/admin/").content.decode()
    assert "1 guide" in html and "overdue" in html


def test_records_loaded_before_checked_dates_existed_load_without_a_conflict(load):
    """A database loaded by the previous loader has no checked dates and a hash of data
    without them; the next load fills them in instead of calling it an admin edit."""
    load()
    guide = Guide.objects.get(slug="get-digid")
    guide.citations.update(checked=None)
    guide.source_hash = data_hash(dump(registry.get("guides"), Guide.objects.get(pk=guide.pk)))
    guide.save(update_fields=["source_hash"])
    out = load()
    assert "guides   created    0  updated    1" in out
    assert guide.citations.get().checked == dt.date(2026, 11, 30)
