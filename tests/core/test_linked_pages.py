"""A page that published pages link to is not unpublished or deleted without a word, and
the public never gets a link to an unpublished page."""

import pytest
from django.test import Client

from core.linked import dead_links, linking_to
from faq.models import Question as QuickAnswer
from guides.models import Guide
from knm.models import Question
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

ANSWER = "quick answer “Do I need DigiD?”"


def test_unpublishing_a_linked_guide_lists_the_linking_pages_and_asks(editor_client):
    guide = Guide.objects.get(slug="get-digid")
    changelist = "/admin/guides/guide/"
    response = editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [guide.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Published pages link here" in html
    assert f"{ANSWER} links to <code>/guides/get-digid/</code>" in html
    assert Guide.objects.get(pk=guide.pk).published  # nothing happened yet

    response = editor_client.post(
        changelist,
        {"action": "unpublish", "_selected_action": [guide.pk], "confirm": "yes"},
        follow=True,
    )
    assert "1 unpublished." in response.content.decode()
    assert not Guide.objects.get(pk=guide.pk).published


def test_a_guide_nobody_links_to_is_unpublished_at_once(editor_client):
    guide = Guide.objects.get(slug="register-your-address")
    assert linking_to([guide]) == []
    response = editor_client.post(
        "/admin/guides/guide/", {"action": "unpublish", "_selected_action": [guide.pk]}, follow=True
    )
    assert "1 unpublished." in response.content.decode()


def test_unticking_published_in_the_form_asks_for_a_second_tick(editor_client):
    guide = Guide.objects.get(slug="get-digid")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "guide_form")
    data.pop("published")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["published"]
    assert message.startswith("Published pages link to this page: ")
    assert f"{ANSWER} (/guides/get-digid/)" in message
    assert (
        "KNM theme question “housing-01: What do you do in question 1?” (/guides/get-digid/)"
        in message
    )
    assert Guide.objects.get(pk=guide.pk).published
    data["confirm_unpublish"] = "on"
    assert editor_client.post(url, data).status_code == 302
    assert not Guide.objects.get(pk=guide.pk).published


def test_deleting_a_linked_guide_shows_the_linking_pages(editor_client):
    guide = Guide.objects.get(slug="get-digid")
    html = editor_client.get(f"/admin/guides/guide/{guide.pk}/delete/").content.decode()
    assert "Published pages link here" in html and ANSWER in html
    html = editor_client.post(
        "/admin/guides/guide/", {"action": "delete_selected", "_selected_action": [guide.pk]}
    ).content.decode()
    assert "Published pages link here" in html and ANSWER in html


def test_the_public_never_gets_a_link_to_an_unpublished_page(loaded):
    client = Client()
    assert 'href="/guides/get-digid/"' in client.get("/faq/").content.decode()
    Guide.objects.filter(slug="get-digid").update(published=False)
    from core.cache import bump_version

    bump_version()
    html = client.get("/faq/").content.decode()
    assert 'href="/guides/get-digid/"' not in html
    assert "Read the guide." in html  # the link's text stays, as plain text
    question = Question.objects.get(qid="housing-01")
    assert question.read_url == "/guides/get-digid/"


def test_admin_home_lists_links_to_unpublished_pages_for_repair(editor_client):
    assert dead_links() == []
    assert "Links to repair" not in editor_client.get("/admin/").content.decode()
    Guide.objects.filter(slug="get-digid").update(published=False)
    links = dead_links()
    assert {link.record._meta.model_name for link in links} >= {"question"}
    html = editor_client.get("/admin/").content.decode()
    answer = QuickAnswer.objects.get(slug="do-i-need-digid")
    assert "Links to repair" in html
    assert (
        f'<a href="/admin/faq/question/{answer.pk}/change/">{ANSWER}</a> links to '
        "<code>/guides/get-digid/</code>"
    ) in html


def test_a_failed_csrf_check_is_explained_in_plain_words(loaded):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>The form could not be sent</h1>" in html
    assert "Cookies are switched off" in html and "open for a long time" in html
    assert "CSRF" not in html
