"""The rules of the route check, as plain data, and the one function that applies them.

The rules are content (`content/check-questions/`, `content/check-results/`): questions
with their answers, and results that each carry one or more rules written in plain words,
such as ``nationality is turkish and start-date before 2022-01-01``. Results are tried in
order; the first whose rule holds is the verdict. A question is asked only when the first
result that is still possible needs its answer, so nobody answers what cannot change the
outcome. The same code decides on the site, validates the content when it is loaded and
walks every path through the rules in the tests.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

UNKNOWN = "unknown"  # the answer "I do not know / not yet" to a date question
CHOICE, DATE = "choice", "date"

CONDITION_RE = re.compile(
    r"^(?P<question>[a-z0-9]+(?:-[a-z0-9]+)*)\s+"
    r"(?:(?P<is>is)\s+(?P<values>[a-z0-9-]+(?:\s+or\s+[a-z0-9-]+)*)"
    r"|(?P<op>before|from)\s+(?P<date>\d{4}-\d{2}-\d{2}))$"
)


class RuleError(ValueError):
    """A rule that cannot be read, with the reason in plain words."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    slug: str
    order: int
    kind: str  # CHOICE or DATE
    text: str = ""
    options: tuple[Option, ...] = ()
    earliest: dt.date | None = None  # dates before this are refused as impossible
    not_before: str = ""  # another date question this answer cannot come before
    unknown_label: str = ""  # a date question's "I do not know" answer, when it has one

    def values(self) -> tuple[str, ...]:
        if self.kind == CHOICE:
            return tuple(o.value for o in self.options)
        return (UNKNOWN,) if self.unknown_label else ()

    def label_of(self, value) -> str:
        if isinstance(value, dt.date):
            return f"{value.day} {value:%B %Y}"
        if value == UNKNOWN and self.kind == DATE:
            return self.unknown_label
        return next((o.label for o in self.options if o.value == value), str(value))


@dataclass(frozen=True)
class Condition:
    question: str
    op: str  # "is", "before" or "from"
    values: tuple[str, ...] = ()
    date: dt.date | None = None

    def holds(self, answer) -> bool:
        if self.op == "is":
            return not isinstance(answer, dt.date) and answer in self.values
        if not isinstance(answer, dt.date):
            return False  # "I do not know" is neither before nor from a date
        return answer < self.date if self.op == "before" else answer >= self.date

    def __str__(self):
        if self.op == "is":
            return f"{self.question} is {' or '.join(self.values)}"
        return f"{self.question} {self.op} {self.date.isoformat()}"


def parse_rule(text: str) -> tuple[Condition, ...]:
    """``nationality is eu or dutch and start-date from 2022-01-01`` → conditions."""
    conditions = []
    for part in re.split(r"\s+and\s+", text.strip()):
        match = CONDITION_RE.match(part.strip())
        if not match:
            raise RuleError(
                f"cannot read '{part.strip()}': write '<question> is <answer>', "
                "'<question> is <answer> or <answer>', '<question> before YYYY-MM-DD' "
                "or '<question> from YYYY-MM-DD', joined by 'and'"
            )
        if match["is"]:
            values = tuple(v for v in re.split(r"\s+or\s+", match["values"]))
            conditions.append(Condition(match["question"], "is", values=values))
        else:
            try:
                date = dt.date.fromisoformat(match["date"])
            except ValueError:
                raise RuleError(f"'{match['date']}' is not a real date") from None
            conditions.append(Condition(match["question"], match["op"], date=date))
    return tuple(conditions)


@dataclass(frozen=True)
class Rule:
    result: str  # the result's slug
    conditions: tuple[Condition, ...]
    text: str = ""
    line: int = 0  # in the result's file, for messages

    def state(self, answers: dict) -> bool | None:
        """True when it holds, False when an answer rules it out, None while undecided."""
        undecided = False
        for condition in self.conditions:
            if condition.question not in answers:
                undecided = True
            elif not condition.holds(answers[condition.question]):
                return False
        return None if undecided else True


@dataclass(frozen=True)
class Ask:
    question: Question


@dataclass(frozen=True)
class Decided:
    rule: Rule
    deadline_question: Question | None = None


@dataclass
class Rulebook:
    questions: dict[str, Question]  # by slug
    rules: list[Rule]  # in the order they are tried
    deadline_from: dict[str, str] = field(default_factory=dict)  # result → date question

    def ordered(self, slugs) -> list[str]:
        return sorted(slugs, key=lambda s: (self.questions[s].order, s))

    def decide(self, answers: dict) -> Ask | Decided | None:
        """The next question to ask, or the rule that decides. None: no rule fits (the
        loader refuses such rules, so the site never meets it)."""
        for rule in self.rules:
            state = rule.state(answers)
            if state is False:
                continue
            if state is None:
                missing = [c.question for c in rule.conditions if c.question not in answers]
                return Ask(self.questions[self.ordered(missing)[0]])
            deadline = self.questions.get(self.deadline_from.get(rule.result, ""))
            if deadline is not None and deadline.slug not in answers:
                return Ask(deadline)
            return Decided(rule, deadline)
        return None

    def path(self, answers: dict) -> tuple[list[str], Ask | Decided | None]:
        """The questions this person was asked, in order, and where the check stands."""
        asked: list[str] = []
        known: dict = {}
        while True:
            step = self.decide(known)
            if isinstance(step, Ask) and step.question.slug in answers:
                asked.append(step.question.slug)
                known[step.question.slug] = answers[step.question.slug]
                continue
            return asked, step

    def samples(self, question: Question) -> list:
        """One answer of every kind that can make a difference: each option; for a date
        question, the earliest date, each date a rule names and the day before it, and
        "I do not know" when it is offered."""
        if question.kind == CHOICE:
            return list(question.values())
        earliest = question.earliest or dt.date(1990, 1, 1)
        dates = {earliest}
        for rule in self.rules:
            for c in rule.conditions:
                if c.question == question.slug and c.date:
                    dates |= {c.date, c.date - dt.timedelta(days=1)}
        return sorted(d for d in dates if d >= earliest) + list(question.values())

    def walk(self) -> Iterator[tuple[dict, Decided | None]]:
        """Every path through the rules: the answers given and where they lead."""

        def visit(answers):
            step = self.decide(answers)
            if isinstance(step, Ask):
                for value in self.samples(step.question):
                    yield from visit({**answers, step.question.slug: value})
            else:
                yield answers, step

        yield from visit({})
