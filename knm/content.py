"""The KNM question bank as content: `content/knm/<theme>.md`, one official theme with its
questions (stable ids, three options, exactly one right)."""

from django.db.models import Prefetch

from core.loader.columns import dump_columns, set_columns, sync_rows
from core.loader.files import Problem
from core.loader.links import find_links
from core.loader.schema import PUBLISHED, Field
from core.loader.translating import translate_record
from core.registry import ContentKind
from core.translation import localise_path, render_translation

from .models import DocumentKind, Option, Question, Theme

# The eight official KNM themes (Regeling inburgering 2021, eindtermen KNM).
KNM_THEMES = {
    "work-and-income": "Werk en inkomen",
    "manners-values-and-norms": "Omgangsvormen, waarden en normen",
    "housing": "Wonen",
    "health-and-healthcare": "Gezondheid en gezondheidszorg",
    "history-and-geography": "Geschiedenis en geografie",
    "institutions": "Instanties",
    "government-and-rule-of-law": "Staatsinrichting en rechtsstaat",
    "education-and-upbringing": "Onderwijs en opvoeding",
}

SPEC = {
    "title": Field("text", required=True),
    "dutch_title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "published": PUBLISHED,
    "questions": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "id": Field("slug", required=True),
            "difficulty": Field("text", required=True, choices=tuple(Question.Difficulty.values)),
            "situation_nl": Field("text"),
            "situation_en": Field("text"),
            "question_nl": Field("text", required=True),
            "question_en": Field("text", required=True),
            "options": Field(
                "records",
                required=True,
                count=3,
                fields={
                    "nl": Field("text", required=True),
                    "en": Field("text", required=True),
                    "correct": Field("bool", default=False),
                },
            ),
            "explanation": Field("text", required=True),
            "read": Field("text", required=True),
            "read_label": Field("text", required=True),
            # A realistic document the question is about: a letter, a payslip, a label …
            "document": Field(
                "record",
                fields={
                    "kind": Field("text", required=True, choices=tuple(DocumentKind.values)),
                    "title": Field("text", required=True),
                    "body": Field("text", required=True),
                    # The text alternative: what the document says, in plain sentences.
                    "text": Field("text", required=True),
                },
            ),
        },
    ),
}


def queryset():
    return Theme.objects.prefetch_related(
        Prefetch(
            "questions",
            Question.objects.order_by("order").prefetch_related(
                Prefetch("options", Option.objects.order_by("position"))
            ),
        )
    )


def dump(obj: Theme) -> dict:
    return {
        **dump_columns(obj, SPEC),
        "questions": [
            {
                "id": q.qid,
                "difficulty": q.difficulty,
                "situation_nl": q.situation_nl,
                "situation_en": q.situation_en,
                "question_nl": q.question_nl,
                "question_en": q.question_en,
                "options": [
                    {"nl": o.text_nl, "en": o.text_en, "correct": o.is_correct}
                    for o in q.options.all()
                ],
                "explanation": q.explanation,
                "read": q.read_url,
                "read_label": q.read_label,
                **_dump_document(q),
            }
            for q in obj.questions.all()
        ],
    }


def _dump_document(q: Question) -> dict:
    """Left out when there is none, like a file without one (see normalise)."""
    if not q.document_body:
        return {}
    return {
        "document": {
            "kind": q.document_kind,
            "title": q.document_title,
            "body": q.document_body,
            "text": q.document_text,
        }
    }


def normalise(data: dict) -> dict:
    data["questions"] = [
        {k: v for k, v in q.items() if k != "document" or v} for q in data["questions"]
    ]
    return data


