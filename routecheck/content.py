"""The route check as content: `content/check-questions/` and `content/check-results/`.

A question file holds one screen of the check; a result file holds a verdict, the rules
that lead to it (`when`), the next steps, the deadline and its calendar reminders. The
loader refuses rules that name an unknown question or answer, rules that can never be
used, and any set of answers that reaches no result, each with its `path:line`.
"""

import datetime as dt

from django.db.models import Prefetch

from core.loader.columns import dump_columns, set_columns, sync_rows
from core.loader.files import Problem
from core.loader.schema import PUBLISHED, Field
from core.registry import ContentKind
from sources.references import (
    CITATIONS,
    check_references,
    dump_citations,
    normalise_citations,
    write_citations,
)

from . import rules
from .models import (
    CheckQuestion,
    CheckResult,
    Option,
    QuestionCitation,
    ResultCitation,
    ResultReminder,
    ResultRule,
    ResultStep,
)
from .translations import question_translator, result_translator

QUESTIONS, RESULTS = "check-questions", "check-results"

QUESTION_SPEC = {
    "question": Field("text", required=True, key="title"),
    "order": Field("int", required=True, default=100),
    "type": Field("text", key="kind", choices=(rules.CHOICE, rules.DATE), default=rules.CHOICE),
    "hint": Field("text", key="summary"),
    "options": Field(
        "records",
        fields={
            "value": Field("slug", required=True),
            "label": Field("text", required=True),
            "hint": Field("text"),
        },
    ),
    "earliest": Field("date"),
    "not_before": Field("ref", ref=QUESTIONS),
    "unknown": Field("text", key="unknown_label"),
    "citations": CITATIONS,
}

RESULT_SPEC = {
    "title": Field("text", required=True),
    "summary": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "verdict": Field("text", required=True, choices=tuple(CheckResult.Verdict.values)),
    "act": Field("text", choices=("2013", "2021")),
    "when": Field("texts", required=True, min_items=1, fixed=True),
    "deadline": Field(
        "record",
        fields={
            "from": Field("ref", required=True, ref=QUESTIONS),
            "days_after": Field("int", default=0),
            "years": Field("int", required=True),
            "unknown": Field("text", required=True),
        },
    ),
    "steps": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "text": Field("text", required=True),
            "guide": Field("ref", required=True, ref="guides"),
        },
    ),
    "reminders": Field(
        "records",
        fields={
            "weeks_before": Field("int", required=True),
            "title": Field("text", required=True),
            "text": Field("text", required=True),
        },
    ),
    "published": PUBLISHED,
    "citations": CITATIONS,
}


# ---- questions ---------------------------------------------------------------------------


def question_queryset():
    return CheckQuestion.objects.select_related("not_before").prefetch_related(
        Prefetch("options", Option.objects.order_by("order")),
        Prefetch("citations", QuestionCitation.objects.select_related("source").order_by("order")),
    )


def dump_question(obj: CheckQuestion) -> dict:
    return {
        **dump_columns(obj, QUESTION_SPEC),
        "not_before": obj.not_before.slug if obj.not_before_id else "",
        "options": [
            {"value": o.value, "label": o.label, "hint": o.hint} for o in obj.options.all()
        ],
        "citations": dump_citations(obj.citations.all()),
    }


def write_question(obj: CheckQuestion, data: dict, slugs) -> None:
    set_columns(obj, data, QUESTION_SPEC)
    obj.save()
    sync_rows(
        obj.options.all(),
        [{**o, "order": n} for n, o in enumerate(data["options"], start=1)],
        create=lambda values: Option(question=obj, **values),
    )
    write_citations(
        obj.citations.all(),
        data["citations"],
        slugs,
        create=lambda values: QuestionCitation(question=obj, **values),
    )


def link_not_before(written, slugs) -> None:
    """`not_before` names another question: set once every question exists."""
    for obj, data in written:
        wanted = slugs[QUESTIONS][data["not_before"]] if data["not_before"] else None
        if obj.not_before_id != (wanted.pk if wanted else None):
            CheckQuestion.objects.filter(pk=obj.pk).update(not_before=wanted)


