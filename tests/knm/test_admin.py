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


def test_point_biserial_is_the_textbook_value():
    from knm.item_analysis import point_biserial

    # Right answers go with the higher scores: a clear positive correlation.
    pairs = [(True, 0.9), (True, 0.8), (False, 0.4), (False, 0.3), (True, 0.7), (False, 0.5)]
    assert point_biserial(pairs) == pytest.approx(0.9258, abs=1e-3)
    assert point_biserial([(True, 0.5), (True, 0.6)]) is None  # nobody got it wrong


def test_item_analysis_flags_questions_that_strong_learners_get_wrong(loaded, admin_client):
    """Forty exams over six housing questions: strong learners (high on the rest of the
    exam) get housing-01 right and housing-02 wrong."""
    questions = list(Question.objects.filter(theme__slug="housing").order_by("order"))
    now = timezone.now()
    for n in range(40):
        strength = n / 39  # 0 … 1
        attempt = Attempt.objects.create(
            learner=Learner.objects.create(),
            mode="exam",
            started=now,
            deadline=now,
            finished=now,
        )
        for position, question in enumerate(questions, start=1):
            if question.qid == "housing-01":
                right = strength > 0.5
            elif question.qid == "housing-02":
                right = strength <= 0.5
            else:
                right = (position + n) % 6 < 6 * strength
            option = (
                question.options.get(is_correct=True)
                if right
                else (question.options.filter(is_correct=False).first())
            )
            AttemptItem.objects.create(
                attempt=attempt,
                position=position,
                question=question,
                chosen=option,
                correct=right,
                answered=now,
            )
    html = admin_client.get("/admin/knm/question/item-analysis/").content.decode()
    rows = {row.split("</a>")[0].split(">")[-1]: row for row in html.split("<tr>")[2:]}
    assert "negative separation" in rows["housing-02"]
    assert "negative separation" not in rows["housing-01"]
    assert (
        'href="/admin/knm/question/item-analysis/"'
        in admin_client.get("/admin/knm/question/").content.decode()
    )
