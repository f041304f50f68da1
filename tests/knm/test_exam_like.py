"""KNM as hard as the real exam: shuffled options, documents, and the trainer's fixes."""

import datetime as dt

import pytest
from django.utils import timezone

from knm.models import Attempt, AttemptItem, Card, Option, Question
from knm.services import attempt_answer, attempt_start
from tests.hub.test_loader import edit, problems_for
from tests.knm.test_flows import answer, item, option, start

pytestmark = pytest.mark.django_db


def test_each_attempt_shows_the_options_in_its_own_order_and_scores_the_same(loaded, client):
    orders = set()
    for _ in range(12):
        attempt = start(client, theme="housing")
        first = item(attempt, 1)
        if first.question.qid == "housing-01":
            orders.add(first.option_order)
        orders |= {i.option_order for i in attempt.items.filter(question__qid="housing-01")}
    assert len(orders) >= 2  # 12 rounds all in one of six orders: about 1 in 160 million

    # The letters follow the order on screen, and the right option scores, whatever its place.
    attempt = start(client, theme="housing")
    entry = item(attempt, 1)
    shown = entry.shown_options()
    html = client.get(f"/knm/rounds/{attempt.pk}/1/").content.decode()
    assert html.index(f'value="{shown[0].pk}"') < html.index(f'value="{shown[1].pk}"')
    assert (
        f'<span class="letter" aria-hidden="true">A</span> <span lang="nl">{shown[0].text_nl}'
        in html
    )
    assert "correct" not in html.split('id="answer-form"')[1].split("</form>")[0].lower()
    answer(client, attempt, 1, correct=True)
    assert AttemptItem.objects.get(pk=entry.pk).correct is True
    feedback = client.get(f"/knm/rounds/{attempt.pk}/1/").content.decode()
    assert feedback.index(shown[0].text_nl) < feedback.index(shown[1].text_nl)


def test_a_document_question_shows_the_document_and_its_text_version(loaded, client):
    question = Question.objects.get(qid="housing-06")
    attempt = start(client, theme="housing")
    position = attempt.items.get(question=question).position
    html = client.get(f"/knm/rounds/{attempt.pk}/{position}/").content.decode()
    assert '<figure class="document document-bill"' in html
    assert "<td><strong>€ 42,00</strong></td>" in html
    assert "Read the document as plain text" in html
    assert "U krijgt 42 euro terug." in html


def test_the_loader_refuses_a_document_without_a_text_alternative(content_dir, capsys):
    edit(
        content_dir / "knm/housing.md",
        "      text: Een jaarafrekening van Energie Noord. Stroom kost 610 euro. U krijgt 42 euro terug.\n",
        "",
    )
    problems, _ = problems_for(content_dir, capsys)
    assert any(
        "knm/housing.md:" in p and "missing required field 'questions[6].document.text'" in p
        for p in problems
    ), problems


def test_the_same_answer_sent_twice_counts_once_and_is_not_an_error(loaded, client):
    attempt = start(client, theme="housing")
    chosen = option(attempt, 1, True).pk
    assert answer(client, attempt, 1, option_id=chosen).status_code == 302
    response = answer(client, attempt, 1, option_id=chosen)
    assert response.status_code == 302
    assert "Answer not accepted" not in client.get(response.url).content.decode()
    assert Card.objects.get(question=item(attempt, 1).question).times_right == 1


def test_an_exam_can_be_handed_in_early_after_confirming(loaded, client):
    attempt = start(client, mode="exam")
    answer(client, attempt, 1, correct=True)
    html = client.get(f"/knm/rounds/{attempt.pk}/2/").content.decode()
    assert f'href="/knm/rounds/{attempt.pk}/hand-in/">Hand in or leave the exam</a>' in html
    confirm = client.get(f"/knm/rounds/{attempt.pk}/hand-in/").content.decode()
    total = attempt.items.count()
    assert f"You answered 1 of {total} questions." in confirm
    assert Attempt.objects.get(pk=attempt.pk).finished is None  # asking is not handing in
    response = client.post(f"/knm/rounds/{attempt.pk}/hand-in/", follow=True)
    html = response.content.decode()
    assert f"Your result: 1 of {total} right" in html
    assert "You handed in the exam." in html


