"""The trainer's logic: scheduling, starting rounds and answering (scores and progress:
progress.py).

Views call these functions; nothing here knows about HTTP. Every function that takes the
time takes it as `now`, so tests can move the clock.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import published_q

from .models import Attempt, AttemptItem, Card, Learner, Option, Question, Theme

# Leitner boxes: how long until a question comes back, by the box it is in after an answer.
# A missed question goes to box 1 and comes back within minutes; each right answer moves it
# up a box, and it comes back later each time.
BOX_INTERVALS = {
    1: dt.timedelta(minutes=10),
    2: dt.timedelta(days=1),
    3: dt.timedelta(days=3),
    4: dt.timedelta(days=7),
    5: dt.timedelta(days=16),
    6: dt.timedelta(days=35),
}
TOP_BOX = max(BOX_INTERVALS)
# A question is mastered when it is answered right twice in a row, a day or more apart.
MASTERY_GAP = dt.timedelta(days=1)


class AnswerRefused(Exception):
    """An answer that cannot be accepted; `message` says why in plain words."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


# ---- scheduling ------------------------------------------------------------------------


def card_schedule(card: Card, correct: bool, now: dt.datetime) -> Card:
    """Move a card after an answer: missed → box 1, soon; right when it was due → one box
    up, later. A right answer before the card is due (the same question in two rounds at
    once) counts, but moves nothing up: only spaced answers show that it stuck."""
    if correct:
        if card.previous_right is not None and now - card.previous_right >= MASTERY_GAP:
            card.mastered = True
        card.previous_right = now
        if card.box == 0 or now >= card.due:
            card.box = min(card.box + 1, TOP_BOX)
            card.due = now + BOX_INTERVALS[card.box]
        card.times_right += 1
    else:
        card.box = 1
        card.due = now + BOX_INTERVALS[1]
        card.previous_right = None
        card.mastered = False
        card.times_wrong += 1
    card.last_answered = now
    return card


def card_record(learner: Learner, question: Question, correct: bool, now: dt.datetime) -> Card:
    card = Card.objects.filter(learner=learner, question=question).first()
    if card is None:
        card = Card(learner=learner, question=question, box=0, due=now, last_answered=now)
    card_schedule(card, correct, now)
    card.save()
    return card


# ---- starting a round ------------------------------------------------------------------


def _practice_questions(
    learner: Learner, theme: Theme | None, now: dt.datetime, count: int
) -> list[int]:
    """Due questions first, then ones never seen, then those due soonest; in random order."""
    pool = Question.objects.in_published_themes()
    if theme is not None:
        pool = pool.filter(theme=theme)
    ids = list(pool.values_list("pk", flat=True))
    cards = dict(
        Card.objects.filter(learner=learner, question_id__in=ids).values_list("question_id", "due")
    )
    rng = random.Random()
    rng.shuffle(ids)
    never = dt.datetime.max.replace(tzinfo=dt.UTC)

    def priority(pk):
        due = cards.get(pk)
        if due is None:
            return (1, never)
        return (0, due) if due <= now else (2, due)

    chosen = sorted(ids, key=priority)[:count]
    rng.shuffle(chosen)
    return chosen


def _review_questions(learner: Learner, now: dt.datetime, count: int) -> list[int]:
    """Questions answered wrong at some time and due again, the longest-due first."""
    return list(
        Card.objects.due_for_review(learner, now)
        .order_by("due")
        .values_list("question_id", flat=True)[:count]
    )


def _exam_questions(per_theme: int) -> list[int]:
    rng = random.Random()
    chosen = []
    by_theme = defaultdict(list)
    for pk, theme_id in Question.objects.in_published_themes().values_list("pk", "theme_id"):
        by_theme[theme_id].append(pk)
    for pks in by_theme.values():
        chosen += rng.sample(pks, min(per_theme, len(pks)))
    rng.shuffle(chosen)
    return chosen


def exam_size() -> int:
    """How many questions a practice exam has: a fixed number from each published theme."""
    return settings.KNM_EXAM_QUESTIONS_PER_THEME * Theme.objects.published().count()


