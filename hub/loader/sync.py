"""Writing a validated content set to the database, in one transaction.

Each kind has a `dump` (database → data, in the loader's shape) and a `write` (data →
database, updating rows in place). A record's `source_hash` is the hash of the data last
loaded into it; when the hash of its dump differs, someone edited it in admin since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch

from faq.models import Question
from guides.models import Citation, Guide, RelatedGuide, Section
from hub.models import GlossaryTerm, Step, StepGuide
from knm.models import Option, Theme
from knm.models import Question as KnmQuestion
from sources.models import Source
from topics.models import CollectionEntry, SourceCollection, Topic

from .content import KINDS, ContentSet, section_anchors


def data_hash(data: dict) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# ---- database → data -------------------------------------------------------------------


def dump_source(obj: Source) -> dict:
    return {
        "title": obj.title,
        "full_name": obj.full_name,
        "url": obj.url,
        "kind": obj.kind,
        "summary": obj.summary,
        "published": obj.published,
        "body": obj.body.strip(),
    }


def dump_topic(obj: Topic) -> dict:
    return {
        "title": obj.title,
        "order": obj.order,
        "summary": obj.summary,
        "key_points": obj.key_point_list,
        "published": obj.published,
        "body": obj.body.strip(),
        "collections": [
            {
                "slug": c.slug,
                "title": c.title,
                "intro": c.intro,
                "entries": [
                    {"source": e.source.slug, "name": e.name, "label": e.label, "note": e.note}
                    for e in c.entries.all()
                ],
            }
            for c in obj.collections.all()
        ],
    }


def dump_guide(obj: Guide) -> dict:
    return {
        "title": obj.title,
        "summary": obj.summary,
        "topic": obj.topic.slug,
        "also_in": [t.slug for t in obj.other_topics.all()],
        "reviewed": obj.reviewed.isoformat() if isinstance(obj.reviewed, dt.date) else obj.reviewed,
        "order": obj.order,
        "published": obj.published,
        "tags": sorted(t.name for t in obj.tags.all()),
        "citations": [
            {"source": c.source.slug, "note": c.note, "url": c.url} for c in obj.citations.all()
        ],
        "related": [
            {"guide": r.to_guide.slug, "reason": r.reason} for r in obj.related_links.all()
        ],
        "intro": obj.body.strip(),
        "sections": [{"heading": s.heading, "body": s.body.strip()} for s in obj.sections.all()],
    }


def dump_question(obj: Question) -> dict:
    guides = [g.slug for g in obj.guides.all()]
    if obj.read_more_id:
        first = obj.read_more.slug
        guides = [first, *[g for g in guides if g != first]]
    return {
        "title": obj.title,
        "guides": guides,
        "topics": sorted(t.slug for t in obj.topics.all()),
        "sources": sorted(s.slug for s in obj.sources.all()),
        "home": obj.home,
        "order": obj.order,
        "published": obj.published,
        "tags": sorted(t.name for t in obj.tags.all()),
        "body": obj.body.strip(),
    }


def dump_theme(obj: Theme) -> dict:
    return {
        "title": obj.title,
        "dutch_title": obj.dutch_title,
        "order": obj.order,
        "summary": obj.summary,
        "published": obj.published,
        "body": obj.body.strip(),
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
            }
            for q in obj.questions.all()
        ],
    }


def dump_term(obj: GlossaryTerm) -> dict:
    return {
        "title": obj.title,
        "abbreviation_of": obj.abbreviation_of,
        "english": obj.english,
        "aliases": obj.alias_list,
        "guide": obj.guide.slug if obj.guide_id else "",
        "mark": obj.mark,
        "published": obj.published,
        "body": obj.body.strip(),
    }


def dump_step(obj: Step) -> dict:
    return {
        "title": obj.title,
        "order": obj.order,
        "summary": obj.summary,
        "guides": [link.guide.slug for link in obj.step_guides.all()],
        "published": obj.published,
        "body": obj.body.strip(),
    }


def existing(kind: str) -> dict[str, object]:
    """Every record of a kind, with what its dump needs, by slug."""
    if kind == "sources":
        qs = Source.objects.all()
    elif kind == "topics":
        qs = Topic.objects.prefetch_related(
            Prefetch(
                "collections",
                SourceCollection.objects.order_by("order").prefetch_related(
                    Prefetch(
                        "entries",
                        CollectionEntry.objects.select_related("source").order_by("order"),
                    )
                ),
            )
        )
    elif kind == "guides":
        qs = Guide.objects.select_related("topic").prefetch_related(
            Prefetch("other_topics", Topic.objects.order_by("slug")),
            "tags",
            Prefetch("citations", Citation.objects.select_related("source").order_by("order")),
            Prefetch(
                "related_links", RelatedGuide.objects.select_related("to_guide").order_by("order")
            ),
            Prefetch("sections", Section.objects.order_by("number")),
        )
    elif kind == "glossary":
        qs = GlossaryTerm.objects.select_related("guide")
    elif kind == "steps":
        qs = Step.objects.prefetch_related(
            Prefetch("step_guides", StepGuide.objects.select_related("guide").order_by("order"))
        )
    elif kind == "knm":
        qs = Theme.objects.prefetch_related(
            Prefetch(
                "questions",
                KnmQuestion.objects.order_by("order").prefetch_related(
                    Prefetch("options", Option.objects.order_by("position"))
                ),
            )
        )
    else:
        qs = Question.objects.select_related("read_more").prefetch_related(
            Prefetch("guides", Guide.objects.order_by("slug")), "topics", "sources", "tags"
        )
    return {obj.slug: obj for obj in qs}


DUMPS = {
    "sources": dump_source,
    "topics": dump_topic,
    "guides": dump_guide,
    "faq": dump_question,
    "knm": dump_theme,
    "glossary": dump_term,
    "steps": dump_step,
}
MODELS = {
    "sources": Source,
    "topics": Topic,
    "guides": Guide,
    "faq": Question,
    "knm": Theme,
    "glossary": GlossaryTerm,
    "steps": Step,
}


# ---- data → database -------------------------------------------------------------------


def normalise(kind: str, data: dict) -> dict:
    """The file's data in the exact shape its dump will have after writing."""
    data = dict(data)
    if kind == "guides":
        data["also_in"] = sorted(data["also_in"])
    if kind == "faq":
        data["topics"] = sorted(data["topics"])
        data["sources"] = sorted(data["sources"])
        # The first guide is "read more"; the order of the others carries no meaning.
        data["guides"] = data["guides"][:1] + sorted(data["guides"][1:])
    return data