def test_a_rounds_mistakes_can_be_reviewed_at_once(loaded, client):
    attempt = start(client, theme="housing")
    answer(client, attempt, 1, correct=False)
    answer(client, attempt, 2, correct=False)
    for position in range(3, 7):
        answer(client, attempt, position, correct=True)
    missed = [item(attempt, 1).question, item(attempt, 2).question]
    # Not due yet: the review button says when they come back instead of "no mistakes".
    response = client.post("/knm/start/", {"mode": "review"}, follow=True)
    html = response.content.decode()
    assert "No missed question is due yet" in html and "The next one is ready at" in html
    result = client.get(f"/knm/rounds/{attempt.pk}/result/").content.decode()
    assert "Review these 2 mistakes now" in result
    response = client.post("/knm/start/", {"mode": "review", "from_round": str(attempt.pk)})
    review = Attempt.objects.order_by("-started").first()
    assert review.mode == "review" and response.url == review.get_absolute_url()
    assert [i.question for i in review.items.order_by("position")] == missed


def test_reviewing_the_mistakes_of_someone_elses_round_is_refused(loaded, client):
    attempt = start(client, theme="housing")
    for position in range(1, 7):
        answer(client, attempt, position, correct=False)
    client.cookies.clear()
    response = client.post(
        "/knm/start/", {"mode": "review", "from_round": str(attempt.pk)}, follow=True
    )
    assert "That round was not found." in response.content.decode()


def test_quick_rounds_at_once_do_not_count_as_mastered(loaded):
    """Four rounds opened at once and answered within a minute: nothing is mastered."""
    from knm.models import Learner
    from knm.progress import learner_progress

    learner = Learner.objects.create()
    now = timezone.now()
    rounds = [attempt_start(learner, "practice", now) for _ in range(4)]
    for n, attempt in enumerate(rounds):
        for entry in attempt.items.all():
            right = Option.objects.get(question=entry.question, is_correct=True)
            attempt_answer(attempt, entry.position, right.pk, now + dt.timedelta(seconds=n))
    assert sum(row.mastered for row in learner_progress(learner)) == 0


def test_in_an_exam_answers_can_change_questions_can_be_marked_and_revisited(loaded, client):
    attempt = start(client, mode="exam")
    first = item(attempt, 1)
    wrong, right = option(attempt, 1, False), option(attempt, 1, True)
    response = client.post(
        f"/knm/rounds/{attempt.pk}/1/", {"option": wrong.pk, "mark": "on", "go": "next"}
    )
    assert response.url == f"/knm/rounds/{attempt.pk}/2/"
    # Skip question 2 without answering, then go back from 3 to 2.
    assert client.post(f"/knm/rounds/{attempt.pk}/2/", {"go": "next"}).url.endswith("/3/")
    assert client.post(f"/knm/rounds/{attempt.pk}/3/", {"go": "previous"}).url.endswith("/2/")
    overview = client.get(f"/knm/rounds/{attempt.pk}/overview/").content.decode()
    assert "Your exam: 1 of 10 answered" in overview
    assert "You marked 1 question to come back to." in overview
    # Change the answer of question 1 and unmark it.
    client.post(f"/knm/rounds/{attempt.pk}/1/", {"option": right.pk, "go": "overview"})
    first.refresh_from_db()
    assert (first.chosen_id, first.correct, first.marked) == (right.pk, True, False)
    client.post(f"/knm/rounds/{attempt.pk}/hand-in/")
    html = client.get(f"/knm/rounds/{attempt.pk}/result/").content.decode()
    assert "Your result: 1 of 10 right" in html
    # After handing in, nothing can change.
    response = client.post(f"/knm/rounds/{attempt.pk}/1/", {"option": wrong.pk})
    assert response.status_code == 409
    assert "This exam is already handed in" in response.content.decode()