def review_due_count(learner: Learner | None, now: dt.datetime) -> int:
    if learner is None:
        return 0
    return Card.objects.due_for_review(learner, now).count()


def review_next_due(learner: Learner | None, now: dt.datetime) -> dt.datetime | None:
    """When the next missed question comes back for review, if none is due now."""
    if learner is None:
        return None
    later = dt.datetime.max.replace(tzinfo=dt.UTC)
    return (
        Card.objects.due_for_review(learner, later)
        .filter(due__gt=now)
        .order_by("due")
        .values_list("due", flat=True)
        .first()
    )


def _round_mistakes(source: Attempt) -> list[int]:
    """The questions a finished round got wrong or left open, in the round's order."""
    return list(
        source.items.exclude(correct=True)
        .filter(published_q("question__theme"))
        .order_by("position")
        .values_list("question_id", flat=True)
    )


@transaction.atomic
def attempt_start(
    learner: Learner,
    mode: str,
    now: dt.datetime,
    theme: Theme | None = None,
    source: Attempt | None = None,
) -> Attempt | None:
    """Create a round and its questions. Returns None when there is nothing to ask. A
    review with a `source` round asks that round's mistakes at once."""
    if mode == Attempt.Mode.REVIEW and source is not None:
        question_ids = _round_mistakes(source)
        deadline = None
        theme = None
    elif mode == Attempt.Mode.EXAM:
        question_ids = _exam_questions(settings.KNM_EXAM_QUESTIONS_PER_THEME)
        deadline = now + dt.timedelta(minutes=settings.KNM_EXAM_MINUTES)
        theme = None
    elif mode == Attempt.Mode.REVIEW:
        question_ids = _review_questions(learner, now, settings.KNM_PRACTICE_LENGTH)
        deadline = None
        theme = None
    else:
        question_ids = _practice_questions(learner, theme, now, settings.KNM_PRACTICE_LENGTH)
        deadline = None
    if not question_ids:
        return None
    attempt = Attempt.objects.create(
        learner=learner, mode=mode, theme=theme, started=now, deadline=deadline
    )
    orders = _shuffled_option_orders(question_ids)
    AttemptItem.objects.bulk_create(
        AttemptItem(attempt=attempt, position=n, question_id=pk, option_order=orders[pk])
        for n, pk in enumerate(question_ids, 1)
    )
    return attempt


def _shuffled_option_orders(question_ids: list[int]) -> dict[int, str]:
    """For each question, its option ids in a fresh random order for this attempt."""
    options: dict[int, list[int]] = defaultdict(list)
    for question_id, pk in Option.objects.filter(question_id__in=question_ids).values_list(
        "question_id", "pk"
    ):
        options[question_id].append(pk)
    rng = random.Random()
    orders = {}
    for question_id in question_ids:
        pks = options[question_id]
        rng.shuffle(pks)
        orders[question_id] = ",".join(map(str, pks))
    return orders


# ---- answering -------------------------------------------------------------------------


@transaction.atomic
def attempt_finish(attempt: Attempt, now: dt.datetime) -> None:
    """End a round. An exam's answers count for spaced repetition only now, once final."""
    if attempt.finished is not None:
        return
    attempt.finished = min(now, attempt.deadline) if attempt.deadline else now
    if not Attempt.objects.filter(pk=attempt.pk, finished__isnull=True).update(
        finished=attempt.finished
    ):
        return  # finished by another request at the same moment
    if attempt.mode == Attempt.Mode.EXAM:
        for item in attempt.items.filter(answered__isnull=False).select_related(
            "question", "attempt__learner"
        ):
            card_record(item.attempt.learner, item.question, bool(item.correct), item.answered)


