"""Editors: who may do what in admin, drafts, freshness, history and revert."""

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone

from guides.models import Guide
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

STRONG = "correct-horse-battery-staple-42"


def make_editor(username="eva"):
    with mock.patch("getpass.getpass", side_effect=[STRONG, STRONG]):
        call_command("create_editor", username=username, email="eva@example.org")
    return User.objects.get(username=username)


@pytest.fixture
def editor_client(loaded, client):
    make_editor()
    assert client.login(username="eva", password=STRONG)
    return client


def test_create_editor_makes_a_staff_user_in_the_editors_group():
    user = make_editor()
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.has_perm("guides.change_guide") and user.has_perm("knm.change_question")
    assert not user.has_perm("auth.change_user") and not user.has_perm("auth.add_group")
    assert not user.has_perm("knm.view_learner")


def test_create_editor_refuses_weak_or_mismatched_passwords():
    with mock.patch(
        "getpass.getpass", side_effect=["password", "password", "abc", "abd", STRONG, "x"]
    ):
        with pytest.raises(CommandError, match="No valid password was given"):
            call_command("create_editor", username="weak", email="")
    assert not User.objects.filter(username="weak").exists()


def test_an_editor_may_change_content_but_not_users_or_groups(editor_client):
    assert editor_client.get("/admin/").status_code == 200
    assert editor_client.get("/admin/guides/guide/").status_code == 200
    assert editor_client.get("/admin/knm/question/").status_code == 200
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert editor_client.get("/admin/knm/learner/").status_code in (403, 404)
    assert editor_client.get("/admin/hub/feedback/").status_code == 200


def test_an_editor_fixes_a_guide_and_the_change_is_recorded_and_can_be_reverted(editor_client):
    guide = Guide.objects.get(slug="get-digid")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "guide_form")
    data["title"] = "How do you apply for DigiD?"
    data["sections-0-body"] = "Go to the DigiD website and fill in the form."
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide.refresh_from_db()
    assert guide.title == "How do you apply for DigiD?"
    assert "fill in the form" in guide.sections.get(number=1).body_html

    history = editor_client.get(f"/admin/guides/guide/{guide.pk}/history/").content.decode()
    assert "eva" in history and "Changed Title" in history

    from reversion.models import Version

    versions = Version.objects.get_for_object(guide)
    # The load recorded the state it wrote; the admin save records the state after it.
    loaded, edited = versions.order_by("pk")
    assert loaded.revision.comment.startswith("Loaded from ")
    assert loaded.revision.comment.endswith("content/guides/get-digid.md")
    assert edited.revision.comment == "Changed Title. Changed Body for section “01 Apply online”."
    # Revert: save once more, then go back to the first admin edit.
    data["title"] = "A mistaken title"
    editor_client.post(url, data)
    first = Version.objects.get_for_object(guide).order_by("pk")[1]
    revert_url = f"/admin/guides/guide/{guide.pk}/history/{first.pk}/"
    revert_form = form_data(editor_client.get(revert_url).content.decode(), "guide_form")
    assert editor_client.post(revert_url, revert_form).status_code == 302
    guide.refresh_from_db()
    assert guide.title == "How do you apply for DigiD?"


def test_a_draft_is_hidden_from_the_public_and_previewed_by_staff(editor_client, client):
    Guide.objects.filter(slug="get-digid").update(published=False)
    from django.test import Client

    assert Client().get("/guides/get-digid/").status_code == 404
    response = editor_client.get("/guides/get-digid/")
    assert response.status_code == 200
    assert "Draft preview." in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_publishing_is_one_action_in_the_list(editor_client):
    Guide.objects.filter(slug="get-digid").update(published=False)
    pk = Guide.objects.get(slug="get-digid").pk
    response = editor_client.post(
        "/admin/guides/guide/", {"action": "publish", "_selected_action": [pk]}, follow=True
    )
    assert "1 published." in response.content.decode()
    assert Guide.objects.get(pk=pk).published


def test_admin_index_counts_overdue_guides_and_links_to_them(editor_client, settings):
    settings.GUIDE_REVIEW_MONTHS = 6
    old = timezone.localdate() - dt.timedelta(days=400)
    Guide.objects.filter(slug="get-digid").update(reviewed=old)
    html = editor_client.get("/admin/").content.decode()
    assert "1 guide overdue for review" in html
    assert 'href="/admin/guides/guide/?review=overdue"' in html
    listing = editor_client.get("/admin/guides/guide/?review=overdue").content.decode()
    assert "How do you get DigiD?" in listing and "How do you register your address?" not in listing


def test_mark_as_reviewed_today_is_one_action(editor_client):
    pk = Guide.objects.get(slug="get-digid").pk
    editor_client.post(
        "/admin/guides/guide/", {"action": "mark_reviewed", "_selected_action": [pk]}
    )
    assert Guide.objects.get(pk=pk).reviewed == timezone.localdate()


def test_an_admin_edit_updates_search(editor_client):
    from hub.search import rebuild, search

    rebuild()
    guide = Guide.objects.get(slug="get-digid")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "guide_form")
    data["summary"] = "Applying for your login, step by step, with a zebracrossing."
    with mock.patch("django.db.transaction.on_commit", side_effect=lambda f, *a, **k: f()):
        editor_client.post(url, data)
    assert [r.url for r in search("zebracrossing").results] == ["/guides/get-digid/"]


def test_tag_pages_list_guides_and_answers(loaded, client):
    html = client.get("/guides/register-your-address/").content.decode()
    assert 'href="/tags/brp/">brp</a>' in html
    tag = client.get("/tags/brp/").content.decode()
    assert "How do you register your address?" in tag
    assert client.get("/tags/nothing/").status_code == 404


def test_the_guide_form_has_inlines_for_sections_citations_related_guides_and_faqs(editor_client):
    guide = Guide.objects.get(slug="get-digid")
    html = editor_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    for heading in [
        "Sections",
        "Citations",
        "Related guides",
        "Quick answers (faqs) on this guide",
    ]:
        assert heading.lower() in html.lower(), heading
    assert "Markdown: a blank line starts a new paragraph" in html
