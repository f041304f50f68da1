"""Topics as content: `content/topics/<slug>.md`, a theme with its source collections."""

from django.db.models import Prefetch

from core.loader.columns import dump_columns, set_columns, sync_rows
from core.loader.files import Problem
from core.loader.schema import PUBLISHED, Field
from core.loader.translating import translate_items, translate_record
from core.registry import ContentKind, SearchDoc, SearchSpec
from core.text import plain_text

from .models import CollectionEntry, SourceCollection, Topic

SPEC = {
    "title": Field("text", required=True),
    "order": Field("int", required=True, default=100),
    "summary": Field("text", required=True),
    "key_points": Field("texts", required=True, count=3, joined=True),
    "published": PUBLISHED,
    "collections": Field(
        "records",
        required=True,
        min_items=1,
        fields={
            "slug": Field("slug", required=True),
            "title": Field("text", required=True),
            "intro": Field("text", required=True),
            "entries": Field(
                "records",
                required=True,
                min_items=1,
                fields={
                    "source": Field("ref", required=True, ref="sources"),
                    "name": Field("text"),
                    "label": Field("text", required=True),
                    "note": Field("text", required=True),
                },
            ),
        },
    ),
}


def queryset():
    return Topic.objects.prefetch_related(
        Prefetch(
            "collections",
            SourceCollection.objects.order_by("order").prefetch_related(
                Prefetch(
                    "entries", CollectionEntry.objects.select_related("source").order_by("order")
                )
            ),
        )
    )


def dump(obj: Topic) -> dict:
    return {
        **dump_columns(obj, SPEC),
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


def write(obj: Topic, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC)
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
        sync_rows(
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


def note_collection_lines(file, record, cleaner) -> None:
    """Remember the line of each collection's slug, for messages about it."""
    raw = file.meta.get("collections")
    for index in range(len(record.data["collections"])):
        item = raw[index] if isinstance(raw, list) and index < len(raw) else None
        record.item_lines.append(item.line_of("slug") if hasattr(item, "line_of") else 1)


def check_collection_slugs(content) -> list[Problem]:
    """Collection slugs are unique across all topics (they are the #fragments)."""
    problems = []
    seen: dict[str, str] = {}
    for topic in content.of("topics").values():
        for index, collection in enumerate(topic.data["collections"]):
            slug = collection["slug"]
            if not slug:
                continue
            line = topic.item_lines[index] if index < len(topic.item_lines) else 1
            if slug in seen:
                problems.append(
                    Problem(
                        topic.path,
                        line,
                        f"duplicate collection slug '{slug}' (also used in {seen[slug]})",
                    )
                )
            else:
                seen[slug] = f"{topic.path}:{line}"
    return problems


def search_entries():
    for topic in Topic.objects.published():
        yield SearchDoc(
            kind="topic",
            url=topic.get_absolute_url(),
            title=topic.title,
            summary=topic.summary,
            body=" ".join([*topic.key_point_list, plain_text(topic.body_html)]),
        )


def translate(obj: Topic, data: dict, language: str) -> list:
    """A translation's texts on the topic, its collections and their entries."""
    changed = translate_record(SPEC)(obj, data, language)
    collections = list(obj.collections.all())
    for collection, item in zip(collections, data["collections"], strict=False):
        collection.set_translation(language, title=item["title"], intro=item["intro"])
        changed += translate_items(
            collection.entries.all(),
            item["entries"],
            language,
            name="name",
            label="label",
            note="note",
        )
    return [*changed, *collections]


KIND = ContentKind(
    name="topics",
    label="topic",
    model=Topic,
    spec=SPEC,
    translate=translate,
    queryset=queryset,
    dump=dump,
    write=write,
    check_file=note_collection_lines,
    check_set=check_collection_slugs,
    detail_view="topics:detail",
    index_view="topics:index",
    search=SearchSpec("topic", "Topic", 1.2, search_entries),
    sitemap_priority=0.8,
    editor_models=(SourceCollection, CollectionEntry),
)
