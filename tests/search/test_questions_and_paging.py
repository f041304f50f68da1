"""Search that understands how people ask: question words, synonyms editors keep in
content/synonyms/, honest counts and pages."""

import pytest

from guides.models import Guide
from hub.search import search
from hub.search.stemming import stemmed_text
from hub.search.words import terms_of
from tests.factories import make_guide, make_topic
from tests.hub.test_loader import problems_for

pytestmark = pytest.mark.django_db


def urls(query):
    return [r.url for r in search(query).results]


def test_question_words_and_pronouns_do_not_have_to_match():
    assert terms_of("how long do I have for inburgering") == ["long", "inburgering"]
    assert terms_of("hoe lang duurt mijn inburgering") == ["lang", "inburgering"]
    assert terms_of("what is it") == ["what", "is", "it"]  # nothing else left: keep them


def test_a_question_finds_the_guide_its_words_are_about(loaded):
    assert urls("how do I get DigiD?")[0] == "/guides/get-digid/"
    assert urls("where do I register my address")[0] == "/guides/register-your-address/"


def test_when_all_words_match_too_little_pages_with_some_of_them_follow(loaded):
    # No page has both words; the DigiD guide has one of them.
    assert "/guides/get-digid/" in urls("digid saxophone")


def test_a_synonym_editors_keep_leads_to_its_guide(load, content_dir):
    (content_dir / "synonyms").mkdir()
    (content_dir / "synonyms/login.md").write_text(
        "---\ntitle: Logging in\nguide: get-digid\nwords:\n  - inloggen\n  - log in code\n---\n"
    )
    load()
    assert urls("inloggen")[0] == "/guides/get-digid/"
    assert urls("how do I get a log in code")[0] == "/guides/get-digid/"


def test_a_synonym_for_a_guide_that_does_not_exist_is_refused(content_dir, capsys):
    (content_dir / "synonyms").mkdir()
    (content_dir / "synonyms/login.md").write_text(
        "---\ntitle: Logging in\nguide: get-digi\nwords:\n  - inloggen\n---\n"
    )
    problems, _ = problems_for(content_dir, capsys)
    assert any(
        "synonyms/login.md:3: unknown guide 'get-digi': there is no content/guides/get-digi.md" in p
        for p in problems
    ), problems


@pytest.fixture
def many_guides(loaded):
    topic = make_topic()
    for n in range(45):
        make_guide(topic, title=f"Paperwork question {n:02d}?", summary="About paperwork.")
    from hub.search import rebuild

    rebuild()


def test_results_are_counted_honestly_and_paged(many_guides, client):
    html = client.get("/search/?q=paperwork").content.decode()
    assert "45 results for “paperwork”: 1 to 20, page 1 of 3" in html
    assert 'rel="next" href="?q=paperwork&amp;page=2"' in html
    assert 'rel="prev"' not in html
    html = client.get("/search/?q=paperwork&page=3").content.decode()
    assert "45 results for “paperwork”: 41 to 45, page 3 of 3" in html
    assert 'rel="prev" href="?q=paperwork&amp;page=2"' in html
    assert 'rel="next"' not in html
    assert '<ol class="results" start="41">' in html
    seen = set()
    for page in (1, 2, 3):
        html = client.get(f"/search/?q=paperwork&page={page}").content.decode()
        seen |= {n for n in range(45) if f"Paperwork question {n:02d}?" in html}
    assert seen == set(range(45))
    assert Guide.objects.count() >= 45
    # A page number that is not one gives the first or last page, never an error.
    assert client.get("/search/?q=paperwork&page=abc").status_code == 200
    assert "page 3 of 3" in client.get("/search/?q=paperwork&page=99").content.decode()


def test_an_over_long_query_gets_a_polite_message(loaded, client):
    response = client.get("/search/?q=" + "digid " * 500)
    assert response.status_code == 200
    assert "Your search was very long, so we used its first 200 characters." in (
        response.content.decode()
    )


def test_dutch_pages_are_searched_with_dutch_stemming(loaded):
    # "aanvragen" in the query finds "aanvraag" in the Dutch guide (Snowball: aanvrag).
    results = search("aanvragen", language="nl").results
    assert results and results[0].url == "/nl/guides/get-digid/"
    assert "<mark>aanvragen</mark>" in results[0].snippet
    assert all(r.url.startswith("/nl/") for r in results)
    english = search("aanvragen", language="en").results
    assert all(not r.url.startswith("/nl/") for r in english)


def test_a_dutch_separable_verb_is_indexed_and_searched_as_one_word():
    # "om in te burgeren" on a page is about "inburgeren", and so is the question.
    assert stemmed_text("Je hebt 3 jaar om in te burgeren.", "nl").split()[-1] == "inburger"
    assert stemmed_text("inburgeren inburgering", "nl") == "inburger inburger"
    assert stemmed_text("in te burgeren", "en") != stemmed_text("inburgeren", "en")
