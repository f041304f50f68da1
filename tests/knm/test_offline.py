"""Offline practice on the server side: the bank a device downloads, and the answers it
sends back (once each, scored here, practice only, this learner only)."""

import datetime as dt
import json
import uuid

import pytest
from django.utils import timezone

from knm.models import Attempt, Card, Learner, OfflineAnswer, Question

pytestmark = pytest.mark.django_db

URL = "/knm/offline/answers/"


def upload(client, answers, **extra):
    extra.setdefault("HTTP_ORIGIN", "http://testserver")  # as fetch() sends from this site
    body = answers if isinstance(answers, str | bytes) else json.dumps({"answers": answers})
    return client.post(URL, body, content_type="application/json", **extra)


def sent(qid, option, answer_id=None, answered=None):
    return {
        "id": str(answer_id or uuid.uuid4()),
        "question": qid,
        "option": option,
        "answered": (answered or timezone.now() - dt.timedelta(minutes=5)).isoformat(),
    }


def correct_position(qid):
    return Question.objects.get(qid=qid).options.get(is_correct=True).position


def wrong_position(qid):
    return Question.objects.get(qid=qid).options.filter(is_correct=False).first().position


def answers_counted(learner=None):
    cards = Card.objects.filter(learner=learner) if learner else Card.objects.all()
    return sum(c.times_right + c.times_wrong for c in cards)


# ---- the page and the bank -------------------------------------------------------------


