import pytest

pytestmark = pytest.mark.django_db


def test_home_offers_the_tasks_then_compact_topics_and_quick_answers(loaded, client):
    html = client.get("/").content.decode()
    assert html.count("<h1>") == 1
    for task in [
        "Do I have to integrate, and by when?",
        "First steps after arrival",
        "Practise for the KNM exam",
        "Search",
    ]:
        assert f"<strong>{task}</strong>" in html, task
    assert html.index('class="tasks"') < html.index('id="topics-title"')
    assert '<a href="/topics/arrival/"><strong>First steps after arrival</strong>' in html
    assert "Do I need DigiD?" in html
    assert "<title>" in html and 'name="description"' in html
    # The source directory lives on /sources/ now, grouped by topic.
    assert "Register your address here." not in html
    sources = client.get("/sources/").content.decode()
    assert "Registration and official start" in sources
    assert "Register your address here." in sources


def test_a_no_opens_a_short_question_about_what_was_missing(loaded, client):
    from hub.models import Feedback

    response = client.post(
        "/feedback/",
        {"page": "/guides/get-digid/", "useful": "no"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.url == "/feedback/more/"
    page = client.get("/feedback/more/").content.decode()
    assert "What was missing or unclear?" in page
    response = client.post("/feedback/more/", {"comment": "How long does it take?"}, follow=True)
    assert response.redirect_chain[-1][0] == "/guides/get-digid/#feedback"
    assert "Thank you for your feedback." in response.content.decode()
    assert Feedback.objects.get().comment == "How long does it take?"
    # The answer can be completed once, by the browser that gave it.
    assert client.get("/feedback/more/").url == "/"


def test_unknown_page_is_a_helpful_404_in_the_site_style(loaded, client):
    response = client.get("/guides/register-your-adress/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find this page" in html
    assert "Did you mean one of these guides?" in html
    assert 'href="/guides/register-your-address/"' in html
    assert 'href="/topics/">Browse the topics</a>' in html
    assert 'class="site-header"' in html


def test_server_error_page_shows_no_details(client, settings):
    from hub.views import server_error

    response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html


def test_healthz_reports_the_database(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["database"] == "ok"


def test_every_page_has_one_h1_a_title_a_description_and_breadcrumbs(loaded, client):
    for url in [
        "/topics/",
        "/topics/arrival/",
        "/guides/",
        "/guides/get-digid/",
        "/sources/",
        "/sources/digid/",
        "/faq/",
    ]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<title>" in html and '<meta name="description" content="' in html, url
        assert 'aria-label="Breadcrumb"' in html, url
