"""The content loader: a valid set loads; every problem is named by file and line; a bad
set writes nothing; a second load changes nothing; admin edits are never overwritten."""

import pytest
from django.core.management import CommandError, call_command

from faq.models import Question
from guides.models import Guide, Section
from sources.models import Source
from topics.models import CollectionEntry, SourceCollection, Topic

pytestmark = pytest.mark.django_db


def problems_for(content_dir, capsys):
    """Run the loader, expect it to refuse, and return the problem lines it printed."""
    with pytest.raises(CommandError) as excinfo:
        call_command("load_content", "--content-dir", str(content_dir))
    err = capsys.readouterr().err
    # Warnings (a Dutch translation now behind a broken English file) are not problems.
    return [line for line in err.splitlines() if line and ": warning: " not in line], str(
        excinfo.value
    )


def edit(path, old, new):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_a_valid_set_loads_every_record_and_its_parts(load):
    out = load()
    assert "sources  created    2" in out
    assert "topics   created    2" in out
    assert "guides   created    2" in out
    assert "faq      created    1" in out
    guide = Guide.objects.get(slug="register-your-address")
    assert [s.heading for s in guide.sections.all()] == [
        "Make an appointment",
        "Bring your documents",
        "After the appointment",
    ]
    assert [s.number for s in guide.sections.all()] == [1, 2, 3]
    assert guide.body == "Registering is the first step."
    assert [c.source.slug for c in guide.citations.all()] == ["town-hall", "digid"]
    assert guide.citations.first().url == "https://www.example-municipality.nl/register"
    assert [r.to_guide.slug for r in guide.related_links.all()] == ["get-digid"]
    assert sorted(t.name for t in guide.tags.all()) == ["brp", "registration"]
    assert [t.slug for t in guide.other_topics.all()] == ["exams"]
    assert str(guide.reviewed) == "2026-11-01"
    topic = Topic.objects.get(slug="arrival")
    assert topic.key_point_list == [
        "Register at your address first.",
        "Then get DigiD.",
        "Arrange health insurance.",
    ]
    entry = CollectionEntry.objects.get(
        collection__slug="registration-start", source__slug="town-hall"
    )
    assert (entry.display_name, entry.label) == ("Municipality", "Registration")
    question = Question.objects.get(slug="do-i-need-digid")
    assert question.read_more.slug == "get-digid"
    assert question.home is True


def test_markdown_is_rendered_once_and_sanitised(loaded):
    section = Section.objects.get(guide__slug="register-your-address", number=3)
    assert "<script" not in section.body_html
    assert "You receive your number by post." in section.body_html
    bring = Section.objects.get(guide__slug="register-your-address", number=2)
    assert "<li>passport</li>" in bring.body_html


def test_loading_twice_changes_nothing(load):
    load()
    before = {g.slug: (g.pk, g.updated) for g in Guide.objects.all()}
    section_ids = sorted(Section.objects.values_list("pk", flat=True))
    out = load()
    assert "created    0  updated    0  unchanged    2  removed    0" in out
    assert "Nothing changed." in out
    assert {g.slug: (g.pk, g.updated) for g in Guide.objects.all()} == before
    assert sorted(Section.objects.values_list("pk", flat=True)) == section_ids


def test_an_edited_file_updates_its_record_in_place(load, content_dir):
    load()
    pk = Guide.objects.get(slug="get-digid").pk
    edit(content_dir / "guides/get-digid.md", "## Activate it", "## Activate your DigiD")
    out = load()
    assert "guides   created    0  updated    1  unchanged    1" in out
    guide = Guide.objects.get(slug="get-digid")
    assert guide.pk == pk
    assert guide.sections.get(number=2).heading == "Activate your DigiD"


def test_a_removed_file_removes_its_record(load, content_dir, capsys):
    load()
    (content_dir / "faq/do-i-need-digid.md").unlink()
    # Its Dutch translation goes with it: a translation of nothing is refused.
    problems, _ = problems_for(content_dir, capsys)
    assert problems[0].endswith(
        "content/nl/faq/do-i-need-digid.md:1: translates content/faq/do-i-need-digid.md, "
        "which does not exist: remove the translation or add the English file"
    )
    (content_dir / "nl/faq/do-i-need-digid.md").unlink()
    out = load()
    assert "faq      created    0  updated    0  unchanged    0  removed    1" in out
    assert not Question.objects.exists()


