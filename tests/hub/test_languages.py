"""The site in two languages: English at the site's own addresses, Dutch under /nl/ (issue
#14). The interface is translated here; the content's own Dutch is the content layer's."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from knm.models import Attempt
from tests.routecheck.conftest import add_check

# One page of every public type, in the tiny fixture content (the English address).
PAGES = [
    "/",
    "/topics/",
    "/topics/arrival/",
    "/guides/",
    "/guides/register-your-address/",
    "/sources/",
    "/sources/town-hall/",
    "/faq/",
    "/glossary/",
    "/glossary/brp/",
    "/steps/",
    "/search/",
    "/search/?q=digid",
    "/tags/brp/",
    "/knm/",
    "/knm/themes/housing/",
    "/knm/progress/",
    "/knm/offline/",
    "/knm/continue/",
    "/check/",
    "/check/questions/",
    "/offline/",
]


def dutch(url):
    return "/nl" + url


def html_of(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_has_a_dutch_twin_with_a_dutch_interface(loaded, client, url):
    html = html_of(client, dutch(url))
    assert '<html lang="nl" dir="ltr">' in html
    assert ">Ga direct naar de inhoud</a>" in html  # the skip link
    assert ">Onderwerpen</a>" in html and ">Stappenplan</a>" in html  # nav and footer
    assert "legt inburgering in Nederland uit in duidelijke taal" in html  # the footer
    assert "Skip to main content" not in html and ">Topics</a>" not in html


@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_stays_english_at_its_own_address(loaded, client, url):
    html = html_of(client, url)
    assert '<html lang="en" dir="ltr">' in html
    assert ">Skip to main content</a>" in html and ">Topics</a>" in html


def test_an_address_without_a_prefix_is_english_whatever_the_browser_asks(loaded, client):
    html = html_of(client, "/guides/", **{"Accept-Language": "nl-NL,nl;q=0.9"})
    assert '<html lang="en"' in html and ">All guides</h1>" in html
    response = client.get("/", headers={"Accept-Language": "nl"})
    assert response.status_code == 200  # no redirect to /nl/
    assert client.get("/nl/guides/").content.decode().count(">Alle uitleg</h1>") == 1


@pytest.mark.parametrize("url", ["/", "/guides/register-your-address/", "/knm/themes/housing/"])
def test_the_switch_leads_to_the_same_page_in_the_other_language(loaded, client, url):
    english = html_of(client, url)
    switch = re.search(r'<p class="language-switch"><a href="([^"]+)"([^>]*)>([^<]+)</a>', english)
    assert switch.group(1) == dutch(url)
    assert 'lang="nl"' in switch.group(2) and 'hreflang="nl"' in switch.group(2)
    assert switch.group(3) == "Nederlands"
    back = re.search(
        r'<p class="language-switch"><a href="([^"]+)"([^>]*)>([^<]+)</a>',
        html_of(client, dutch(url)),
    )
    assert back.group(1) == url and 'hreflang="en"' in back.group(2) and back.group(3) == "English"


def test_the_switch_carries_nothing_personal_from_the_address(loaded, client):
    html = html_of(client, "/search/?q=my+own+letter")
    assert 'href="/nl/search/"' in html and 'my+own+letter" hreflang' not in html
    assert 'hreflang="nl" href="http://testserver/nl/search/"' in html


@pytest.mark.parametrize("url", ["/", "/topics/arrival/", "/faq/", "/knm/"])
def test_every_page_names_its_twins_with_absolute_hreflang_links(loaded, client, url):
    for address in (url, dutch(url)):
        html = html_of(client, address)
        assert f'<link rel="alternate" hreflang="en" href="http://testserver{url}">' in html
        assert f'<link rel="alternate" hreflang="nl" href="http://testserver{dutch(url)}">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{url}">' in html


def test_the_switch_and_hreflang_cost_no_queries(loaded, client, django_assert_max_num_queries):
    client.get("/nl/topics/")  # warm
    with django_assert_max_num_queries(1):  # the content version only: a cached page
        client.get("/nl/topics/")


def test_the_sitemap_lists_both_languages_with_alternates(loaded, client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/guides/register-your-address/</loc>" in xml
    assert "<loc>http://testserver/nl/guides/register-your-address/</loc>" in xml
    assert 'hreflang="nl" href="http://testserver/nl/guides/register-your-address/"' in xml
    assert 'hreflang="x-default" href="http://testserver/guides/register-your-address/"' in xml
    assert "<loc>http://testserver/nl/</loc>" in xml


def test_admin_and_the_files_for_machines_stay_at_the_root(loaded, client, admin_client):
    assert client.get("/nl/admin/").status_code == 404
    assert admin_client.get("/admin/").status_code == 200
    assert '<html lang="en"' in admin_client.get("/admin/").content.decode()
    for url in ("/robots.txt", "/sitemap.xml", "/sw.js", "/manifest.webmanifest", "/healthz"):
        assert client.get(url).status_code == 200, url
        assert client.get(dutch(url)).status_code == 404, url


def test_the_page_cache_keeps_the_languages_apart(loaded, client):
    assert ">All guides</h1>" in html_of(client, "/guides/")
    assert ">Alle uitleg</h1>" in html_of(client, "/nl/guides/")
    assert ">All guides</h1>" in html_of(client, "/guides/")
    assert client.get("/nl/guides/")["X-Cache"] == "hit"


def test_dutch_knm_pages_are_never_cached_like_english_ones(loaded, client):
    assert "X-Cache" not in client.get("/nl/knm/")


def test_a_missing_page_says_so_in_its_language(loaded, client):
    response = client.get("/nl/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="nl"' in html and "We konden deze pagina niet vinden" in html
    assert "We could not find this page" in client.get("/no-such-page/").content.decode()


def test_the_500_page_is_in_the_language_of_the_address_without_the_database(rf):
    from django.db import connection

    from hub.views import server_error

    def refuse(*args, **kwargs):
        raise AssertionError("the 500 page asked the database")

    with connection.execute_wrapper(refuse):
        html = server_error(rf.get("/nl/guides/")).content.decode()
        english = server_error(rf.get("/guides/")).content.decode()
    assert '<html lang="nl"' in html and "Er ging bij ons iets mis" in html
    assert '<html lang="en"' in english and "Something went wrong on our side" in english


def test_dates_are_written_in_the_language_of_the_page(loaded, client):
    html = html_of(client, "/nl/guides/register-your-address/")
    english = html_of(client, "/guides/register-your-address/")
    months_en = re.findall(r"Last reviewed: <time[^>]*>\d+ (\w+) \d{4}", english)
    months_nl = re.findall(r"Laatst gecontroleerd: <time[^>]*>\d+ (\w+) \d{4}", html)
    assert months_en and months_nl
    assert months_nl[0] != months_en[0] and months_nl[0].islower()


def start_practice(client, prefix):
    client.post(f"{prefix}/knm/start/", {"mode": "practice", "theme": "housing"})
    attempt = Attempt.objects.order_by("-started").first()
    return client.get(f"{prefix}/knm/rounds/{attempt.pk}/1/").content.decode()


def test_the_knm_trainer_hides_the_english_help_by_default_on_dutch_pages(loaded, client):
    html = start_practice(client, "/nl")
    assert '<html lang="nl"' in html and "Controleer mijn antwoord" in html
    assert 'class="option-en"' not in html  # no English next to the options
    start = html.index('<details class="translation">')
    details = html[start : html.index("</details>", start)]
    assert '<details class="translation" open' not in html  # closed until opened
    assert "Show in English" in details and 'class="options-en"' in details  # but there


def test_the_knm_trainer_keeps_its_english_help_on_english_pages(loaded, client):
    html = start_practice(client, "")
    assert 'class="option-en"' in html and 'class="options-en"' not in html
    assert "Check my answer" in html


def test_the_offline_trainer_gets_its_words_in_the_page_language(loaded, client):
    html = html_of(client, "/nl/knm/offline/")
    data = html[html.index('<script id="offline-strings" type="application/json">') :]
    assert '"english_inline": false' in data and "Controleer mijn antwoord" in data
    assert '"english_inline": true' in html_of(client, "/knm/offline/")


def test_the_route_check_asks_and_explains_errors_in_dutch(db, content_dir, load, client):
    add_check(content_dir)
    load()
    html = client.get("/nl/check/questions/?step=nationality").content.decode()
    assert '<html lang="nl"' in html and "Kies een van de antwoorden." in html
    assert "Er is een probleem" in html and ">Verder</button>" in html


def test_the_catalogue_check_passes():
    root = Path(settings.BASE_DIR)
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "check_catalogue.py")],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_robots_keeps_the_dutch_rounds_and_search_out_too(db, client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /knm/rounds/\n" in text and "Disallow: /nl/knm/rounds/\n" in text
    assert "Disallow: /search/\n" in text and "Disallow: /nl/search/\n" in text


def test_no_response_varies_by_accept_language(loaded, client):
    """The language is in the address; a shared cache needs no copy per Accept-Language."""
    for url in ("/knm/", "/nl/knm/", "/guides/", "/nl/guides/", "/check/", "/nl/check/"):
        response = client.get(url)
        assert "accept-language" not in response.get("Vary", "").lower(), url