def exam_answer(
    attempt: Attempt, position: int, option_id, marked: bool, now: dt.datetime
) -> AttemptItem:
    """In an exam an answer can be given, changed or left open, and a question marked to
    come back to, until the exam is handed in or the time is up. Nothing is scored before."""
    attempt = Attempt.objects.get(pk=attempt.pk)
    if attempt.finished is not None:
        raise AnswerRefused(_("This exam is already handed in, so answers cannot change."), 409)
    if attempt_close_if_expired(attempt, now):
        raise AnswerRefused(
            _("The time for this exam is up. Answers given after the end do not count."), 409
        )
    item = AttemptItem.objects.filter(attempt=attempt, position=position).first()
    if item is None:
        raise AnswerRefused(_("This question is not part of this round."), 404)
    values: dict = {"marked": marked}
    if option_id not in (None, ""):
        try:
            option_pk = int(option_id)
        except (TypeError, ValueError):
            raise AnswerRefused(
                _("Choose one of the three answers, or go on without one.")
            ) from None
        option = Option.objects.filter(pk=option_pk, question_id=item.question_id).first()
        if option is None:
            raise AnswerRefused(
                _("That answer does not belong to this question. Choose one of the answers shown.")
            )
        values.update(chosen=option, correct=option.is_correct, answered=now)
    AttemptItem.objects.filter(pk=item.pk, attempt__finished__isnull=True).update(**values)
    return item


def attempt_close_if_expired(attempt: Attempt, now: dt.datetime) -> bool:
    """Finish an exam whose time is up. True when this call finished it."""
    if attempt.finished is None and attempt.is_expired(now):
        attempt_finish(attempt, now)
        return True
    return False


def attempt_answer(attempt: Attempt, position: int, option_id, now: dt.datetime) -> AttemptItem:
    """Record one answer, or refuse it with a reason. Scoring happens here, on the server.

    Everything is checked with plain reads first; the write is one conditional update (only
    an unanswered question can be answered), so two answers to the same question at the
    same moment cannot both count, and the write transaction stays short. Sending the
    answer already given again changes nothing and is not an error.
    """
    attempt = Attempt.objects.select_related("learner").get(pk=attempt.pk)
    item = (
        AttemptItem.objects.select_related("question", "chosen")
        .filter(attempt=attempt, position=position)
        .first()
    )
    if attempt.mode == Attempt.Mode.EXAM:
        return exam_answer(attempt, position, option_id, bool(item and item.marked), now)
    if item is not None and item.answered is not None and str(item.chosen_id) == str(option_id):
        return item  # the same answer sent twice (a double Enter): it counted once already
    if attempt.finished is not None:
        raise AnswerRefused(
            _("This round is already finished, so no more answers can be given."), 409
        )
    if attempt_close_if_expired(attempt, now):
        raise AnswerRefused(
            _("The time for this exam is up. Answers given after the end do not count."), 409
        )
    if item is None:
        raise AnswerRefused(_("This question is not part of this round."), 404)
    if item.answered is not None:
        raise AnswerRefused(
            _("You have already answered this question. Each question counts once."), 409
        )
    try:
        option_pk = int(option_id)
    except (TypeError, ValueError):
        raise AnswerRefused(_("Choose one of the three answers, then press the button.")) from None
    option = Option.objects.filter(pk=option_pk, question_id=item.question_id).first()
    if option is None:
        raise AnswerRefused(
            _(
                "That answer does not belong to this question. "
                "Choose one of the three answers shown."
            )
        )
    with transaction.atomic():
        # One answer of a round at a time: of two answers given at the same moment to the
        # last two questions, the second must see the first, or neither finishes the round
        # (PostgreSQL; SQLite's IMMEDIATE transactions already run one at a time).
        list(Attempt.objects.select_for_update().filter(pk=attempt.pk).values_list("pk"))
        answered = AttemptItem.objects.filter(pk=item.pk, answered__isnull=True).update(
            chosen=option, correct=option.is_correct, answered=now
        )
        if not answered:
            raise AnswerRefused(
                _("You have already answered this question. Each question counts once."), 409
            )
        card_record(attempt.learner, item.question, option.is_correct, now)
        if not AttemptItem.objects.filter(attempt=attempt, answered__isnull=True).exists():
            attempt_finish(attempt, now)
    item.chosen, item.correct, item.answered = option, option.is_correct, now
    return item
