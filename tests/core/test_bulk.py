"""The bulk paths of the loader give exactly what the record-by-record paths give."""

import pytest

from core import registry
from core.loader.sync import dump, existing
from faq.models import Question
from guides.models import Guide, Section
from knm.models import Theme
from steps.models import Step
from topics.models import Topic

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


@pytest.mark.parametrize(
    "model",
    [Guide, Question, Theme, Topic, Step],
    ids=lambda m: f"{m._meta.app_label}.{m.__name__}",
)
def test_a_load_records_the_revision_reversion_itself_would(loaded, model):
    import reversion
    from reversion.models import Version

    obj = model.objects.order_by("pk").first()
    loaded_revision = Version.objects.get_for_object(obj).first().revision
    with reversion.create_revision():
        reversion.add_to_revision(obj)
    own_revision = Version.objects.get_for_object(obj).first().revision
    assert own_revision != loaded_revision

    def contents(revision):
        return sorted(
            (v.content_type_id, v.object_id, v.db, v.format, v.serialized_data, v.object_repr)
            for v in revision.version_set.all()
        )

    assert len(contents(loaded_revision)) > 1  # sections, citations … followed
    assert contents(loaded_revision) == contents(own_revision)
    assert loaded_revision.comment == f"Loaded from {obj.source_path}"


def test_many_texts_render_in_worker_processes_as_one_by_one(monkeypatch):
    from core import markdown

    texts = [f"Text **{n}** with a [link](/guides/x/) and 'quotes'." for n in range(60)]
    monkeypatch.setattr(markdown, "PARALLEL_FROM", 10)
    assert markdown.render_many(texts) == [markdown.render_markdown(t) for t in texts]


def test_texts_rendered_ahead_are_the_ones_rendered_one_by_one(monkeypatch):
    from core import markdown

    texts = [f"Text **{n}** with 'quotes' -- and more." for n in range(60)]
    monkeypatch.setattr(markdown, "PARALLEL_FROM", 10)
    with markdown.rendering_ahead(texts[:50]):
        # Asked in another order and with texts not rendered ahead: all still right.
        got = markdown.render_many([*reversed(texts[:50]), *texts[50:]])
    assert got == [markdown.render_markdown(t) for t in [*reversed(texts[:50]), *texts[50:]]]
    assert markdown._ahead is None  # the workers are gone after the block


def test_a_load_rendering_ahead_writes_what_a_load_one_by_one_writes(load, monkeypatch):
    from core import markdown
    from faq.models import Question as QuickAnswer

    def rendered():
        return (
            sorted(Guide.objects.values_list("slug", "body_html")),
            sorted(Section.objects.values_list("guide__slug", "number", "body_html")),
            sorted(QuickAnswer.objects.values_list("slug", "body_html")),
        )

    asked = []
    real = markdown._Ahead.html

    def noting(self, texts):
        asked.extend(texts)
        return real(self, texts)

    monkeypatch.setattr(markdown, "PARALLEL_FROM", 2)
    monkeypatch.setattr("core.workers.cores", lambda: 2)  # workers even on a one-core machine
    monkeypatch.setattr(markdown._Ahead, "html", noting)
    load()
    ahead = rendered()
    assert asked and all(html for *_, html in ahead[1])  # every section rendered
    Guide.objects.all().delete()
    QuickAnswer.objects.all().delete()
    monkeypatch.setattr(markdown, "PARALLEL_FROM", 10**9)
    load("--force")
    assert rendered() == ahead
