"""Guides as content: `content/guides/<slug>.md`, an in-depth answer in numbered sections.

The body's `## ` headings split it into sections; text before the first is the intro.
"""

from django.db.models import Prefetch
from django.utils.text import slugify

from core.loader import bulk
from core.loader.columns import dump_columns, set_columns, sync_rows
from core.loader.files import Problem
from core.loader.links import FENCE_RE, find_links
from core.loader.schema import ORDER, PUBLISHED, TAGS, Cleaner, Field
from core.loader.translating import column_texts, translate_items
from core.registry import ContentKind, SearchDoc, SearchSpec
from core.text import plain_text
from core.translation import render_translation
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
from topics.models import Topic

from .models import Citation, Guide, RelatedGuide, Section

SPEC = {
    "title": Field("text", required=True),
    "summary": Field("text", required=True),
    "topic": Field("ref", required=True, ref="topics"),
    "also_in": Field("refs", ref="topics", sort=True),
    "reviewed": Field("date", required=True),
    "order": ORDER,
    "published": PUBLISHED,
    "tags": TAGS,
    "applies_to": APPLIES_TO,
    "citations": CITATIONS,
    "related": Field(
        "records",
        fields={
            "guide": Field("ref", required=True, ref="guides"),
            "reason": Field("text", required=True),
        },
    ),
}


def queryset():
    return Guide.objects.select_related("topic").prefetch_related(
        Prefetch("other_topics", Topic.objects.order_by("slug")),
        "tags",
        Prefetch("citations", Citation.objects.select_related("source").order_by("order")),
        Prefetch(
            "related_links", RelatedGuide.objects.select_related("to_guide").order_by("order")
        ),
        Prefetch("sections", Section.objects.order_by("number")),
    )


def dump(obj: Guide) -> dict:
    data = {
        **dump_columns(obj, SPEC, body=False),
        "topic": obj.topic.slug,
        "also_in": [t.slug for t in obj.other_topics.all()],
        "tags": sorted(t.name for t in obj.tags.all()),
        "citations": dump_citations(obj.citations.all()),
        "related": [
            {"guide": r.to_guide.slug, "reason": r.reason} for r in obj.related_links.all()
        ],
        "intro": obj.body.strip(),
        "sections": [{"heading": s.heading, "body": s.body.strip()} for s in obj.sections.all()],
    }
    return drop_empty_applies_to(data)


def dump_all(records: dict[str, Guide]) -> dict[str, dict]:
    """`dump` for every guide at once: a query per relation, not per guide."""
    topics = dict(Topic.objects.values_list("pk", "slug"))
    also_in = bulk.grouped(
        Guide.other_topics.through.objects.order_by("topic__slug").values_list(
            "guide_id", "topic__slug"
        )
    )
    tags = bulk.tag_names(Guide)
    citations = citation_values(Citation.objects.all(), "guide_id")
    related = bulk.grouped(
        RelatedGuide.objects.order_by("from_guide_id", "order").values_list(
            "from_guide_id", "to_guide__slug", "reason"
        )
    )
    sections = bulk.grouped(
        Section.objects.order_by("guide_id", "number").values_list("guide_id", "heading", "body")
    )
    dumped = {}
    for slug, obj in records.items():
        data = {
            **dump_columns(obj, SPEC, body=False),
            "topic": topics[obj.topic_id],
            "also_in": also_in.get(obj.pk, []),
            "tags": tags.get(obj.pk, []),
            "citations": dump_citations(citations.get(obj.pk, [])),
            "related": [{"guide": g, "reason": r} for g, r in related.get(obj.pk, [])],
            "intro": obj.body.strip(),
            "sections": [{"heading": h, "body": b.strip()} for h, b in sections.get(obj.pk, [])],
        }
        dumped[slug] = drop_empty_applies_to(data)
    return dumped


def _set_columns(obj: Guide, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC, body=False)
    obj.topic = slugs["topics"][data["topic"]]
    obj.body = data["intro"]


