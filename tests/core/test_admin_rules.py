"""One set of rules: admin refuses every value the loader refuses, with the loader's own
message on the field, and accepts what the loader accepts."""

import pytest

from core.loader import read_content
from faq.models import Question as QuickAnswer
from guides.models import Guide
from knm.models import Question
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

REFUSED_LINKS = [
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "//evil.example/x",
    "http://example.org/",
    "/guides/does-not-exist/",
    "/no-such-page/",
    "guides/get-digid/",
    "vbscript:msgbox(1)",
]
# In Markdown a link ends at the first ")", so the Markdown cases leave out the brackets.
MARKDOWN_REFUSED = [target.replace("(1)", "") for target in REFUSED_LINKS]
ACCEPTED_LINKS = [
    "https://www.digid.nl/",
    "/guides/register-your-address/",
    "/guides/register-your-address/#step-1",
    "/topics/arrival/",
    "/faq/",
    "mailto:help@example.org",
    "#apply-online",
]


def loader_messages(content_dir, path, old, new):
    file = content_dir / path
    file.write_text(file.read_text().replace(old, new, 1))
    _content, problems = read_content(content_dir)
    return [p.message for p in problems]


def errors_on(response, field):
    form = response.context["adminform"].form
    return list(form.errors.get(field, []))


def inline_errors(response, prefix):
    for formset in response.context["inline_admin_formsets"]:
        if formset.formset.prefix == prefix:
            return [
                e for form in formset.formset.forms for errs in form.errors.values() for e in errs
            ]
    raise AssertionError(prefix)


def guide_form(client):
    guide = Guide.objects.get(slug="get-digid")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    return url, form_data(client.get(url).content.decode(), "guide_form")


@pytest.mark.parametrize("target", MARKDOWN_REFUSED)
def test_a_link_the_loader_refuses_is_refused_in_a_guide_with_the_loaders_message(
    editor_client, content_dir, target
):
    expected = loader_messages(
        content_dir, "guides/get-digid.md", "Go to the DigiD website.", f"Go to [DigiD]({target})."
    )
    assert len(expected) == 1 and f"'{target}'" in expected[0]
    url, data = guide_form(editor_client)
    data["body"] = f"Read [this]({target}) first."
    data["sections-0-body"] = f"Go to [DigiD]({target})."
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert errors_on(response, "body") == expected
    assert inline_errors(response, "sections") == expected
    assert Guide.objects.get(slug="get-digid").body == ""


@pytest.mark.parametrize("target", ACCEPTED_LINKS)
def test_a_link_the_loader_accepts_is_accepted_in_a_guide(editor_client, content_dir, target):
    assert (
        loader_messages(
            content_dir,
            "guides/get-digid.md",
            "Go to the DigiD website.",
            f"Go to [DigiD]({target}).",
        )
        == []
    )
    url, data = guide_form(editor_client)
    data["sections-0-body"] = f"Go to [DigiD]({target})."
    assert editor_client.post(url, data).status_code == 302


@pytest.mark.parametrize("target", REFUSED_LINKS)
def test_a_knm_read_link_the_loader_refuses_is_refused(editor_client, content_dir, target):
    expected = loader_messages(
        content_dir, "knm/housing.md", "read: /guides/get-digid/", f"read: '{target}'"
    )
    assert len(expected) == 1 and f"'{target}'" in expected[0]
    question = Question.objects.get(qid="housing-01")
    url = f"/admin/knm/question/{question.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["read_url"] = target
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert errors_on(response, "read_url") == expected
    assert Question.objects.get(qid="housing-01").read_url == "/guides/get-digid/"


@pytest.mark.parametrize("target", MARKDOWN_REFUSED[:4])
def test_a_quick_answer_refuses_the_same_links(editor_client, content_dir, target):
    answer = QuickAnswer.objects.get(slug="do-i-need-digid")
    url = f"/admin/faq/question/{answer.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["body"] = f"Yes [1]. See [this]({target})."
    response = editor_client.post(url, data)
    assert response.status_code == 200
    [message] = errors_on(response, "body")
    assert f"link '{target}'" in message


def test_admin_keeps_the_loaders_slug_required_and_reference_rules(editor_client, content_dir):
    url, data = guide_form(editor_client)
    data["slug"] = "Get_DigiD"
    data["summary"] = ""
    data["sections-1-body"] = "It costs €15 to apply."
    data["citations-0-checked"] = ""
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert errors_on(response, "slug") == [
        "'slug' must be a slug (lowercase letters, digits, hyphens), got 'Get_DigiD'"
    ]
    assert errors_on(response, "summary") == ["missing required field 'summary'"]
    assert inline_errors(response, "sections") == [
        "'€15' is an amount or a time limit with no reference: add [n] after the claim, "
        "where n is the number of the citation that states it"
    ]
    assert inline_errors(response, "citations") == ["missing required field 'checked'"]


def test_a_reference_to_a_citation_that_is_not_there_is_refused(editor_client):
    url, data = guide_form(editor_client)
    data["sections-0-body"] = "Go to the DigiD website [2]."
    response = editor_client.post(url, data)
    assert inline_errors(response, "sections") == [
        "reference [2] points to no citation: this page has 1 (number them from [1], in the "
        "order of 'citations')"
    ]


def test_a_knm_question_needs_exactly_one_correct_option(editor_client):
    question = Question.objects.get(qid="housing-01")
    url = f"/admin/knm/question/{question.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["options-1-is_correct"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == [
        "a question must have exactly one correct option, it has 2"
    ]


def test_a_knm_situation_needs_its_translation_as_in_the_loader(editor_client):
    question = Question.objects.get(qid="housing-01")
    url = f"/admin/knm/question/{question.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["situation_en"] = ""
    response = editor_client.post(url, data)
    assert errors_on(response, "situation_nl") == [
        "question 'housing-01' is missing its translation 'situation_en'"
    ]


def test_a_glossary_term_keeps_the_loaders_unique_title(editor_client):
    from glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="brp")
    other = GlossaryTerm.objects.exclude(pk=term.pk).first()
    url = f"/admin/glossary/glossaryterm/{term.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "glossaryterm_form")
    data["title"] = other.title.upper()
    response = editor_client.post(url, data)
    assert errors_on(response, "title") == [
        f"duplicate glossary term '{other.title.upper()}' (also in “{other}”)"
    ]
