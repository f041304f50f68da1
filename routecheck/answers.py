"""Reading a person's answers from the address (the query string), and writing them back.

Nothing here stores anything: the answers live only in the URL. Every value is checked
against the question it answers; a value that does not fit is an error shown with that
question, never a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import rules

MISSING_CHOICE = gettext_lazy("Choose one of the answers.")
MISSING_DATE = gettext_lazy("Enter the date: day, month and year.")
UNKNOWN_ANSWER = gettext_lazy("We did not recognise that answer. Choose one of the answers.")
NOT_A_DATE = gettext_lazy("Enter the date as numbers, for example 15 3 2022 for 15 March 2022.")
NOT_REAL = gettext_lazy("Enter a real date: that day does not exist.")
IN_FUTURE = gettext_lazy("The date cannot be in the future. Enter a date up to today.")


def nice_date(date: dt.date) -> str:
    """A date as people write it, in the page's language: 15 March 2022, 15 maart 2022."""
    return formats.date_format(date, "j F Y")


@dataclass
class Reading:
    answers: dict = field(default_factory=dict)  # question slug → option value, date or UNKNOWN
    errors: dict = field(default_factory=dict)  # question slug → message
    entered: dict = field(default_factory=dict)  # slug → {"day", "month", "year"} as typed


def read_answers(book: rules.Rulebook, query, today: dt.date) -> Reading:
    reading = Reading()
    for slug in book.ordered(book.questions):
        question = book.questions[slug]
        if question.kind == rules.CHOICE:
            value = query.get(slug, "")
            if not value:
                continue
            if value in question.values():
                reading.answers[slug] = value
            else:
                reading.errors[slug] = UNKNOWN_ANSWER
        else:
            _read_date(question, query, today, reading)
    for slug, value in list(reading.answers.items()):
        other = book.questions[slug].not_before
        earlier = reading.answers.get(other)
        if isinstance(value, dt.date) and isinstance(earlier, dt.date) and value < earlier:
            del reading.answers[slug]
            reading.errors[slug] = _(
                "This date cannot be before %(date)s, your answer to “%(question)s”. "
                "Check both dates."
            ) % {"date": nice_date(earlier), "question": book.questions[other].text}
    return reading


def _read_date(question: rules.Question, query, today, reading: Reading) -> None:
    slug = question.slug
    value = query.get(slug, "")
    parts = {p: query.get(f"{slug}-{p}", "").strip()[:10] for p in ("day", "month", "year")}
    if value == rules.UNKNOWN and question.unknown_label:
        reading.answers[slug] = rules.UNKNOWN
        return
    if any(parts.values()):
        reading.entered[slug] = parts
        if not all(p.isdecimal() for p in parts.values()) or len(parts["year"]) != 4:
            reading.errors[slug] = NOT_A_DATE
            return
        try:
            date = dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            reading.errors[slug] = NOT_REAL
            return
    elif value:
        try:
            date = dt.date.fromisoformat(value[:10]) if len(value) == 10 else None
        except ValueError:
            date = None
        if date is None:
            reading.errors[slug] = NOT_A_DATE
            return
    else:
        return
    if date > today:
        reading.errors[slug] = IN_FUTURE
    elif question.earliest and date < question.earliest:
        reading.errors[slug] = _(
            "Enter a date on or after %(date)s: an earlier date is not possible for this question."
        ) % {"date": nice_date(question.earliest)}
    else:
        reading.answers[slug] = date


def encode(book: rules.Rulebook, answers: dict, only=None) -> str:
    """The answers as a query string, in question order (only those named in `only`)."""
    slugs = book.ordered(s for s in answers if only is None or s in only)
    return urlencode(
        [
            (s, answers[s].isoformat() if isinstance(answers[s], dt.date) else answers[s])
            for s in slugs
        ]
    )


def missing_message(question: rules.Question) -> str:
    return MISSING_CHOICE if question.kind == rules.CHOICE else MISSING_DATE
