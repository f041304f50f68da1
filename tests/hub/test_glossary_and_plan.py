import pytest

from glossary.marking import Term, mark_terms

pytestmark = pytest.mark.django_db

TERMS = [
    Term("MVV", "/glossary/mvv/", "machtiging tot voorlopig verblijf"),
    Term("zorgtoeslag", "/glossary/zorgtoeslag/", "healthcare allowance"),
]


def test_only_the_first_use_of_a_term_is_marked_across_the_guide():
    first, second = mark_terms(
        ["<p>You need an MVV. The MVV is a visa.</p>", "<p>MVV again.</p>"], TERMS
    )
    assert first == (
        '<p>You need an <a class="term" href="/glossary/mvv/"><abbr title="machtiging tot voorlopig '
        'verblijf">MVV</abbr></a>. The MVV is a visa.</p>'
    )
    assert second == "<p>MVV again.</p>"


def test_terms_inside_links_headings_and_code_are_left_alone():
    html = '<h3>About the MVV</h3><p><a href="/x/">MVV rules</a> and <code>MVV</code>.</p><p>An MVV.</p>'
    (marked,) = mark_terms([html], TERMS)
    assert marked.startswith(
        '<h3>About the MVV</h3><p><a href="/x/">MVV rules</a> and <code>MVV</code>.</p>'
    )
    assert marked.endswith(
        '<p>An <a class="term" href="/glossary/mvv/"><abbr title="machtiging tot voorlopig verblijf">MVV</abbr></a>.</p>'
    )


def test_whole_words_only_and_lowercase_words_match_any_case():
    (marked,) = mark_terms(["<p>MVVs, pre-MVV and Zorgtoeslag.</p>"], TERMS)
    assert "MVVs, pre-MVV" in marked
    assert '<abbr title="healthcare allowance">Zorgtoeslag</abbr>' in marked


def test_guide_page_marks_glossary_terms_and_shows_its_place_in_the_plan(loaded, client):
    html = client.get("/guides/register-your-address/").content.decode()
    assert (
        '<a class="term" href="/glossary/town-hall/"><abbr title="the municipality&#x27;s office">town hall</abbr></a>'
        in html
    )
    assert html.count('href="/glossary/town-hall/"') == 1
    assert "Step 1 of 2 in the" in html
    assert 'Next step: <a href="/steps/#online">Getting online</a>' in html
    assert "Previous step" not in html
    second = client.get("/guides/get-digid/").content.decode()
    assert 'Previous step: <a href="/steps/#arrival">Arrival and registration</a>' in second


def test_glossary_lists_terms_a_to_z_and_each_term_has_a_page(loaded, client):
    html = client.get("/glossary/").content.decode()
    assert html.index('id="letter-B"') < html.index('id="letter-D"') < html.index('id="letter-T"')
    assert "Personal Records Database" in html and "(Basisregistratie Personen)" in html
    term = client.get("/glossary/digid/").content.decode()
    assert '<h1 lang="nl">DigiD</h1>' in term
    assert "your login for Dutch government websites" in term
    assert 'href="/guides/get-digid/">Read the guide: How do you get DigiD?</a>' in term
    assert client.get("/glossary/nothing/").status_code == 404


def test_the_plan_shows_steps_in_order_with_their_guides(loaded, client):
    html = client.get("/steps/").content.decode()
    assert html.index("Step 1</span> Arrival and registration") < html.index(
        "Step 2</span> Getting online"
    )
    assert "<li>Register your address.</li>" in html
    assert html.index("How do you register your address?") < html.index("How do you get DigiD?")


def test_steps_can_be_renumbered(load, content_dir):
    load()
    (content_dir / "steps/arrival.md").write_text(
        (content_dir / "steps/arrival.md").read_text().replace("order: 1", "order: 2")
    )
    (content_dir / "steps/online.md").write_text(
        (content_dir / "steps/online.md").read_text().replace("order: 2", "order: 1")
    )
    load()
    from steps.models import Step

    assert list(Step.objects.values_list("slug", "order")) == [("online", 1), ("arrival", 2)]
