"""The trainer's logic: starting rounds, answering, scoring, scheduling, progress.

Views call these functions; nothing here knows about HTTP. Every function that takes the
time takes it as `now`, so tests can move the clock.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q

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
MASTERED_BOX = 3  # right at least twice in a row, a day apart or more


class AnswerRefused(Exception):
    """An answer that cannot be accepted; `message` says why in plain words."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


# ---- scheduling ------------------------------------------------------------------------


def card_schedule(card: Card, correct: bool, now: dt.datetime) -> Card:
    """Move a card after an answer: missed → box 1, soon; right → one box up, later."""
    card.box = min(card.box + 1, TOP_BOX) if correct else 1
    card.due = now + BOX_INTERVALS[card.box]
    card.last_answered = now
    if correct:
        card.times_right += 1
    else:
        card.times_wrong += 1
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


@transaction.atomic
def attempt_start(
    learner: Learner, mode: str, now: dt.datetime, theme: Theme | None = None
) -> Attempt | None:
    """Create a round and its questions. Returns None when there is nothing to ask."""
    if mode == Attempt.Mode.EXAM:
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
    AttemptItem.objects.bulk_create(
        AttemptItem(attempt=attempt, position=n, question_id=pk)
        for n, pk in enumerate(question_ids, 1)
    )
    return attempt


# ---- answering -------------------------------------------------------------------------


def attempt_finish(attempt: Attempt, now: dt.datetime) -> None:
    if attempt.finished is None:
        attempt.finished = min(now, attempt.deadline) if attempt.deadline else now
        attempt.save(update_fields=["finished"])


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
    same moment cannot both count, and the write transaction stays short.
    """
    attempt = Attempt.objects.select_related("learner").get(pk=attempt.pk)
    if attempt.finished is not None:
        raise AnswerRefused("This round is already finished, so no more answers can be given.", 409)
    if attempt_close_if_expired(attempt, now):
        raise AnswerRefused(
            "The time for this exam is up. Answers given after the end do not count.", 409
        )
    item = (
        AttemptItem.objects.select_related("question")
        .filter(attempt=attempt, position=position)
        .first()
    )
    if item is None:
        raise AnswerRefused("This question is not part of this round.", 404)
    if item.answered is not None:
        raise AnswerRefused(
            "You have already answered this question. Each question counts once.", 409
        )
    try:
        option_pk = int(option_id)
    except (TypeError, ValueError):
        raise AnswerRefused("Choose one of the three answers, then press the button.") from None
    option = Option.objects.filter(pk=option_pk, question_id=item.question_id).first()
    if option is None:
        raise AnswerRefused(
            "That answer does not belong to this question. Choose one of the three answers shown."
        )
    with transaction.atomic():
        answered = AttemptItem.objects.filter(pk=item.pk, answered__isnull=True).update(
            chosen=option, correct=option.is_correct, answered=now
        )
        if not answered:
            raise AnswerRefused(
                "You have already answered this question. Each question counts once.", 409
            )
        card_record(attempt.learner, item.question, option.is_correct, now)
        if not AttemptItem.objects.filter(attempt=attempt, answered__isnull=True).exists():
            attempt_finish(attempt, now)
    item.chosen, item.correct, item.answered = option, option.is_correct, now
    return item


# ---- results and progress --------------------------------------------------------------


@dataclass
class ThemeScore:
    theme: Theme
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)

    @property
    def meets_target(self) -> bool:
        return self.total > 0 and self.share >= settings.KNM_PRACTICE_TARGET


@dataclass
class Score:
    right: int = 0
    answered: int = 0
    total: int = 0
    themes: list[ThemeScore] = field(default_factory=list)
    mistakes: list[AttemptItem] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def attempt_score(items: list[AttemptItem]) -> Score:
    """Score from the stored answers. Unanswered questions count as not right."""
    score = Score(total=len(items))
    per_theme: dict[int, ThemeScore] = {}
    for item in items:
        theme = item.question.theme
        ts = per_theme.setdefault(theme.pk, ThemeScore(theme))
        ts.total += 1
        if item.answered:
            score.answered += 1
        if item.correct:
            score.right += 1
            ts.right += 1
        else:
            score.mistakes.append(item)
    score.themes = sorted(per_theme.values(), key=lambda t: t.theme.order)
    return score


@dataclass
class ThemeProgress:
    theme: Theme
    questions: int
    seen: int
    mastered: int
    right: int
    wrong: int

    @property
    def mastery_percent(self) -> int:
        return round(100 * self.mastered / self.questions) if self.questions else 0


def learner_progress(learner: Learner | None) -> list[ThemeProgress]:
    themes = Theme.objects.published().with_question_counts().order_by("order")
    stats = {}
    if learner is not None:
        rows = (
            Card.objects.filter(learner=learner)
            .values("question__theme_id")
            .annotate(
                seen=Count("pk"),
                mastered=Count("pk", filter=Q(box__gte=MASTERED_BOX)),
                right=Count("pk", filter=Q(times_right__gt=0)),
            )
        )
        stats = {row["question__theme_id"]: row for row in rows}
        wrong = Counter(
            dict(
                Card.objects.filter(learner=learner, times_wrong__gt=0)
                .values("question__theme_id")
                .annotate(n=Count("pk"))
                .values_list("question__theme_id", "n")
            )
        )
    else:
        wrong = Counter()
    result = []
    for theme in themes:
        row = stats.get(theme.pk, {})
        result.append(
            ThemeProgress(
                theme,
                theme.question_count,
                row.get("seen", 0),
                row.get("mastered", 0),
                row.get("right", 0),
                wrong[theme.pk],
            )
        )
    return result


def learner_reading_list(learner: Learner | None, limit: int = 6) -> list[dict]:
    """What to read next: the pages behind the questions this learner missed most."""
    if learner is None:
        return []
    missed = (
        Card.objects.filter(learner=learner, times_wrong__gt=0)
        .values("question__read_url", "question__read_label")
        .annotate(missed=Count("pk"))
        .order_by("-missed", "question__read_label")
    )
    seen, reading = set(), []
    for row in missed:
        url = row["question__read_url"]
        if url in seen:
            continue
        seen.add(url)
        reading.append({"url": url, "label": row["question__read_label"], "missed": row["missed"]})
        if len(reading) == limit:
            break
    return reading


def learner_forget(learner: Learner) -> None:
    """Delete everything stored about this browser's practice."""
    learner.delete()