def test_the_offline_page_says_it_is_offline_practice_and_the_exam_needs_a_connection(
    loaded, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        response = client.get("/knm/offline/")
    html = response.content.decode()
    assert "<h1>Practise offline</h1>" in html
    assert "This is offline practice." in html
    assert "The timed practice exam needs a connection" in html
    assert "Offline practice needs JavaScript" in html  # <noscript>: the way to the online trainer
    assert "csrfmiddlewaretoken" not in html  # kept on the device for days: nothing to go stale
    assert "sessionid" not in response.cookies


def test_the_bank_holds_every_practice_question_with_answers_and_documents(
    loaded, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get("/knm/offline/bank.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    bank = response.json()
    assert [t["slug"] for t in bank["themes"]] == ["housing", "health-and-healthcare"]
    assert len(bank["questions"]) == 12 and bank["practice_length"] == 10
    first = next(q for q in bank["questions"] if q["id"] == "housing-01")
    assert first["question_nl"] == "Wat doet u bij vraag 1?"
    assert [(o["n"], o["correct"]) for o in first["options"]] == [(1, True), (2, False), (3, False)]
    assert "Answer 1 is right for question 1" in first["explanation_html"]
    assert first["read_url"] == "/guides/get-digid/" and first["read_external"] is False
    document = next(q for q in bank["questions"] if q["id"] == "housing-06")["document"]
    assert document["label"] == "Bill" and document["title"] == "Jaarafrekening energie"
    assert "<table>" in document["html"] and "42 euro terug" in document["text"]
    assert response["ETag"] == f'"{bank["version"]}"'


def test_a_device_with_the_current_bank_gets_a_304(loaded, client):
    etag = client.get("/knm/offline/bank.json")["ETag"]
    again = client.get("/knm/offline/bank.json", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    stale = client.get("/knm/offline/bank.json", HTTP_IF_NONE_MATCH='"0000"')
    assert stale.status_code == 200


def test_a_changed_bank_has_a_new_version_without_the_removed_question(
    loaded, client, content_dir, load
):
    before = client.get("/knm/offline/bank.json").json()
    path = content_dir / "knm" / "housing.md"
    text = path.read_text()
    start = text.index("  - id: housing-05")
    end = text.index("  - id: housing-06")
    path.write_text(text[:start] + text[end:])
    load()
    after = client.get("/knm/offline/bank.json", HTTP_IF_NONE_MATCH=f'"{before["version"]}"')
    assert after.status_code == 200
    bank = after.json()
    assert bank["version"] != before["version"]
    assert "housing-05" not in {q["id"] for q in bank["questions"]}
    assert len(bank["questions"]) == 11


def test_questions_of_an_unpublished_theme_are_not_in_the_bank(loaded, client):
    from knm.models import Theme

    Theme.objects.filter(slug="housing").update(published=False)
    from core.cache import bump_version

    bump_version()
    bank = client.get("/knm/offline/bank.json").json()
    assert {q["theme"] for q in bank["questions"]} == {"health-and-healthcare"}


# ---- answers sent back -----------------------------------------------------------------


def test_answers_given_offline_are_scored_here_and_feed_the_schedule_and_progress(
    loaded, client, django_assert_max_num_queries
):
    answers = [
        sent("housing-01", correct_position("housing-01")),
        sent("housing-02", wrong_position("housing-02")),
        sent("health-01", correct_position("health-01")),
    ]
    # The session, the learner, the ids, questions, options and cards, then four per answer
    # (a savepoint, the answer, the card, the savepoint's end).
    with django_assert_max_num_queries(9 + 4 * len(answers)):
        response = upload(client, answers)
    assert response.status_code == 200
    data = response.json()
    assert (data["recorded"], data["duplicate"], data["refused"]) == (3, 0, 0)
    assert set(data["results"].values()) == {"recorded"}
    learner = Learner.objects.get()
    cards = {c.question.qid: c for c in Card.objects.filter(learner=learner)}
    assert cards["housing-01"].times_right == 1 and cards["housing-02"].times_wrong == 1
    assert cards["housing-02"].box == 1  # a miss comes back soon for review
    assert Attempt.objects.count() == 0  # practice only: no round, no exam
    html = client.get("/knm/progress/").content.decode()
    assert "You have given 3 answers, 3 of them in offline practice." in html


def test_a_replayed_upload_is_refused_and_counts_nothing_twice(loaded, client):
    answers = [sent("housing-01", 1), sent("housing-02", 2)]
    assert upload(client, answers).status_code == 200
    replay = upload(client, answers)
    assert replay.status_code == 409
    assert replay.json()["error"] == "These answers were received before. Each answer counts once."
    assert set(replay.json()["results"].values()) == {"duplicate"}
    assert OfflineAnswer.objects.count() == 2 and answers_counted() == 2


def test_a_retry_with_one_new_answer_records_only_the_new_one(loaded, client):
    first = sent("housing-01", 1)
    upload(client, [first])
    response = upload(client, [first, sent("housing-03", 3)])
    assert response.status_code == 200
    assert (response.json()["recorded"], response.json()["duplicate"]) == (1, 1)
    assert answers_counted() == 2


def test_a_tampered_replay_cannot_change_an_answer(loaded, client):
    answer = sent("housing-01", wrong_position("housing-01"))
    upload(client, [answer])
    tampered = {**answer, "option": correct_position("housing-01")}
    response = upload(client, [tampered])
    assert response.status_code == 422
    assert response.json()["results"][answer["id"]] == (
        "refused: this answer id was already used for another answer"
    )
    card = Card.objects.get()
    assert (card.times_right, card.times_wrong) == (0, 1)
    assert OfflineAnswer.objects.get().correct is False


def test_another_browser_cannot_touch_a_learners_history(loaded, client, django_user_model):
    from django.test import Client

    answer = sent("housing-01", 1)
    upload(client, [answer])
    owner = Learner.objects.get()
    other = Client()
    response = upload(other, [answer])  # the same id, from another browser
    assert response.status_code == 422
    assert "already used" in response.json()["results"][answer["id"]]
    assert answers_counted(owner) == 1
    intruder = Learner.objects.exclude(pk=owner.pk).get()
    assert not Card.objects.filter(learner=intruder).exists()
    assert OfflineAnswer.objects.get().learner == owner


def test_the_client_cannot_say_an_answer_was_right(loaded, client):
    answer = {**sent("housing-01", wrong_position("housing-01")), "correct": True}
    response = upload(client, [answer])
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Answer 1 must have exactly: id, question, option, answered."
    )
    assert not Card.objects.exists()


def test_answers_to_removed_questions_or_options_are_refused_one_by_one(loaded, client):
    good = sent("housing-01", 1)
    gone = sent("housing-99", 1)
    no_such_option = sent("housing-02", 4)
    response = upload(client, [good, gone, no_such_option])
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[good["id"]] == "recorded"
    assert results[gone["id"]] == "refused: this question is no longer in the practice bank"
    assert results[no_such_option["id"]] == "refused: that option is not an answer to this question"
    only_bad = upload(client, [sent("housing-99", 1)])
    assert only_bad.status_code == 422
    assert only_bad.json()["error"] == "None of these answers could be recorded."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "The upload is not valid JSON."),
        ("[]", 'Send a JSON object with a non-empty list "answers".'),
        ('{"answers": []}', 'Send a JSON object with a non-empty list "answers".'),
        ('{"answers": "all"}', 'Send a JSON object with a non-empty list "answers".'),
        (
            '{"answers": [{"id": "x", "question": "housing-01", "option": 1, "answered": "2026-12-01T10:00:00Z"}]}',
            "Answer 1: the id is not a valid UUID.",
        ),
        (
            '{"answers": [{"id": "8d0d3c43-8f4e-4a3c-9d51-7d2a0b9c1e01", "question": "housing-01", "option": "1", "answered": "2026-12-01T10:00:00Z"}]}',
            "Answer 1: the option must be a whole number from 1 to 9.",
        ),
        (
            '{"answers": [{"id": "8d0d3c43-8f4e-4a3c-9d51-7d2a0b9c1e01", "question": "housing-01", "option": true, "answered": "2026-12-01T10:00:00Z"}]}',
            "Answer 1: the option must be a whole number from 1 to 9.",
        ),
        (
            '{"answers": [{"id": "8d0d3c43-8f4e-4a3c-9d51-7d2a0b9c1e01", "question": "housing-01", "option": 1, "answered": "2026-12-01 10:00"}]}',
            "Answer 1: the time must be an ISO 8601 date and time with a zone.",
        ),
        (
            '{"answers": [{"id": "8d0d3c43-8f4e-4a3c-9d51-7d2a0b9c1e01", "question": "", "option": 1, "answered": "2026-12-01T10:00:00Z"}]}',
            "Answer 1: the question id must be a short text.",
        ),
    ],
)
def test_malformed_uploads_are_refused_whole_with_a_reason(loaded, client, body, message):
    response = upload(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert not OfflineAnswer.objects.exists() and not Card.objects.exists()


def test_the_same_id_twice_in_one_upload_is_malformed(loaded, client):
    answer = sent("housing-01", 1)
    response = upload(client, [answer, {**answer, "question": "housing-02"}])
    assert response.status_code == 400
    assert response.json()["error"] == "The same answer id appears twice in this upload."
    assert not OfflineAnswer.objects.exists()


def test_too_many_answers_at_once_are_refused(loaded, client):
    response = upload(client, [sent("housing-01", 1) for _ in range(201)])
    assert response.status_code == 413
    assert response.json()["error"] == "Send at most 200 answers at a time."
    huge = upload(client, json.dumps({"answers": [sent("housing-01", 1)], "pad": "x" * 70000}))
    assert huge.status_code == 413


def test_uploads_from_other_sites_or_not_as_json_are_refused(loaded, client):
    answer = [sent("housing-01", 1)]
    cross = upload(client, answer, HTTP_ORIGIN="https://evil.example")
    assert cross.status_code == 403
    assert cross.json()["error"] == "Answers can only be sent from this website."
    no_origin = client.post(URL, json.dumps({"answers": answer}), content_type="application/json")
    assert no_origin.status_code == 403
    form = client.post(URL, {"answers": "x"}, HTTP_ORIGIN="http://testserver")
    assert form.status_code == 415
    assert client.get(URL).status_code == 405
    assert not OfflineAnswer.objects.exists()


def test_a_device_clock_in_the_future_never_schedules_ahead(loaded, client):
    future = timezone.now() + dt.timedelta(days=3)
    response = upload(client, [sent("housing-01", correct_position("housing-01"), answered=future)])
    assert response.status_code == 200
    card = Card.objects.get()
    assert card.last_answered <= timezone.now()
    assert OfflineAnswer.objects.get().answered <= timezone.now()


def test_an_old_offline_answer_never_moves_a_card_back_in_time(loaded, client):
    """Answered online today, the same question answered offline yesterday arrives later:
    the card keeps today's time."""
    upload(client, [sent("housing-01", 1, answered=timezone.now() - dt.timedelta(minutes=1))])
    before = Card.objects.get().last_answered
    upload(client, [sent("housing-01", 2, answered=timezone.now() - dt.timedelta(days=1))])
    card = Card.objects.get()
    assert card.last_answered >= before and (card.times_right, card.times_wrong) == (1, 1)