def test_check_only_validates_and_writes_nothing(load):
    out = load("--check")
    assert "Content is valid: 14 records." in out
    assert not Guide.objects.exists()


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "guides/get-digid.md",
            "title: How do you get DigiD?\n",
            "",
            "guides/get-digid.md:2: missing required field 'title'",
        ),
        (
            "guides/get-digid.md",
            "reviewed: 2026-10-15",
            "reviewed: last week",
            "guides/get-digid.md:5: 'reviewed' must be a date written as YYYY-MM-DD",
        ),
        (
            "topics/exams.md",
            "order: 2",
            "order: second",
            "topics/exams.md:3: 'order' must be a whole number of 0 or more, not text",
        ),
        (
            "guides/get-digid.md",
            "topic: arrival",
            "topic: arival",
            "guides/get-digid.md:4: unknown topic 'arival': there is no content/topics/arival.md",
        ),
        (
            "guides/get-digid.md",
            "  - source: digid",
            "  - source: digi-d",
            "guides/get-digid.md:7: unknown source 'digi-d': there is no content/sources/digi-d.md",
        ),
        (
            "guides/get-digid.md",
            "  - guide: register-your-address",
            "  - guide: register-address",
            "guides/get-digid.md:11: unknown guide 'register-address': there is no content/guides/register-address.md",
        ),
        (
            "guides/register-your-address.md",
            "(/guides/get-digid/)",
            "(/guides/get-digi/)",
            "guides/register-your-address.md:25: link '/guides/get-digi/' points to a page that does not exist",
        ),
        (
            "guides/register-your-address.md",
            "(/guides/get-digid/)",
            "(/nowhere/)",
            "guides/register-your-address.md:25: link '/nowhere/' points to a page that does not exist",
        ),
        (
            "guides/get-digid.md",
            "(https://www.digid.nl/)",
            "(http://www.digid.nl/)",
            "guides/get-digid.md:24: link 'http://www.digid.nl/' must use https://",
        ),
        ("guides/get-digid.md", "tags:", "tgs:", "unknown field 'tgs'"),
        (
            "sources/digid.md",
            "kind: official",
            "kind: government",
            "sources/digid.md:4: 'kind' must be one of official, learning, support, got 'government'",
        ),
        (
            "sources/digid.md",
            "url: https://www.digid.nl/",
            "url: www.digid.nl",
            "sources/digid.md:3: 'url' must be a full https:// address, got 'www.digid.nl'",
        ),
        (
            "topics/arrival.md",
            "  - Arrange health insurance.\n",
            "",
            "topics/arrival.md:5: 'key_points' must have exactly 3 items, it has 2",
        ),
        (
            "topics/exams.md",
            "slug: exam-information",
            "slug: registration-start",
            "topics/exams.md:10: duplicate collection slug 'registration-start' (also used in",
        ),
        (
            "guides/get-digid.md",
            "summary: Applying",
            "summary: Applying\nsummary: Applying",
            "guides/get-digid.md:4: the field 'summary' appears twice",
        ),
        (
            "guides/get-digid.md",
            "title: How do you get DigiD?",
            "title: [unclosed",
            "guides/get-digid.md:2: the front matter is not valid YAML: a list in [ ] starts on this line and is never closed",
        ),
        (
            "guides/get-digid.md",
            "Go to the DigiD website.",
            "",
            "guides/get-digid.md:14: the section 'Apply online' has no text",
        ),
        (
            "faq/do-i-need-digid.md",
            "Yes, for most government websites. Applying is free [1]. Read [the guide](/guides/get-digid/).",
            "",
            "faq/do-i-need-digid.md:14: the answer (the text after the front matter) is empty",
        ),
        (
            "guides/get-digid.md",
            "  - guide: register-your-address",
            "  - guide: get-digid",
            "guides/get-digid.md:11: a guide cannot be related to itself",
        ),
    ],
)
def test_each_problem_is_reported_with_file_line_and_message(
    content_dir, capsys, file, old, new, expected
):
    if file == "guides/get-digid.md" and old == "tags:":
        edit(content_dir / file, "topic: arrival", "topic: arrival\ntgs: [x]")
    else:
        edit(content_dir / file, old, new)
    problems, summary = problems_for(content_dir, capsys)
    assert any(expected in line for line in problems), problems
    assert all(line.startswith("tests/") or line.startswith("/") for line in problems)
    assert "nothing was written" in summary
    assert not Guide.objects.exists()


