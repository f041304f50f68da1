import pytest

pytestmark = pytest.mark.django_db


def test_topic_page_shows_summary_key_points_guides_collections_and_answers(loaded, client):
    html = client.get("/topics/arrival/").content.decode()
    assert "<h1>First steps after arrival</h1>" in html
    assert "What to arrange in your first weeks." in html
    assert "<li>Then get DigiD.</li>" in html
    assert "How do you get DigiD?" in html
    assert "Registration and official start" in html
    assert "Your government login." in html
    assert "Do I need DigiD?" in html
    assert '<nav class="breadcrumbs wrap" aria-label="Breadcrumb">' in html


def test_a_topic_lists_guides_it_shares_after_its_own(loaded, client):
    html = client.get("/topics/exams/").content.decode()
    assert "How do you register your address?" in html


def test_topics_index_lists_topics_in_order(loaded, client):
    html = client.get("/topics/").content.decode()
    assert html.index("First steps after arrival") < html.index("Exams and obligations")


def test_unknown_topic_is_a_helpful_404(loaded, client):
    response = client.get("/topics/nothing-here/")
    assert response.status_code == 404
    assert "We could not find this page" in response.content.decode()


def test_a_big_topic_shows_its_guides_a_page_at_a_time(db, client):
    from tests.factories import make_guide, make_question, make_topic

    topic = make_topic()
    guides = [make_guide(topic, order=n) for n in range(1, 46)]
    for _ in range(6):
        make_question().topics.add(topic)
    first = client.get(topic.get_absolute_url()).content.decode()
    assert "45 guides: 1 to 10" in first
    assert guides[0].title in first and guides[9].title in first
    assert guides[10].title not in first
    assert '<nav class="pager" aria-label="Pages of guides on this topic">' in first
    assert 'rel="next" href="?page=2#guides-title">Next 10<' in first and 'rel="prev"' not in first
    assert '<span aria-current="page">Page 1 of 5</span>' in first
    assert first.count('<details class="question"') == 5
    assert 'href="/faq/#faq-' + topic.slug + '"' in first
    fourth = client.get(topic.get_absolute_url() + "?page=4").content.decode()
    assert 'rel="next" href="?page=5#guides-title">Next 5<' in fourth
    last = client.get(topic.get_absolute_url() + "?page=5").content.decode()
    assert "45 guides: 41 to 45" in last and guides[44].title in last
    assert guides[0].title not in last
    assert (
        'rel="prev" href="?page=4#guides-title">Previous 10<' in last and 'rel="next"' not in last
    )
    second = client.get(topic.get_absolute_url() + "?page=2").content.decode()
    assert f'rel="prev" href="{topic.get_absolute_url()}#guides-title"' in second


def test_a_few_guides_more_than_a_page_stay_on_one_page(db, client):
    """Fourteen guides are one page, not ten and a second page of four."""
    from tests.factories import make_guide, make_topic

    fourteen, fifteen = make_topic(slug="fourteen"), make_topic(slug="fifteen")
    guides = [make_guide(fourteen, order=n) for n in range(1, 15)]
    html = client.get(fourteen.get_absolute_url()).content.decode()
    assert all(g.title in html for g in guides) and 'class="pager"' not in html
    for n in range(1, 16):
        make_guide(fifteen, order=n)
    html = client.get(fifteen.get_absolute_url()).content.decode()
    assert "15 guides: 1 to 10" in html and ">Next 5<" in html


def test_a_small_topic_has_no_pager_and_no_link_to_more_answers(loaded, client):
    html = client.get("/topics/arrival/").content.decode()
    assert 'class="pager"' not in html and "All quick answers on" not in html