def _set_fields(obj, data: dict, names: list[str]):
    for name in names:
        setattr(obj, name, data[name])


def write_source(obj: Source, data: dict, slugs):
    _set_fields(obj, data, ["title", "full_name", "url", "kind", "summary", "published", "body"])
    obj.save()


def write_topic(obj: Topic, data: dict, slugs):
    _set_fields(obj, data, ["title", "order", "summary", "published", "body"])
    obj.key_points = "\n".join(data["key_points"])
    obj.save()
    keep = []
    for number, item in enumerate(data["collections"], start=1):
        collection, _ = SourceCollection.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "topic": obj,
                "title": item["title"],
                "intro": item["intro"],
                "order": number,
            },
        )
        keep.append(collection.pk)
        _sync_rows(
            collection.entries.all(),
            [
                {
                    "source": slugs["sources"][e["source"]],
                    "name": e["name"],
                    "label": e["label"],
                    "note": e["note"],
                    "order": n,
                }
                for n, e in enumerate(item["entries"], start=1)
            ],
            create=lambda values, c=collection: CollectionEntry(collection=c, **values),
        )
    obj.collections.exclude(pk__in=keep).delete()


def write_guide(obj: Guide, data: dict, slugs):
    _set_fields(obj, data, ["title", "summary", "order", "published"])
    obj.topic = slugs["topics"][data["topic"]]
    obj.reviewed = dt.date.fromisoformat(data["reviewed"])
    obj.body = data["intro"]
    obj.save()
    obj.other_topics.set([slugs["topics"][s] for s in data["also_in"]])
    obj.tags.set(data["tags"], clear=True)
    headings = [s["heading"] for s in data["sections"]]
    _sync_rows(
        obj.sections.all(),
        [
            {"number": n, "heading": s["heading"], "anchor": a, "body": s["body"]}
            for n, (s, a) in enumerate(
                zip(data["sections"], section_anchors(headings), strict=True), 1
            )
        ],
        create=lambda values: Section(guide=obj, **values),
        key="number",
    )
    _sync_rows(
        obj.citations.all(),
        [
            {
                "source": slugs["sources"][c["source"]],
                "note": c["note"],
                "url": c["url"],
                "order": n,
            }
            for n, c in enumerate(data["citations"], start=1)
        ],
        create=lambda values: Citation(guide=obj, **values),
    )