def check_question(file, record, cleaner) -> None:
    data = record.data
    check_references(file.body, file.body_line, len(data["citations"]), cleaner)
    line = file.meta.line_of
    if data["kind"] == rules.CHOICE:
        if len(data["options"]) < 2:
            cleaner.problem(line("options"), "a question to choose from needs at least 2 options")
        for name in ("earliest", "not_before", "unknown"):
            if file.meta.get(name):
                cleaner.problem(line(name), f"'{name}' is only for date questions (type: date)")
    elif data["options"]:
        cleaner.problem(line("options"), "a date question has no options")
    values = [o["value"] for o in data["options"]]
    for value in sorted({v for v in values if values.count(v) > 1}):
        cleaner.problem(line("options"), f"the option value '{value}' is used twice")


# ---- results -----------------------------------------------------------------------------


def result_queryset():
    return CheckResult.objects.select_related("deadline_from").prefetch_related(
        Prefetch("rules", ResultRule.objects.order_by("order")),
        Prefetch("steps", ResultStep.objects.select_related("guide").order_by("order")),
        Prefetch("reminders", ResultReminder.objects.order_by("order")),
        Prefetch("citations", ResultCitation.objects.select_related("source").order_by("order")),
    )


def dump_result(obj: CheckResult) -> dict:
    deadline = {}
    if obj.deadline_from_id:
        deadline = {
            "from": obj.deadline_from.slug,
            "days_after": obj.deadline_days_after,
            "years": obj.deadline_years,
            "unknown": obj.deadline_unknown,
        }
    return {
        **dump_columns(obj, RESULT_SPEC),
        "when": [r.text for r in obj.rules.all()],
        "deadline": deadline,
        "steps": [{"text": s.text, "guide": s.guide.slug} for s in obj.steps.all()],
        "reminders": [
            {"weeks_before": r.weeks_before, "title": r.title, "text": r.text}
            for r in obj.reminders.all()
        ],
        "citations": dump_citations(obj.citations.all()),
    }


def write_result(obj: CheckResult, data: dict, slugs) -> None:
    set_columns(obj, data, RESULT_SPEC)
    deadline = data["deadline"]
    obj.deadline_from = slugs[QUESTIONS][deadline["from"]] if deadline else None
    obj.deadline_days_after = deadline.get("days_after") or 0
    obj.deadline_years = deadline.get("years") or 0
    obj.deadline_unknown = deadline.get("unknown", "")
    obj.save()
    sync_rows(
        obj.rules.all(),
        [{"text": text, "order": n} for n, text in enumerate(data["when"], start=1)],
        create=lambda values: ResultRule(result=obj, **values),
    )
    sync_rows(
        obj.steps.all(),
        [
            {"text": s["text"], "guide": slugs["guides"][s["guide"]], "order": n}
            for n, s in enumerate(data["steps"], start=1)
        ],
        create=lambda values: ResultStep(result=obj, **values),
    )
    sync_rows(
        obj.reminders.all(),
        [{**r, "order": n} for n, r in enumerate(data["reminders"], start=1)],
        create=lambda values: ResultReminder(result=obj, **values),
    )
    write_citations(
        obj.citations.all(),
        data["citations"],
        slugs,
        create=lambda values: ResultCitation(result=obj, **values),
    )


def normalise(data: dict) -> dict:
    data["citations"] = normalise_citations(data["citations"])
    return data


def check_result(file, record, cleaner) -> None:
    """References in the text, steps and reminders; where each rule is, for messages."""
    data = record.data
    citations = len(data["citations"])
    check_references(file.body, file.body_line, citations, cleaner)
    for name, key in (("steps", "text"), ("reminders", "text")):
        raw = file.meta.get(name)
        for index, item in enumerate(data[name]):
            line = raw.line_of(index) if hasattr(raw, "line_of") else file.meta.line_of(name)
            check_references(item[key], line, citations, cleaner)
    raw_when = file.meta.get("when")
    for index, text in enumerate(data["when"]):
        line = raw_when.line_of(index) if hasattr(raw_when, "line_of") else 1
        record.item_lines.append(line)
        try:
            rules.parse_rule(text)
        except rules.RuleError as error:
            cleaner.problem(line, f"rule {index + 1}: {error}")
    if data["verdict"] == "must" and not data["act"]:
        cleaner.problem(file.meta.line_of("verdict"), "a 'must' result says which act applies")


