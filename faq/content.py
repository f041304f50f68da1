"""Quick answers as content: `content/faq/<slug>.md`, a question and a short answer."""

from django.db.models import Prefetch

from core.loader import bulk
from core.loader.columns import dump_columns, set_columns
from core.loader.schema import ORDER, PUBLISHED, TAGS, Field
from core.loader.translating import translate_record
from core.registry import ContentKind, SearchDoc, SearchSpec
from core.text import plain_text
from guides.models import Guide
from routecheck.acts import APPLIES_TO, drop_empty_applies_to
from sources.references import (
    CITATIONS,
    check_references,
    citation_rows,
    citation_values,
    dump_citations,
    normalise_citations,
    translate_citations,
    write_citations,
)

from .models import Citation, Question

SPEC = {
    "question": Field("text", required=True, key="title"),
    # The first guide is the one to "read more" in; the order of the others carries no meaning.
    "guides": Field("refs", ref="guides"),
    "topics": Field("refs", ref="topics", sort=True),
    "sources": Field("refs", ref="sources", sort=True),
    "home": Field("bool", default=False),
    "order": ORDER,
    "published": PUBLISHED,
    "tags": TAGS,
    "applies_to": APPLIES_TO,
    "citations": CITATIONS,
}


def queryset():
    return Question.objects.select_related("read_more").prefetch_related(
        Prefetch("guides", Guide.objects.order_by("slug")),
        "topics",
        "sources",
        "tags",
        Prefetch("citations", Citation.objects.select_related("source").order_by("order")),
    )


def dump(obj: Question) -> dict:
    guides = [g.slug for g in obj.guides.all()]
    if obj.read_more_id:
        first = obj.read_more.slug
        guides = [first, *[g for g in guides if g != first]]
    data = {
        **dump_columns(obj, SPEC),
        "guides": guides,
        "topics": sorted(t.slug for t in obj.topics.all()),
        "sources": sorted(s.slug for s in obj.sources.all()),
        "tags": sorted(t.name for t in obj.tags.all()),
    }
    citations = dump_citations(obj.citations.all())
    if citations:  # left out while empty: answers loaded before citations existed
        data["citations"] = citations
    return drop_empty_applies_to(data)


def dump_all(records: dict[str, Question]) -> dict[str, dict]:
    """`dump` for every quick answer at once: a query per relation, not per answer."""
    guide_slugs = dict(Guide.objects.values_list("pk", "slug"))
    through = {
        name: getattr(Question, name).through.objects for name in ("guides", "topics", "sources")
    }
    guides = bulk.grouped(
        through["guides"].order_by("guide__slug").values_list("question_id", "guide__slug")
    )
    topics = bulk.grouped(through["topics"].values_list("question_id", "topic__slug"))
    sources = bulk.grouped(through["sources"].values_list("question_id", "source__slug"))
    tags = bulk.tag_names(Question)
    citations = citation_values(Citation.objects.all(), "question_id")
    dumped = {}
    for slug, obj in records.items():
        linked = guides.get(obj.pk, [])
        if obj.read_more_id:
            first = guide_slugs[obj.read_more_id]
            linked = [first, *[g for g in linked if g != first]]
        data = {
            **dump_columns(obj, SPEC),
            "guides": linked,
            "topics": sorted(topics.get(obj.pk, [])),
            "sources": sorted(sources.get(obj.pk, [])),
            "tags": tags.get(obj.pk, []),
        }
        cited = dump_citations(citations.get(obj.pk, []))
        if cited:  # left out while empty, as in `dump`
            data["citations"] = cited
        dumped[slug] = drop_empty_applies_to(data)
    return dumped


def normalise(data: dict) -> dict:
    data["guides"] = data["guides"][:1] + sorted(data["guides"][1:])
    data["citations"] = normalise_citations(data["citations"])
    if not data["citations"]:
        del data["citations"]
    return drop_empty_applies_to(data)


def _set_columns(obj: Question, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC)
    obj.read_more = slugs["guides"][data["guides"][0]] if data["guides"] else None


def write(obj: Question, data: dict, slugs) -> None:
    _set_columns(obj, data, slugs)
    obj.save()
    obj.guides.set([slugs["guides"][s] for s in data["guides"]])
    obj.topics.set([slugs["topics"][s] for s in data["topics"]])
    obj.sources.set([slugs["sources"][s] for s in data["sources"]])
    obj.tags.set(data["tags"], clear=True)
    write_citations(
        obj.citations.all(),
        data.get("citations", []),
        slugs,
        create=lambda values: Citation(question=obj, **values),
    )


def write_many(items: list[tuple[Question, dict]], slugs) -> None:
    """`write` for many quick answers at once, in a fixed number of queries."""
    for obj, data in items:
        _set_columns(obj, data, slugs)
    bulk.save_records([obj for obj, _ in items])
    for field, kind in (("guides", "guides"), ("topics", "topics"), ("sources", "sources")):
        bulk.set_relations(
            [(obj, [slugs[kind][s].pk for s in data[field]]) for obj, data in items], field
        )
    bulk.set_tags([(obj, data["tags"]) for obj, data in items])
    bulk.sync_children(
        Citation,
        "question",
        [(obj, citation_rows(data.get("citations", []), slugs)) for obj, data in items],
    )


def markdown_texts(items: list[dict]) -> list[str]:
    """What write_many renders: every answer."""
    return [data["body"] for data in items]


def translate(obj: Question, data: dict, language: str) -> list:
    return [
        *translate_record(SPEC)(obj, data, language),
        *translate_citations(obj.citations.all(), data["citations"], language),
    ]


def check_file(file, record, cleaner) -> None:
    """Every amount and time limit in the answer carries a reference to a citation."""
    check_references(file.body, file.body_line, len(record.data["citations"]), cleaner)


def search_entries():
    for question in Question.objects.published():
        yield SearchDoc(
            kind="faq",
            url=question.get_absolute_url(),
            title=question.title,
            body=plain_text(question.body_html),
        )


KIND = ContentKind(
    name="faq",
    label="quick answer",
    model=Question,
    spec=SPEC,
    translate=translate,
    queryset=queryset,
    dump=dump,
    dump_all=dump_all,
    write=write,
    write_many=write_many,
    markdown_texts=markdown_texts,
    normalise=normalise,
    check_file=check_file,
    body_required="the answer (the text after the front matter) is empty",
    index_view="faq:index",
    search=SearchSpec("faq", "Quick answer", 1.0, search_entries),
    editor_models=(Citation,),
)
