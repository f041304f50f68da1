"""Spaced repetition: a missed question comes back soon, a known one later and later."""

import datetime as dt

import pytest

from knm.models import Card
from knm.services import BOX_INTERVALS, card_schedule

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def card(box):
    return Card(box=box, due=NOW, last_answered=NOW)


def test_a_missed_question_goes_back_to_box_one_and_returns_in_minutes():
    c = card_schedule(card(4), correct=False, now=NOW)
    assert c.box == 1
    assert c.due - NOW == dt.timedelta(minutes=10)
    assert c.times_wrong == 1


def test_each_right_answer_on_time_moves_up_a_box_and_waits_longer():
    c = card(0)
    waits, now = [], NOW
    for _ in range(6):
        card_schedule(c, correct=True, now=now)
        waits.append(c.due - now)
        now = c.due
    assert waits == sorted(waits) and len(set(waits)) == 6
    assert waits[0] == BOX_INTERVALS[1] and waits[-1] == BOX_INTERVALS[6]
    assert c.times_right == 6


def test_a_right_answer_before_the_question_is_due_moves_nothing_up():
    c = card_schedule(card(0), correct=True, now=NOW)
    due = c.due
    card_schedule(c, correct=True, now=NOW + dt.timedelta(minutes=1))
    assert c.box == 1 and c.due == due and c.times_right == 2


def test_mastered_means_right_twice_in_a_row_a_day_or_more_apart():
    minute, day = dt.timedelta(minutes=1), dt.timedelta(days=1)
    # Four rounds at once, answered within a minute: wrong, right, right, right.
    c = card(0)
    for n, correct in enumerate([False, True, True, True]):
        card_schedule(c, correct=correct, now=NOW + n * minute)
    assert not c.mastered
    card_schedule(c, correct=True, now=NOW + 3 * minute + day)
    assert c.mastered
    card_schedule(c, correct=False, now=NOW + 2 * day)
    assert not c.mastered
    # Right, then wrong, then right a day after the first: not twice in a row.
    c = card(0)
    card_schedule(c, correct=True, now=NOW)
    card_schedule(c, correct=False, now=NOW + minute)
    card_schedule(c, correct=True, now=NOW + day)
    assert not c.mastered


def test_the_top_box_is_the_ceiling():
    c = card(6)
    card_schedule(c, correct=True, now=NOW)
    assert c.box == 6 and c.due - NOW == dt.timedelta(days=35)


@pytest.mark.django_db
def test_practice_asks_due_questions_before_new_ones(loaded, settings):
    from knm.models import Learner, Question
    from knm.services import attempt_start

    learner = Learner.objects.create()
    questions = list(Question.objects.filter(theme__slug="housing"))
    from django.utils import timezone

    now = timezone.now()
    due = questions[0]
    Card.objects.create(
        learner=learner,
        question=due,
        box=1,
        due=now - dt.timedelta(minutes=1),
        last_answered=now,
        times_wrong=1,
    )
    for q in questions[1:]:
        Card.objects.create(
            learner=learner,
            question=q,
            box=5,
            due=now + dt.timedelta(days=10),
            last_answered=now,
            times_right=4,
        )
    settings.KNM_PRACTICE_LENGTH = 1
    attempt = attempt_start(learner, "practice", now)
    assert [i.question for i in attempt.items.all()] == [due]
