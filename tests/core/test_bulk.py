"""The bulk paths of the loader give exactly what the record-by-record paths give."""

import pytest

from core import registry
from core.loader.sync import dump, existing
from faq.models import Question
from guides.models import Guide, Section

pytestmark = pytest.mark.django_db

BULK_KINDS = [kind for kind in registry.kinds() if kind.write_many or kind.dump_all]


def prefetched_dumps(kind):
    return {obj.slug: dump(kind, obj) for obj in kind.queryset()}


def test_the_bulk_kinds_are_the_big_ones():
    assert {kind.name for kind in BULK_KINDS} == {"guides", "faq"}


@pytest.mark.parametrize("kind", BULK_KINDS, ids=str)
def test_dump_all_is_dump_of_every_record(loaded, kind):
    assert kind.dump_all(existing(kind)) == prefetched_dumps(kind)


def rendered():
    return (
        sorted(Guide.objects.values_list("slug", "body_html", "source_hash")),
        sorted(Section.objects.values_list("guide__slug", "number", "anchor", "body_html")),
        sorted(Question.objects.values_list("slug", "body_html", "source_hash")),
    )


def test_write_many_writes_what_write_writes(load, monkeypatch):
    load()
    by_bulk = {kind.name: prefetched_dumps(kind) for kind in BULK_KINDS}
    bulk_html = rendered()
    Question.objects.all().delete()
    Guide.objects.all().delete()
    for kind in BULK_KINDS:
        monkeypatch.setattr(kind, "write_many", None)
    load("--force")  # the glossary and plan lost their guides with them
    assert {kind.name: prefetched_dumps(kind) for kind in BULK_KINDS} == by_bulk
    assert rendered() == bulk_html


def test_write_many_updates_in_place_and_keeps_ids(load, content_dir):
    load()
    ids = dict(Section.objects.values_list("guide__slug", "id").filter(number=1))
    path = content_dir / "guides/get-digid.md"
    text = path.read_text().replace("reviewed: 2026-10-15", "reviewed: 2026-10-15\ntags: [new-tag]")
    path.write_text(text.replace("Applying for", "Applying online for"), encoding="utf-8")
    out = load()
    assert "guides   created    0  updated    1" in out
    assert dict(Section.objects.values_list("guide__slug", "id").filter(number=1)) == ids
    guide = Guide.objects.get(slug="get-digid")
    assert list(guide.tags.names()) == ["new-tag"] and guide.summary.startswith("Applying online")
    assert "Nothing changed." in load()