def write_guide_links(obj: Guide, data: dict, slugs):
    """Related guides are written after every guide exists."""
    wanted = [
        {"to_guide": slugs["guides"][r["guide"]], "reason": r["reason"], "order": n}
        for n, r in enumerate(data["related"], start=1)
    ]
    current = list(obj.related_links.all())
    if [(r.to_guide_id, r.reason, r.order) for r in current] == [
        (w["to_guide"].pk, w["reason"], w["order"]) for w in wanted
    ]:
        return
    obj.related_links.all().delete()  # a unique pair may move position: rewrite the small list
    RelatedGuide.objects.bulk_create(RelatedGuide(from_guide=obj, **w) for w in wanted)


def write_question(obj: Question, data: dict, slugs):
    _set_fields(obj, data, ["title", "home", "order", "published", "body"])
    obj.read_more = slugs["guides"][data["guides"][0]] if data["guides"] else None
    obj.save()
    obj.guides.set([slugs["guides"][s] for s in data["guides"]])
    obj.topics.set([slugs["topics"][s] for s in data["topics"]])
    obj.sources.set([slugs["sources"][s] for s in data["sources"]])
    obj.tags.set(data["tags"], clear=True)


def write_theme(obj: Theme, data: dict, slugs):
    _set_fields(obj, data, ["title", "dutch_title", "order", "summary", "published", "body"])
    obj.save()
    current = {
        q.qid: q for q in KnmQuestion.objects.filter(qid__in=[q["id"] for q in data["questions"]])
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
        }
        question = current.get(item["id"])
        if question is None:
            question = KnmQuestion.objects.create(qid=item["id"], **values)
        elif any(getattr(question, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(question, name, value)
            question.save()
        _sync_rows(
            question.options.all(),
            [
                {"position": n, "text_nl": o["nl"], "text_en": o["en"], "is_correct": o["correct"]}
                for n, o in enumerate(item["options"], start=1)
            ],
            create=lambda values, q=question: Option(question=q, **values),
            key="position",
        )
    obj.questions.exclude(qid__in=[q["id"] for q in data["questions"]]).delete()


def write_term(obj: GlossaryTerm, data: dict, slugs):
    _set_fields(obj, data, ["title", "abbreviation_of", "english", "mark", "published", "body"])
    obj.aliases = "\n".join(data["aliases"])
    obj.guide = slugs["guides"][data["guide"]] if data["guide"] else None
    obj.save()


def write_step(obj: Step, data: dict, slugs):
    _set_fields(obj, data, ["title", "summary", "published", "body"])
    # Step numbers are unique: park the old number while steps are renumbered.
    obj.order = data["order"] + 100000
    obj.save()
    wanted = [slugs["guides"][g].pk for g in data["guides"]]
    if [link.guide_id for link in obj.step_guides.order_by("order")] != wanted:
        obj.step_guides.all().delete()  # a unique pair may move position: rewrite the small list
        StepGuide.objects.bulk_create(
            StepGuide(step=obj, guide_id=pk, order=n) for n, pk in enumerate(wanted, start=1)
        )


def _sync_rows(queryset, wanted: list[dict], create, key="order"):
    """Make a record's child rows equal `wanted`, updating rows in place by position."""
    current = {getattr(row, key): row for row in queryset}
    for values in wanted:
        row = current.pop(values[key], None)
        if row is None:
            create(values).save()
            continue
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save()
    for row in current.values():
        row.delete()


WRITERS = {
    "sources": write_source,
    "topics": write_topic,
    "guides": write_guide,
    "faq": write_question,
    "knm": write_theme,
    "glossary": write_term,
    "steps": write_step,
}


# ---- the load --------------------------------------------------------------------------


@dataclass
class Conflict:
    kind: str
    slug: str
    path: str
    fields: list[str]

    def __str__(self):
        what = ", ".join(self.fields) if self.fields else "its fields"
        return f"{self.path}: edited in admin since the last load (changed: {what})"


@dataclass
class LoadResult:
    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    conflicts: list[Conflict] = field(default_factory=list)
    kept: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    written: bool = False

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] or c["removed"] for c in self.counts.values())


