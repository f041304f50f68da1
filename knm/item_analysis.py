"""Item analysis for editors: which questions are too easy, too hard, or mislead the
learners who know the most.

For each question with enough answers: the share answered right (all rounds), and the
point-biserial correlation between getting it right in a practice exam and the score on
the rest of that exam (the item left out, so a question does not correlate with itself).
A good question separates: learners who do well on the exam get it right more often. A
negative separation means strong learners get it wrong more often than weak ones: the
key or an option is probably off.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Attempt, AttemptItem, Question

MIN_ANSWERS = 30
TOO_EASY = 0.90
TOO_HARD = 0.30


@dataclass
class ItemStats:
    question: Question
    answers: int
    right: int
    exam_answers: int
    separation: float | None  # point-biserial correlation, None when it cannot be computed

    @property
    def share_right(self) -> float:
        return self.right / self.answers if self.answers else 0.0

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.share_right > TOO_EASY:
            flags.append("too easy")
        if self.share_right < TOO_HARD:
            flags.append("too hard")
        if self.separation is not None and self.separation < 0:
            flags.append("negative separation")
        return flags


def point_biserial(pairs: list[tuple[bool, float]]) -> float | None:
    """Correlation between a right/wrong item and a score, from (right, score) pairs."""
    n = len(pairs)
    right = [score for ok, score in pairs if ok]
    wrong = [score for ok, score in pairs if not ok]
    if n < 2 or not right or not wrong:
        return None
    mean = sum(score for _, score in pairs) / n
    sd = math.sqrt(sum((score - mean) ** 2 for _, score in pairs) / n)
    if sd == 0:
        return None
    p = len(right) / n
    difference = sum(right) / len(right) - sum(wrong) / len(wrong)
    return difference / sd * math.sqrt(p * (1 - p))


def item_analysis(min_answers: int = MIN_ANSWERS) -> list[ItemStats]:
    answered = Q(attempt_items__answered__isnull=False)
    questions = (
        Question.objects.select_related("theme")
        .annotate(
            answers=Count("attempt_items", filter=answered),
            right=Count("attempt_items", filter=answered & Q(attempt_items__correct=True)),
        )
        .filter(answers__gte=min_answers)
        .order_by("theme__order", "order")
    )
    exam_items = AttemptItem.objects.filter(
        attempt__mode=Attempt.Mode.EXAM, attempt__finished__isnull=False
    ).values_list("attempt_id", "question_id", "correct")
    by_attempt: dict = defaultdict(list)
    for attempt_id, question_id, correct in exam_items.iterator():
        by_attempt[attempt_id].append((question_id, bool(correct)))
    pairs: dict[int, list[tuple[bool, float]]] = defaultdict(list)
    for items in by_attempt.values():
        if len(items) < 2:
            continue
        total = sum(ok for _, ok in items)
        for question_id, ok in items:
            pairs[question_id].append((ok, (total - ok) / (len(items) - 1)))
    return [
        ItemStats(
            question=q,
            answers=q.answers,
            right=q.right,
            exam_answers=len(pairs[q.pk]),
            separation=point_biserial(pairs[q.pk]) if len(pairs[q.pk]) >= min_answers else None,
        )
        for q in questions
    ]
