"""Results and progress: a round's score per theme, a learner's mastery per theme, what
to read next, and forgetting a learner. Pure reads; nothing here changes a round."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Q, Sum

from .models import AttemptItem, Card, Learner, OfflineAnswer, Theme


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
    answers: int = 0

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
                mastered=Count("pk", filter=Q(mastered=True)),
                right=Count("pk", filter=Q(times_right__gt=0)),
                answers=Sum(F("times_right") + F("times_wrong")),
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
                row.get("answers") or 0,
            )
        )
    return result


def learner_offline_answers(learner: Learner | None) -> int:
    """How many of this learner's answers were given in offline practice and sent later."""
    return OfflineAnswer.objects.filter(learner=learner).count() if learner else 0


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
