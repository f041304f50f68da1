"""Glossary terms as content: `content/glossary/<slug>.md`, a term and its explanation."""

from core.loader.columns import dump_columns, set_columns
from core.loader.schema import PUBLISHED, Field
from core.loader.translating import translate_record
from core.registry import ContentKind

from .models import GlossaryTerm, Synonym

SPEC = {
    "term": Field("text", required=True, key="title"),
    "abbreviation_of": Field("text"),
    "english": Field("text", required=True),
    "aliases": Field("texts", joined=True),
    "guide": Field("ref", ref="guides"),
    "mark": Field("bool", default=True),
    "published": PUBLISHED,
}


def dump(obj: GlossaryTerm) -> dict:
    return {**dump_columns(obj, SPEC), "guide": obj.guide.slug if obj.guide_id else ""}


def write(obj: GlossaryTerm, data: dict, slugs) -> None:
    set_columns(obj, data, SPEC)
    obj.guide = slugs["guides"][data["guide"]] if data["guide"] else None
    obj.save()


def search_keywords() -> dict[str, list[str]]:
    """A guide is found by the names of the terms it explains."""
    words: dict[str, list[str]] = {}
    for term in (
        GlossaryTerm.objects.published().filter(guide__isnull=False).select_related("guide")
    ):
        words.setdefault(term.guide.get_absolute_url(), []).extend(term.names)
    return words


KIND = ContentKind(
    name="glossary",
    label="glossary term",
    model=GlossaryTerm,
    spec=SPEC,
    translate=translate_record(SPEC),
    queryset=lambda: GlossaryTerm.objects.select_related("guide"),
    dump=dump,
    write=write,
    body_required="the explanation (the text after the front matter) is empty",
    unique=(("title", "glossary term"),),
    detail_view="hub:glossary-term",
    index_view="hub:glossary",
    sitemap_priority=0.4,
    search_keywords=search_keywords,
)


SYNONYM_SPEC = {
    "title": Field("text", required=True),
    "guide": Field("ref", required=True, ref="guides"),
    "words": Field("texts", required=True, min_items=1, joined=True),
    "published": PUBLISHED,
}


def dump_synonym(obj: Synonym) -> dict:
    return {**dump_columns(obj, SYNONYM_SPEC), "guide": obj.guide.slug}


def write_synonym(obj: Synonym, data: dict, slugs) -> None:
    set_columns(obj, data, SYNONYM_SPEC)
    obj.guide = slugs["guides"][data["guide"]]
    obj.save()


def synonym_keywords() -> dict[str, list[str]]:
    """A guide is found by the words editors listed for it."""
    words: dict[str, list[str]] = {}
    for synonym in Synonym.objects.published().select_related("guide"):
        words.setdefault(synonym.guide.get_absolute_url(), []).extend(synonym.word_list)
    return words


SYNONYMS = ContentKind(
    name="synonyms",
    label="search synonym",
    model=Synonym,
    spec=SYNONYM_SPEC,
    queryset=lambda: Synonym.objects.select_related("guide"),
    dump=dump_synonym,
    write=write_synonym,
    search_keywords=synonym_keywords,
)