def section_rows(data: dict) -> list[dict]:
    headings = [s["heading"] for s in data["sections"]]
    return [
        {"number": n, "heading": s["heading"], "anchor": a, "body": s["body"]}
        for n, (s, a) in enumerate(zip(data["sections"], section_anchors(headings), strict=True), 1)
    ]


def write(obj: Guide, data: dict, slugs) -> None:
    _set_columns(obj, data, slugs)
    obj.save()
    obj.other_topics.set([slugs["topics"][s] for s in data["also_in"]])
    obj.tags.set(data["tags"], clear=True)
    sync_rows(
        obj.sections.all(),
        section_rows(data),
        create=lambda values: Section(guide=obj, **values),
        key="number",
    )
    write_citations(
        obj.citations.all(),
        data["citations"],
        slugs,
        create=lambda values: Citation(guide=obj, **values),
    )


def write_many(items: list[tuple[Guide, dict]], slugs) -> None:
    """`write` for many guides at once, in a fixed number of queries (core.loader.bulk)."""
    for obj, data in items:
        _set_columns(obj, data, slugs)
    bulk.save_records([obj for obj, _ in items])
    bulk.set_relations(
        [(obj, [slugs["topics"][s].pk for s in data["also_in"]]) for obj, data in items],
        "other_topics",
    )
    bulk.set_tags([(obj, data["tags"]) for obj, data in items])
    bulk.sync_children(
        Section, "guide", [(obj, section_rows(data)) for obj, data in items], key="number"
    )
    bulk.sync_children(
        Citation, "guide", [(obj, citation_rows(data["citations"], slugs)) for obj, data in items]
    )


def markdown_texts(items: list[dict]) -> list[str]:
    """What write_many renders, in its order: every introduction, then every section."""
    return [data["intro"] for data in items] + [
        section["body"] for data in items for section in data["sections"]
    ]


def write_related(written: list[tuple[Guide, dict]], slugs) -> None:
    """Related guides are written once every guide exists: a guide's list is rewritten
    when it differs (its pairs may move), all guides' lists in a few queries."""
    current: dict[int, list[tuple]] = {obj.pk: [] for obj, _ in written}
    pks = list(current)
    for start in range(0, len(pks), bulk.BATCH):
        rows = RelatedGuide.objects.filter(from_guide__in=pks[start : start + bulk.BATCH])
        for row in rows.order_by("from_guide", "order").values_list(
            "from_guide_id", "to_guide_id", "reason", "order"
        ):
            current[row[0]].append(row[1:])
    rewrite, create = [], []
    for obj, data in written:
        wanted = [
            (slugs["guides"][r["guide"]].pk, r["reason"], n)
            for n, r in enumerate(data["related"], start=1)
        ]
        if current[obj.pk] == wanted:
            continue
        if current[obj.pk]:
            rewrite.append(obj.pk)
        create += [
            RelatedGuide(from_guide=obj, to_guide_id=to, reason=reason, order=n)
            for to, reason, n in wanted
        ]
    for start in range(0, len(rewrite), bulk.BATCH):
        RelatedGuide.objects.filter(from_guide__in=rewrite[start : start + bulk.BATCH]).delete()
    RelatedGuide.objects.bulk_create(create, batch_size=bulk.BATCH)


def translate(obj: Guide, data: dict, language: str) -> list:
    """A translation's texts on the guide, its sections, citation notes and related reasons
    (a translation keeps the English file's sections and lists, in order)."""
    obj.set_translation(
        language,
        **column_texts(obj, data, SPEC),
        body=data["intro"],
        body_html=render_translation(data["intro"], language),
    )
    sections = list(obj.sections.all())
    for section, item in zip(sections, data["sections"], strict=False):
        section.set_translation(
            language,
            heading=item["heading"],
            body=item["body"],
            body_html=render_translation(item["body"], language),
        )
    return [
        obj,
        *sections,
        *translate_citations(obj.citations.all(), data["citations"], language),
        *translate_items(obj.related_links.all(), data["related"], language, reason="reason"),
    ]


