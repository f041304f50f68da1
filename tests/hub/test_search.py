"""Search on the database's own full-text engine (FTS5 on SQLite, tsvector on PostgreSQL).
The same tests run on both: `make test` and `make test-postgres`."""

import pytest

from hub.search import search

pytestmark = pytest.mark.django_db


def urls(query):
    return [r.url for r in search(query).results]


def test_titles_rank_above_bodies(loaded):
    assert urls("DigiD")[0] == "/guides/get-digid/"


def test_abbreviations_dutch_names_and_english_meanings_find_the_same_guide(loaded):
    assert urls("BRP")[0] == "/guides/register-your-address/"
    assert urls("Basisregistratie Personen")[0] == "/guides/register-your-address/"
    assert urls("gemeentehuis")[0] == "/guides/register-your-address/"
    assert urls("digital id")[0] == "/guides/get-digid/"


def test_a_glossary_match_is_shown_as_a_definition(loaded):
    outcome = search("brp")
    assert [t.slug for t in outcome.terms] == ["brp"]


def test_all_kinds_of_page_are_found(loaded):
    kinds = {r.kind for r in search("DigiD").results}
    assert {"guide", "faq", "source", "topic"} <= kinds


def test_words_match_by_stem_and_prefix(loaded):
    assert "/guides/register-your-address/" in urls("registering")
    assert "/guides/register-your-address/" in urls("appoint")


def test_a_small_typo_is_corrected_when_nothing_matches(loaded):
    outcome = search("appointmnet")
    assert outcome.corrected == "appointment"
    assert outcome.results[0].url == "/guides/register-your-address/"


def test_snippets_mark_the_matched_words_and_escape_the_rest(loaded):
    result = search("passport").results[0]
    assert "<mark>passport</mark>" in result.snippet


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "a" * 5000,
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"',
        "NEAR(",
        "a*b",
        "DigiD\x00 OR",
        "***",
        "–",
    ],
)
def test_any_input_gets_a_page_never_an_error(loaded, client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_search_page_shows_results_with_marked_snippets(loaded, client):
    html = client.get("/search/", {"q": "DigiD"}).content.decode()
    assert (
        '<h2 class="result-title"><a href="/guides/get-digid/">How do you get DigiD?</a></h2>'
        in html
    )
    assert "<mark>" in html
    assert 'name="robots" content="noindex"' in html
    assert 'value="DigiD"' in html


def test_no_results_page_helps(loaded, client):
    html = client.get("/search/", {"q": "zzqqxx"}).content.decode()
    assert "Nothing found for “zzqqxx”" in html
    assert 'href="/glossary/">glossary</a>' in html


def test_empty_search_page_explains_what_to_type(loaded, client):
    html = client.get("/search/").content.decode()
    assert "You can type an abbreviation from a letter" in html


def test_every_page_has_a_search_box(loaded, client):
    for url in ["/", "/guides/get-digid/", "/knm/", "/glossary/"]:
        assert 'role="search"' in client.get(url).content.decode(), url


def test_search_as_you_type_returns_a_few_pages_as_json(loaded, client):
    data = client.get("/search/suggest/", {"q": "DigiD"}).json()
    assert data["results"][0] == {"title": "DigiD", "url": "/glossary/digid/", "kind": "Glossary"}
    assert {"title": "How do you get DigiD?", "url": "/guides/get-digid/", "kind": "Guide"} in data[
        "results"
    ]
    assert len(data["results"]) <= 6
    assert client.get("/search/suggest/", {"q": "d"}).json() == {"results": []}
