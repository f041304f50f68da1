"""History that tells the truth: the loaded original can be restored, publishing is
recorded, revert brings back inlines, and a save that changed only the title changes only
the title (browsers send textareas with CRLF line endings)."""

import pytest
from django.core.management import call_command
from reversion.models import Version

from faq.models import Question as QuickAnswer
from guides.models import Guide
from knm.models import Question
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def as_browser_sends(data):
    """Textareas come back with CRLF line endings, as browsers submit them."""
    return {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}


def comments(obj):
    return [
        (v.revision.comment, v.revision.user.username if v.revision.user else None)
        for v in Version.objects.get_for_object(obj).order_by("pk")
    ]


def revert(client, admin_path, obj, version):
    url = f"/admin/{admin_path}/{obj.pk}/history/{version.pk}/"
    form_id = f"{obj._meta.model_name}_form"
    response = client.post(url, form_data(client.get(url).content.decode(), form_id))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_title_edit_from_a_browser_changes_the_title_alone(editor_client, content_dir, capsys):
    path = content_dir / "guides/get-digid.md"
    path.write_text(
        path.read_text().replace(
            "Go to the DigiD website.", "Go to the DigiD website.\nFill in the form."
        )
    )
    call_command("load_content", "--content-dir", str(content_dir))
    guide = Guide.objects.get(slug="get-digid")
    sections_before = list(guide.sections.values_list("body", flat=True))
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = as_browser_sends(form_data(editor_client.get(url).content.decode(), "guide_form"))
    data["title"] = "How do you apply for DigiD?"
    assert any("\r\n" in v for v in data.values() if isinstance(v, str))
    assert editor_client.post(url, data).status_code == 302
    guide.refresh_from_db()
    assert list(guide.sections.values_list("body", flat=True)) == sections_before
    assert comments(guide)[-1] == ("Changed Title.", "eva")
    with pytest.raises(Exception, match="edited in admin"):
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    assert capsys.readouterr().err.strip().endswith("(changed: title)")


def test_the_loaded_original_is_restored_from_history(editor_client, content_dir, capsys):
    guide = Guide.objects.get(slug="get-digid")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "guide_form")
    data["title"] = "A title edited in admin"
    data["sections-0-body"] = "Edited in admin."
    data["citations-0-note"] = "An edited note."
    assert editor_client.post(url, data).status_code == 302

    loaded = Version.objects.get_for_object(guide).order_by("pk").first()
    assert loaded.revision.comment.endswith("content/guides/get-digid.md")
    revert(editor_client, "guides/guide", guide, loaded)

    guide.refresh_from_db()
    assert guide.title == "How do you get DigiD?"
    assert guide.sections.get(number=1).body == "Go to the DigiD website."
    assert guide.citations.get().note == "For the application."
    # In step with content/ again: a load has nothing to overwrite and nothing to do.
    call_command("load_content", "--content-dir", str(content_dir))
    assert "Nothing changed." in capsys.readouterr().out


def test_revert_brings_back_a_quick_answers_citations(editor_client):
    answer = QuickAnswer.objects.get(slug="do-i-need-digid")
    url = f"/admin/faq/question/{answer.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["citations-0-note"] = "Changed in admin."
    assert editor_client.post(url, data).status_code == 302
    loaded = Version.objects.get_for_object(answer).order_by("pk").first()
    revert(editor_client, "faq/question", answer, loaded)
    assert answer.citations.get().note == "Which websites you log in to with DigiD."


def test_revert_brings_back_a_knm_questions_options(editor_client):
    question = Question.objects.get(qid="housing-01")
    url = f"/admin/knm/question/{question.pk}/change/"
    data = form_data(editor_client.get(url).content.decode(), "question_form")
    data["options-0-text_en"] = "Changed in admin."
    assert editor_client.post(url, data).status_code == 302
    loaded = Version.objects.get_for_object(question).order_by("pk").first()
    assert loaded.revision.comment.endswith("content/knm/housing.md")
    revert(editor_client, "knm/question", question, loaded)
    assert question.options.get(position=1).text_en == "Answer 1 to question 1."


def test_publish_unpublish_and_review_are_in_history_with_who(editor_client):
    guide = Guide.objects.get(slug="register-your-address")
    changelist = "/admin/guides/guide/"
    for action in ["unpublish", "publish", "mark_reviewed"]:
        editor_client.post(
            changelist, {"action": action, "_selected_action": [guide.pk], "confirm": "yes"}
        )
    assert comments(guide)[1:] == [
        ("Unpublished", "eva"),
        ("Published", "eva"),
        ("Marked as reviewed", "eva"),
    ]
    history = editor_client.get(f"{changelist}{guide.pk}/history/").content.decode()
    for comment in ["Unpublished", "Published", "Marked as reviewed", "Loaded from"]:
        assert comment in history


def test_a_load_records_only_the_records_it_changed(load, content_dir):
    load()
    assert Version.objects.count() > 0
    before = Version.objects.count()
    load()
    assert Version.objects.count() == before
    path = content_dir / "guides/get-digid.md"
    path.write_text(path.read_text().replace("How do you get DigiD?", "Getting DigiD"))
    load()
    guide = Guide.objects.get(slug="get-digid")
    assert [c for c, _user in comments(guide)] == [
        f"Loaded from {path}",
        f"Loaded from {path}",
    ]
    assert Version.objects.get_for_object(guide).first().field_dict["title"] == "Getting DigiD"