def current_hashes(current: dict[str, dict]) -> dict[str, dict[str, str]]:
    """The hash of every existing record's present state, computed once per load."""
    return {
        kind: {slug: data_hash(DUMPS[kind](obj)) for slug, obj in current[kind].items()}
        for kind in KINDS
    }


def find_conflicts(
    content: ContentSet, current: dict[str, dict], hashes: dict[str, dict]
) -> list[Conflict]:
    conflicts = []
    for kind in KINDS:
        for slug, obj in current[kind].items():
            if obj.source_hash and hashes[kind][slug] == obj.source_hash:
                continue
            record = content.records[kind].get(slug)
            path = record.path if record else f"content/{kind}/{slug}.md"
            if not obj.source_hash:
                if record is None:
                    continue  # made in admin and not in content/: left alone
                conflicts.append(Conflict(kind, slug, path, ["made in admin, also in content/"]))
                continue
            dumped = DUMPS[kind](obj)
            wanted = normalise(kind, record.data) if record else {}
            fields = sorted(k for k in dumped if not record or dumped.get(k) != wanted.get(k))
            conflicts.append(Conflict(kind, slug, path, fields))
    return conflicts


def sync_content(content: ContentSet, *, force: bool = False) -> LoadResult:
    """Write `content` to the database in one transaction (or nothing, if in conflict)."""
    result = LoadResult()
    with transaction.atomic():
        current = {kind: existing(kind) for kind in KINDS}
        hashes = current_hashes(current)
        result.conflicts = find_conflicts(content, current, hashes)
        if result.conflicts and not force:
            return result
        slugs: dict[str, dict] = {kind: dict(current[kind]) for kind in KINDS}
        pending_links = []
        for kind in KINDS:
            model = MODELS[kind]
            for slug, record in content.records[kind].items():
                data = normalise(kind, record.data)
                digest = data_hash(data)
                obj = current[kind].get(slug)
                if obj is not None and obj.source_hash == digest == hashes[kind][slug]:
                    result.counts[kind]["unchanged"] += 1
                    continue
                result.counts[kind]["updated" if obj else "created"] += 1
                obj = obj or model(slug=slug)
                obj.source_path = record.path
                obj.source_hash = digest
                WRITERS[kind](obj, data, slugs)
                slugs[kind][slug] = obj
                if kind == "guides":
                    pending_links.append((obj, data))
            if kind == "guides":
                for obj, data in pending_links:
                    write_guide_links(obj, data, slugs)
        for kind in reversed(KINDS):
            for slug, obj in current[kind].items():
                if slug in content.records[kind]:
                    continue
                if not obj.source_path:
                    result.kept[kind].append(slug)
                    continue
                obj.delete()
                result.counts[kind]["removed"] += 1
        for step in Step.objects.filter(order__gte=100000):
            Step.objects.filter(pk=step.pk).update(order=step.order - 100000)
        result.written = True
    return result
