import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_topics_key_points_collections_and_quick_answers(loaded, client):
    html = client.get("/").content.decode()
    assert html.count("<h1>") == 1
    assert "First steps after arrival" in html
    assert "<li>Register at your address first.</li>" in html
    assert "Registration and official start" in html
    assert "Register your address here." in html
    assert "Do I need DigiD?" in html
    assert "<title>" in html and 'name="description"' in html


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
    assert response.content == b"ok\n"


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