def write(obj: Theme, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC)
    obj.save()
    current = {
        q.qid: q for q in Question.objects.filter(qid__in=[q["id"] for q in data["questions"]])
    }
    for order, item in enumerate(data["questions"], start=1):
        values = {
            "theme": obj,
            "order": order,
            "difficulty": item["difficulty"],
            "situation_nl": item["situation_nl"],
            "situation_en": item["situation_en"],
            "question_nl": item["question_nl"],
            "question_en": item["question_en"],
            "explanation": item["explanation"],
            "read_url": item["read"],
            "read_label": item["read_label"],
            "document_kind": item.get("document", {}).get("kind", ""),
            "document_title": item.get("document", {}).get("title", ""),
            "document_body": item.get("document", {}).get("body", ""),
            "document_text": item.get("document", {}).get("text", ""),
        }
        question = current.get(item["id"])
        if question is None:
            question = Question.objects.create(qid=item["id"], **values)
        elif any(getattr(question, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(question, name, value)
            question.save()
        sync_rows(
            question.options.all(),
            [
                {"position": n, "text_nl": o["nl"], "text_en": o["en"], "is_correct": o["correct"]}
                for n, o in enumerate(item["options"], start=1)
            ],
            create=lambda values, q=question: Option(question=q, **values),
            key="position",
        )
    obj.questions.exclude(qid__in=[q["id"] for q in data["questions"]]).delete()


def missing_translations(question: dict, qid: str) -> list[tuple[str, str]]:
    """A situation in one language needs the other too: (field, message) for each gap."""
    return [
        (f"situation_{lang}", f"question '{qid}' is missing its translation 'situation_{other}'")
        for lang, other in (("nl", "en"), ("en", "nl"))
        if question.get(f"situation_{lang}") and not question.get(f"situation_{other}")
    ]


def check_file(file, record, cleaner) -> None:
    """Rules a question bank must keep beyond field types; its `read` links are checked too."""
    if file.slug not in KNM_THEMES:
        cleaner.problem(
            1,
            f"unknown KNM theme '{file.slug}': the file name must be one of "
            f"{', '.join(KNM_THEMES)}",
        )
    raw_questions = file.meta.get("questions")
    if not isinstance(raw_questions, list):
        return
    for index, question in enumerate(record.data["questions"]):
        raw = raw_questions[index] if index < len(raw_questions) else None
        record.item_lines.append(raw.line_of("id") if hasattr(raw, "line_of") else 1)
        if not hasattr(raw, "line_of"):
            continue
        qid = question["id"] or f"number {index + 1}"
        correct = sum(1 for option in question["options"] if option.get("correct"))
        if len(question["options"]) == 3 and correct != 1:
            cleaner.problem(
                raw.line_of("options"),
                f"question '{qid}' must have exactly one "
                f"correct option (correct: true), it has {correct}",
            )
        for field, message in missing_translations(question, qid):
            cleaner.problem(raw.line_of(field), message)
        if question["read"]:
            record.links.append((question["read"], raw.line_of("read")))


def check_question_ids(content) -> list[Problem]:
    """Question ids are unique across the whole bank: learners' progress is kept by them."""
    problems = []
    seen: dict[str, str] = {}
    for theme in content.of("knm").values():
        for index, question in enumerate(theme.data["questions"]):
            qid = question["id"]
            if not qid:
                continue
            line = theme.item_lines[index] if index < len(theme.item_lines) else 1
            if qid in seen:
                problems.append(
                    Problem(
                        theme.path,
                        line,
                        f"duplicate question id '{qid}' (also used in {seen[qid]})",
                    )
                )
            else:
                seen[qid] = theme.path
    return problems


def links():
    """The "read more" links of the questions in published themes, and the themes' text."""
    for theme in Theme.objects.published().prefetch_related("questions"):
        for target, _line in find_links(theme.body, 1):
            yield theme, target
        for question in theme.questions.all():
            yield question, question.read_url


# A translation of a theme gives what is not Dutch already: the theme's name and summary,
# and each question's explanation and read-more label (questions matched by id).
TRANSLATION_SPEC = {
    "title": Field("text", required=True),
    "dutch_title": Field("text", required=True),
    "summary": Field("text", required=True),
    "questions": Field(
        "records",
        required=True,
        fields={
            "id": Field("slug", required=True),
            "explanation": Field("text", required=True),
            "read_label": Field("text", required=True),
        },
    ),
}


def check_translation(data: dict, english: dict) -> list[str]:
    ids = [q["id"] for q in data["questions"]]
    wanted = [q["id"] for q in english["questions"]]
    if ids == wanted:
        return []
    missing, extra = sorted(set(wanted) - set(ids)), sorted(set(ids) - set(wanted))
    return [
        "the questions must be the English file's, in its order"
        + (f"; missing: {', '.join(missing)}" if missing else "")
        + (f"; not in the English file: {', '.join(extra)}" if extra else "")
    ]


def translate(obj: Theme, data: dict, language: str) -> list:
    changed = translate_record(SPEC)(obj, data, language)
    items = {q["id"]: q for q in data["questions"]}
    questions = [q for q in obj.questions.all() if q.qid in items]
    for question in questions:
        item = items[question.qid]
        question.set_translation(
            language,
            explanation=item["explanation"],
            explanation_html=render_translation(item["explanation"], language),
            read_label=item["read_label"],
            read_url=localise_path(question.read_url, language),
        )
    return [*changed, *questions]


KIND = ContentKind(
    name="knm",
    label="KNM theme",
    model=Theme,
    spec=SPEC,
    translate=translate,
    translation_spec=TRANSLATION_SPEC,
    check_translation=check_translation,
    queryset=queryset,
    dump=dump,
    write=write,
    normalise=normalise,
    check_file=check_file,
    check_set=check_question_ids,
    links=links,
    detail_view="knm:theme",
    index_view="knm:index",
    sitemap_priority=0.6,
    editor_models=(Question, Option),
)