def split_sections(body: str, first_line: int, cleaner: Cleaner) -> dict:
    """Split a guide body at its `## ` headings: {intro, sections: [{heading, body}]}."""
    intro: list[str] = []
    sections: list[dict] = []
    current: list[str] = intro
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            heading = line[3:].strip().rstrip("#").strip()
            current = []
            sections.append({"heading": heading, "body": current, "line": first_line + offset})
            continue
        current.append(line)
    cleaned = []
    for section in sections:
        text = "\n".join(section["body"]).strip()
        if not section["heading"]:
            cleaner.problem(section["line"], "a section heading ('## ') has no text")
        if not text:
            cleaner.problem(section["line"], f"the section '{section['heading']}' has no text")
        cleaned.append({"heading": section["heading"], "body": text})
    if not sections:
        cleaner.problem(first_line, "a guide needs sections: start each one with a '## ' heading")
    return {"intro": "\n".join(intro).strip(), "sections": cleaned}


def join_sections(data: dict) -> str:
    return "\n\n".join(
        [data["intro"], *(f"## {s['heading']}\n\n{s['body']}" for s in data["sections"])]
    ).strip()


def section_anchors(headings: list[str]) -> list[str]:
    """Stable, unique #fragments for a guide's section headings."""
    anchors: list[str] = []
    for heading in headings:
        base = slugify(heading)[:100] or "section"
        anchor, n = base, 2
        while anchor in anchors:
            anchor, n = f"{base}-{n}", n + 1
        anchors.append(anchor)
    return anchors


def normalise(data: dict) -> dict:
    data["citations"] = normalise_citations(data["citations"])
    return drop_empty_applies_to(data)


def check_file(file, record, cleaner) -> None:
    """Every amount and time limit in the text carries a reference to a citation."""
    check_references(file.body, file.body_line, len(record.data["citations"]), cleaner)


def check_not_related_to_itself(content) -> list[Problem]:
    return [
        Problem(ref.path, ref.line, "a guide cannot be related to itself")
        for record in content.of("guides").values()
        for ref in record.refs
        if ref.kind == "guides" and ref.slug == record.slug
    ]


def links():
    """The links in published guides' introductions and sections."""
    for guide in Guide.objects.published().prefetch_related("sections"):
        for text in [guide.body, *(s.body for s in guide.sections.all())]:
            for target, _line in find_links(text, 1):
                yield guide, target


def search_entries():
    # Tag names in one query: taggit's prefetch builds a query set per guide (0.5 ms each).
    tags = bulk.tag_names(Guide)
    for guide in Guide.objects.published().prefetch_related("sections"):
        body = " ".join(
            [
                plain_text(guide.body_html),
                *(f"{s.heading}. {plain_text(s.body_html)}" for s in guide.sections.all()),
            ]
        )
        yield SearchDoc(
            kind="guide",
            url=guide.get_absolute_url(),
            title=guide.title,
            summary=guide.summary,
            body=body,
            headings=" · ".join(s.heading for s in guide.sections.all()),
            keywords=" ".join(tags.get(guide.pk, ())),
        )


KIND = ContentKind(
    name="guides",
    label="guide",
    model=Guide,
    spec=SPEC,
    translate=translate,
    queryset=queryset,
    dump=dump,
    dump_all=dump_all,
    write=write,
    write_many=write_many,
    markdown_texts=markdown_texts,
    after_write=write_related,
    parse_body=split_sections,
    render_body=join_sections,
    normalise=normalise,
    check_file=check_file,
    check_set=check_not_related_to_itself,
    detail_view="guides:detail",
    index_view="guides:index",
    search=SearchSpec("guide", "Guide", 1.5, search_entries),
    links=links,
    sitemap_priority=0.9,
    editor_models=(Section, Citation, RelatedGuide),
)