def rulebook_from_content(content) -> rules.Rulebook:
    """The rules as the loader read them (the site builds the same from the database)."""
    questions = {}
    for slug, record in content.of(QUESTIONS).items():
        d = record.data
        questions[slug] = rules.Question(
            slug=slug,
            order=d["order"],
            kind=d["kind"],
            text=d["title"],
            options=tuple(rules.Option(o["value"], o["label"], o["hint"]) for o in d["options"]),
            earliest=dt.date.fromisoformat(d["earliest"]) if d["earliest"] else None,
            not_before=d["not_before"],
            unknown_label=d["unknown_label"],
        )
    book_rules, deadline_from = [], {}
    results = sorted(content.of(RESULTS).values(), key=lambda r: (r.data["order"], r.slug))
    for record in results:
        if record.data["deadline"]:
            deadline_from[record.slug] = record.data["deadline"]["from"]
        for index, text in enumerate(record.data["when"]):
            line = record.item_lines[index] if index < len(record.item_lines) else 1
            try:
                conditions = rules.parse_rule(text)
            except rules.RuleError:
                continue  # reported by check_result
            book_rules.append(rules.Rule(record.slug, conditions, text, line))
    return rules.Rulebook(questions, book_rules, deadline_from)


def check_rules(content) -> list[Problem]:
    """Every rule names real questions and answers, every rule can be used, and every set
    of answers reaches a result."""
    results = content.of(RESULTS)
    if not results:
        return []
    book = rulebook_from_content(content)
    problems = []
    path_of = {slug: record.path for slug, record in results.items()}
    for rule in book.rules:
        for condition in rule.conditions:
            message = _condition_problem(book, condition)
            if message:
                problems.append(Problem(path_of[rule.result], rule.line, message))
    for slug, question in book.deadline_from.items():
        if question in book.questions and book.questions[question].kind != rules.DATE:
            problems.append(
                Problem(
                    path_of[slug],
                    1,
                    f"the deadline is counted from '{question}', which is not a date question",
                )
            )
    if problems:
        return problems
    used = set()
    last = max(results.values(), key=lambda r: (r.data["order"], r.slug))
    for answers, step in book.walk():
        if step is None:
            shown = ", ".join(f"{q} = {_shown(v)}" for q, v in answers.items())
            problems.append(
                Problem(
                    last.path,
                    1,
                    f"no result fits these answers: {shown} "
                    "(add a rule, or a last result for everything else)",
                )
            )
        else:
            used.add(id(step.rule))
    for rule in book.rules:
        if id(rule) not in used:
            problems.append(
                Problem(
                    path_of[rule.result],
                    rule.line,
                    f"the rule '{rule.text}' is never used: an earlier result always decides "
                    "first, or it asks for answers that cannot be given together",
                )
            )
    return problems[:50]


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def _condition_problem(book: rules.Rulebook, condition: rules.Condition) -> str:
    question = book.questions.get(condition.question)
    if question is None:
        known = ", ".join(book.ordered(book.questions))
        return f"unknown question '{condition.question}' (the questions are: {known})"
    if condition.op == "is":
        allowed = question.values()
        wrong = [v for v in condition.values if v not in allowed]
        if wrong:
            if question.kind == rules.DATE:
                return (
                    f"'{condition.question}' is a date question: use 'before' or 'from' a "
                    "date" + (", or 'is unknown'" if question.unknown_label else "")
                )
            return (
                f"'{condition.question}' has no answer '{wrong[0]}' "
                f"(its answers are: {', '.join(allowed)})"
            )
    elif question.kind != rules.DATE:
        return f"'{condition.question}' is not a date question: use 'is <answer>'"
    return ""


QUESTION_KIND = ContentKind(
    name=QUESTIONS,
    label="check question",
    model=CheckQuestion,
    spec=QUESTION_SPEC,
    translate=question_translator(QUESTION_SPEC),
    queryset=question_queryset,
    dump=dump_question,
    write=write_question,
    after_write=link_not_before,
    normalise=normalise,
    check_file=check_question,
    body_required="say why we ask (the text after the front matter is empty)",
    unique=(("order", "question number"),),
    index_view="routecheck:start",
    editor_models=(Option, QuestionCitation),
)

RESULT_KIND = ContentKind(
    name=RESULTS,
    label="check result",
    model=CheckResult,
    spec=RESULT_SPEC,
    translate=result_translator(RESULT_SPEC),
    queryset=result_queryset,
    dump=dump_result,
    write=write_result,
    normalise=normalise,
    check_file=check_result,
    check_set=check_rules,
    body_required="explain the result (the text after the front matter is empty)",
    unique=(("order", "result number"),),
    editor_models=(ResultRule, ResultStep, ResultReminder, ResultCitation),
)
