"""The check as the site runs it: the rules from the database, a person's outcome, their
deadline and reminders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from . import rules
from .answers import nice_date
from .models import (
    CheckQuestion,
    CheckResult,
    Option,
    QuestionCitation,
    ResultCitation,
    ResultStep,
)


@dataclass
class Check:
    book: rules.Rulebook
    questions: dict[str, CheckQuestion]
    results: dict[str, CheckResult]


def check_load() -> Check:
    """Every question (with its answers) and every published result (with its rules)."""
    questions = {
        q.slug: q
        for q in CheckQuestion.objects.select_related("not_before").prefetch_related(
            Prefetch("options", Option.objects.order_by("order")),
            Prefetch(
                "citations",
                QuestionCitation.objects.select_related("source").order_by("order"),
            ),
        )
    }
    results = {
        r.slug: r
        for r in CheckResult.objects.published()
        .select_related("deadline_from")
        .prefetch_related("rules")
        .order_by("order")
    }
    book_questions = {
        slug: rules.Question(
            slug=slug,
            order=q.order,
            kind=q.kind,
            text=q.title,
            options=tuple(rules.Option(o.value, o.label, o.hint) for o in q.options.all()),
            earliest=q.earliest,
            not_before=q.not_before.slug if q.not_before_id else "",
            unknown_label=q.unknown_label,
        )
        for slug, q in questions.items()
    }
    book_rules = []
    for result in results.values():
        for rule in result.rules.all():
            try:
                conditions = rules.parse_rule(rule.text)
            except rules.RuleError:
                continue  # refused by the loader and by admin; never trusted here
            if all(c.question in book_questions for c in conditions):
                book_rules.append(rules.Rule(result.slug, conditions, rule.text))
    deadline_from = {
        slug: r.deadline_from.slug
        for slug, r in results.items()
        if r.deadline_from_id and r.deadline_from.kind == rules.DATE
    }
    return Check(rules.Rulebook(book_questions, book_rules, deadline_from), questions, results)


def result_details(result: CheckResult) -> CheckResult:
    """The result with what its page shows: steps and their guides, reminders, sources."""
    return (
        CheckResult.objects.select_related("deadline_from")
        .prefetch_related(
            Prefetch("steps", ResultStep.objects.select_related("guide").order_by("order")),
            "reminders",
            Prefetch(
                "citations", ResultCitation.objects.select_related("source").order_by("order")
            ),
        )
        .get(pk=result.pk)
    )


def add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February in a year without one
        return date.replace(year=date.year + years, month=3, day=1)


@dataclass
class Deadline:
    starts: dt.date  # the first day of the period
    last_day: dt.date  # the last day of the period
    reminders: list = field(default_factory=list)  # (date, ResultReminder), in date order


def deadline_compute(result: CheckResult, answers: dict) -> Deadline | None:
    """The last day of the integration period, counted from the person's date as the result
    says (for example: from the day after the first PIP, 3 years). None when the person does
    not know the date."""
    if not result.deadline_from_id or not result.deadline_years:
        return None
    start = answers.get(result.deadline_from.slug)
    if not isinstance(start, dt.date):
        return None
    starts = start + dt.timedelta(days=result.deadline_days_after)
    last_day = add_years(starts, result.deadline_years) - dt.timedelta(days=1)
    reminders = sorted(
        ((last_day - dt.timedelta(weeks=r.weeks_before), r) for r in result.reminders.all()),
        key=lambda pair: pair[0],
    )
    return Deadline(starts, last_day, reminders)


def reasons(book: rules.Rulebook, rule: rules.Rule, answers: dict) -> list[tuple[str, str]]:
    """The rule that decided, in words: each answer it relied on, and the date it was
    compared with."""
    lines = []
    for condition in rule.conditions:
        question = book.questions[condition.question]
        answer = question.label_of(answers[condition.question])
        if condition.op == "before":
            answer += f" (before {nice_date(condition.date)})"
        elif condition.op == "from":
            answer += f" (on or after {nice_date(condition.date)})"
        lines.append((question.text, answer))
    return lines
