"""The content-kind registry: every kind of record is described once, in its own app.

A kind (topics, guides, KNM themes …) says in its `content.py` where its files live, what
their front matter may hold (a spec of `Field`s), which model stores it, how a record is
read from and written to the database, and what it gives the site: search entries, sitemap
items, the models editors manage. Its `AppConfig.ready()` registers it. The loader, search,
sitemaps and the editors' group ask this registry and know no kind by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db import models
    from django.db.models import QuerySet

    from .loader.files import ContentFile, Problem
    from .loader.read import ContentSet, Record
    from .loader.schema import Cleaner, Field


@dataclass(frozen=True)
class SearchDoc:
    """One page as the site search indexes it."""

    kind: str
    url: str
    title: str
    summary: str = ""
    body: str = ""
    keywords: str = ""
    headings: str = ""  # section headings: they say what a page is about


@dataclass(frozen=True)
class SearchSpec:
    """What a kind gives the site search: its pages, and how they are labelled and ranked."""

    kind: str  # the short name stored with each entry: "guide"
    label: str  # shown beside a result: "Guide"
    boost: float  # ranking weight against other kinds (1.0 is neutral)
    entries: Callable[[], Iterable[SearchDoc]]


Slugs = dict[str, dict[str, Any]]  # kind name → slug → saved model instance


@dataclass(eq=False)
class ContentKind:
    """One kind of content record, as files in `content/<name>/` and rows of `model`."""

    name: str  # the folder under content/ and the kind's key: "guides"
    label: str  # one record, in messages: "guide"
    model: type[models.Model]
    spec: dict[str, Field]
    # Every record with what `dump` needs, by slug (prefetches go here).
    queryset: Callable[[], QuerySet] | None = None
    # Database → data in the loader's shape; data → database (update in place, then save).
    # Left out: the spec's plain fields and the Markdown body do it all (see loader.columns).
    dump: Callable[[Any], dict] | None = None
    # `dump` for every record at once, in a fixed number of queries: given the records by
    # slug (plain rows, nothing prefetched), their data by slug. Same result as `dump`.
    dump_all: Callable[[dict[str, Any]], dict[str, dict]] | None = None
    write: Callable[[Any, dict, Slugs], None] | None = None
    # `write` for all of a load's changed records of the kind at once (a fixed number of
    # queries; see loader.bulk), for kinds with thousands of records. Same result as `write`.
    write_many: Callable[[list[tuple[Any, dict]], Slugs], None] | None = None
    # The Markdown texts `write_many` renders for these records' data, in the order it
    # renders them: rendered ahead in worker processes while the load writes (loader.sync).
    markdown_texts: Callable[[list[dict]], list[str]] | None = None
    # Runs once after every kind is written and removed records are gone, with the records
    # of this kind that were written: links between records of one kind, renumbering.
    after_write: Callable[[list[tuple[Any, dict]], Slugs], None] | None = None
    # Reading files: the body (default: Markdown in data["body"]), the message when a body
    # is required but empty, rules for one file beyond field types, rules across the set.
    parse_body: Callable[[str, int, Cleaner], dict] | None = None
    render_body: Callable[[dict], str] | None = None
    body_required: str = ""
    check_file: Callable[[ContentFile, Record, Cleaner], None] | None = None
    check_set: Callable[[ContentSet], list[Problem]] | None = None
    unique: tuple[tuple[str, str], ...] = ()  # (data key, what it is) unique within the kind
    # The data as its dump will look after writing (order-free lists sorted, and so on).
    normalise: Callable[[dict], dict] | None = None
    # The site: a record's page (URL name taking `slug`), the kind's index page, search,
    # sitemap priority, and every model editors add, change and delete for this kind.
    detail_view: str = ""
    index_view: str = ""
    search: SearchSpec | None = None
    sitemap_priority: float | None = None
    editor_models: tuple[type[models.Model], ...] = ()
    # Words other pages are found by, such as a glossary term's names for its guide: url → words.
    search_keywords: Callable[[], dict[str, list[str]]] | None = None
    # Every link on this kind's published pages, as (the record that holds it, target).
    # Left out: the links in published records' Markdown body (see core.linked).
    links: Callable[[], Iterable[tuple[Any, str]]] | None = None
    # Translations (content/<language>/<name>/): put a translation's texts on the record and
    # the rows that belong to it (`set_translation`), and return every instance changed.
    # Left out: the kind is not translated. `translation_spec`: what a translation file holds
    # when it is less than a copy of the English one; `check_translation`: what else must
    # match the English data, as messages.
    translate: Callable[[Any, dict, str], list] | None = None
    translation_spec: dict[str, Field] | None = None
    check_translation: Callable[[dict, dict], list[str]] | None = None

    def __str__(self):
        return self.name


_KINDS: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> ContentKind:
    if kind.name in _KINDS and _KINDS[kind.name] is not kind:
        raise ValueError(f"a content kind called '{kind.name}' is registered already")
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> ContentKind:
    return _KINDS[name]


def for_model(model) -> ContentKind | None:
    """The kind whose records are stored in `model`, if any."""
    return next((kind for kind in _KINDS.values() if kind.model is model), None)


def kinds() -> list[ContentKind]:
    """Every registered kind, in write order: a kind comes after the kinds it refers to."""
    return _write_order(list(_KINDS.values()))


def _referenced_kinds(spec: dict[str, Field]) -> set[str]:
    """The kinds a spec refers to, nested records included."""
    found = set()
    for fspec in spec.values():
        if fspec.ref:
            found.add(fspec.ref)
        found |= _referenced_kinds(fspec.fields)
    return found


def _write_order(registered: list[ContentKind]) -> list[ContentKind]:
    ordered: list[ContentKind] = []
    pending = list(registered)
    while pending:
        for kind in pending:
            needs = _referenced_kinds(kind.spec) - {kind.name}
            if needs <= {k.name for k in ordered} | (needs - set(_KINDS)):
                ordered.append(kind)
                pending.remove(kind)
                break
        else:
            names = ", ".join(k.name for k in pending)
            raise ValueError(f"content kinds refer to each other in a circle: {names}")
    return ordered
