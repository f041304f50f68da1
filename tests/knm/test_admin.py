import pytest
from django.utils import timezone

from knm.models import Attempt, AttemptItem, Learner, Question

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(loaded):
    """housing-01 answered by three learners: one right, two wrong."""
    question = Question.objects.get(qid="housing-01")
    right = question.options.get(is_correct=True)
    wrong = question.options.filter(is_correct=False).first()
    now = timezone.now()
    for chosen in (right, wrong, wrong):
        attempt = Attempt.objects.create(
            learner=Learner.objects.create(), mode="practice", started=now
        )
        AttemptItem.objects.create(
            attempt=attempt,
            position=1,
            question=question,
            chosen=chosen,
            correct=chosen.is_correct,
            answered=now,
        )
    return question


def test_admin_shows_how_often_each_question_is_answered_right(answered, admin_client):
    html = admin_client.get("/admin/knm/question/").content.decode()
    assert "33% of 3" in html
    low = admin_client.get("/admin/knm/question/?rate=low").content.decode()
    assert "housing-01" in low and "housing-02" not in low


def test_admin_filters_by_theme_and_difficulty_and_edits_options_inline(answered, admin_client):
    html = admin_client.get(
        f"/admin/knm/question/?theme__id__exact={answered.theme_id}&difficulty=medium"
    ).content.decode()
    assert "housing-01" in html and "health-" not in html
    change = admin_client.get(f"/admin/knm/question/{answered.pk}/change/").content.decode()
    assert "Antwoord 1 bij vraag 1." in change and 'name="options-0-is_correct"' in change