def test_a_problem_message_names_the_real_path(content_dir, capsys):
    edit(content_dir / "guides/get-digid.md", "topic: arrival", "topic: arival")
    problems, _ = problems_for(content_dir, capsys)
    assert problems[0].startswith(f"{content_dir}/guides/get-digid.md:4: ")


def test_every_problem_in_the_set_is_reported_at_once(content_dir, capsys):
    edit(content_dir / "guides/get-digid.md", "topic: arrival", "topic: nowhere")
    edit(content_dir / "sources/digid.md", "kind: official", "kind: other")
    (content_dir / "guides/Bad_Name.md").write_text("no front matter\n")
    problems, summary = problems_for(content_dir, capsys)
    assert len(problems) == 4, problems
    assert summary.startswith("4 problems found")
    assert any("Bad_Name.md:1: file name 'Bad_Name.md' is not a valid slug" in p for p in problems)
    assert any("Bad_Name.md:1: the file must start with a line '---'" in p for p in problems)
    assert any("get-digid.md:4: unknown topic 'nowhere'" in p for p in problems)
    assert any("digid.md:4: 'kind' must be one of" in p for p in problems)


def test_a_file_without_front_matter_is_named(content_dir, capsys):
    (content_dir / "guides/empty.md").write_text("Just text\n")
    problems, _ = problems_for(content_dir, capsys)
    assert problems == [
        f"{content_dir}/guides/empty.md:1: the file must start with a line '---' that opens the front matter"
    ]


def test_a_file_in_an_unknown_folder_is_named(content_dir, capsys):
    (content_dir / "articles").mkdir()
    (content_dir / "articles/x.md").write_text("---\ntitle: x\n---\n")
    problems, _ = problems_for(content_dir, capsys)
    assert "unexpected place for a content file" in problems[0]


def test_nothing_is_written_when_any_file_is_bad_even_after_an_earlier_load(
    load, content_dir, capsys
):
    load()
    edit(
        content_dir / "guides/get-digid.md", "title: How do you get DigiD?", "title: Getting DigiD"
    )
    edit(content_dir / "sources/digid.md", "kind: official", "kind: other")
    problems_for(content_dir, capsys)
    assert Guide.objects.get(slug="get-digid").title == "How do you get DigiD?"


def test_an_admin_edit_is_never_overwritten_silently(load, content_dir, capsys):
    load()
    guide = Guide.objects.get(slug="get-digid")
    guide.title = "How to get DigiD (edited in admin)"
    guide.save()
    with pytest.raises(CommandError, match="edited in admin since the last load"):
        load()
    err = capsys.readouterr().err
    assert "guides/get-digid.md: edited in admin since the last load (changed: title)" in err
    assert Guide.objects.get(slug="get-digid").title == "How to get DigiD (edited in admin)"

    out = load("--force")
    assert "overwritten (--force)" in out
    assert Guide.objects.get(slug="get-digid").title == "How do you get DigiD?"
    assert "Nothing changed." in load()


def test_records_made_in_admin_are_kept(load):
    load()
    Source.objects.create(
        slug="made-in-admin",
        title="Admin source",
        url="https://example.org/",
        kind="support",
        summary="Made by an editor.",
    )
    out = load()
    assert "(kept 1 made in admin)" in out
    assert Source.objects.filter(slug="made-in-admin").exists()


def test_a_collection_moves_with_its_file(load, content_dir):
    load()
    edit(content_dir / "topics/exams.md", "title: Exam information", "title: Exam facts")
    load()
    assert SourceCollection.objects.get(slug="exam-information").title == "Exam facts"
    assert SourceCollection.objects.count() == 2
