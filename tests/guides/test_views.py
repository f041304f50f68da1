import pytest

from tests.factories import make_guide, make_question, make_source, make_topic, relate

pytestmark = pytest.mark.django_db


def test_guide_page_shows_every_part_a_reader_needs(loaded, client):
    html = client.get("/guides/register-your-address/").content.decode()
    assert "<h1>How do you register your address?</h1>" in html
    assert "Registering at the town hall, step by step." in html
    assert "Full guide by section" in html
    # The contents link to each numbered section, in order.
    assert html.index('href="#make-an-appointment"') < html.index('href="#bring-your-documents"')
    assert '<span class="num">01</span> Make an appointment' in html
    assert '<span class="num">03</span> After the appointment' in html
    assert 'id="bring-your-documents"' in html
    # Sources and references, with the guide's note and the deep link.
    assert "Sources and references" in html
    assert "For the appointment and the documents." in html
    assert 'href="https://www.example-municipality.nl/register"' in html
    # FAQs, related guides with their reasons, breadcrumbs and the review date.
    assert "Do I need DigiD?" in html
    assert "Related guides and next steps" in html
    assert "The next step after registering." in html
    assert 'href="/topics/arrival/">First steps after arrival</a>' in html
    assert '<time datetime="2026-11-01">1 November 2026</time>' in html
    assert "<script>alert" not in html


def test_guide_page_offers_knm_practice(loaded, client):
    html = client.get("/guides/register-your-address/").content.decode()
    assert "Practise for the KNM exam" in html
    assert '<a class="button" href="/knm/">Start KNM practice</a>' in html


def test_guides_index_groups_guides_by_topic(loaded, client):
    html = client.get("/guides/").content.decode()
    assert "<h1>All guides</h1>" in html
    section = html[html.index('id="arrival-title"') :]
    assert "How do you register your address?" in section
    assert "How do you get DigiD?" in section


def test_an_unpublished_guide_is_a_404_and_not_listed(loaded, client):
    from guides.models import Guide

    Guide.objects.filter(slug="get-digid").update(published=False)
    assert client.get("/guides/get-digid/").status_code == 404
    assert "How do you get DigiD?" not in client.get("/guides/").content.decode()
    assert (
        "How do you get DigiD?" not in client.get("/guides/register-your-address/").content.decode()
    )


def _guide_site(count):
    topic = make_topic()
    sources = [make_source() for _ in range(3)]
    guides = [make_guide(topic, sources=sources) for _ in range(count)]
    for guide in guides:
        relate(guide, guides[0] if guide != guides[0] else guides[1])
        relate(guide, guides[-1] if guide != guides[-1] else guides[1])
        question = make_question(read_more=guide)
        question.guides.add(guide)
        question.topics.add(topic)
        guide.tags.add("one", "two")
    return topic, sources, guides


@pytest.mark.parametrize("count", [5, 50])
def test_pages_cost_the_same_few_queries_with_5_or_50_guides(
    client, django_assert_max_num_queries, count
):
    topic, sources, guides = _guide_site(count)
    # Each page: its own queries, plus one for the content version (the page cache's key).
    # A list of quick answers costs one more, for the sources each answer cites. A page
    # that links to records' pages costs one more, to leave out links to unpublished ones.
    # A paged list of guides (topic, source) costs two: the page's ids, sorted on an
    # index, then the rows of that page (core.paging.IdsFirst).
    limits = {
        "/": 5,
        "/topics/": 3,
        topic.get_absolute_url(): 9,
        "/guides/": 4,
        guides[2].get_absolute_url(): 12,
        "/sources/": 5,
        sources[0].get_absolute_url(): 8,
        "/faq/": 6,
        "/glossary/": 2,
        "/steps/": 4,
    }
    pages = list(limits)
    for page in pages:
        with django_assert_max_num_queries(limits[page]):
            response = client.get(page)
        assert response.status_code == 200, page
        # A repeat visit is served from the page cache: one query, for the version.
        with django_assert_max_num_queries(1):
            assert client.get(page)["X-Cache"] == "hit"
