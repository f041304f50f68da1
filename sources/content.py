"""Sources as content: `content/sources/<slug>.md`, one official site or study resource."""

from core.loader.schema import PUBLISHED, Field
from core.loader.translating import translate_record
from core.registry import ContentKind, SearchDoc, SearchSpec
from core.text import plain_text

from .models import Source

SPEC = {
    "name": Field("text", required=True, key="title"),
    "full_name": Field("text"),
    "url": Field("url", required=True),
    "kind": Field("text", required=True, choices=tuple(Source.Kind.values)),
    "summary": Field("text", required=True),
    "published": PUBLISHED,
}


def search_entries():
    for source in Source.objects.published():
        yield SearchDoc(
            kind="source",
            url=source.get_absolute_url(),
            title=source.title,
            summary=source.summary,
            body=plain_text(source.body_html),
            keywords=source.full_name,
        )


KIND = ContentKind(
    name="sources",
    label="source",
    model=Source,
    spec=SPEC,
    translate=translate_record(SPEC),
    detail_view="sources:detail",
    index_view="sources:index",
    search=SearchSpec("source", "Source", 0.9, search_entries),
    sitemap_priority=0.5,
)
