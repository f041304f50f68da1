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
