"""export_content keeps a file's shape: after one edit in admin, `git diff` shows that
value's lines only; quoting, key order, comments and list style stay as they were."""

import difflib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from core import registry
from core.loader import read_content
from core.loader.roundtrip import _update_meta
from guides.models import Guide
from knm.models import Question

pytestmark = pytest.mark.django_db


def snapshot(folder):
    return {p.relative_to(folder): p.read_text() for p in sorted(folder.rglob("*.md"))}


def export(directory):
    call_command("export_content", "--content-dir", str(directory))


def changed_lines(before, after):
    """The lines a `git diff` would show, as (-/+, text)."""
    return [
        (line[0], line[1:].rstrip("\n"))
        for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def export_after(content_dir, change):
    call_command("load_content", "--content-dir", str(content_dir))
    before = snapshot(content_dir)
    change()
    export(content_dir)
    after = snapshot(content_dir)
    files = [path for path in after if after[path] != before[path]]
    return {str(p): changed_lines(before[p], after[p]) for p in files}


def test_a_title_edit_changes_the_title_line_only(content_dir):
    def change():
        Guide.objects.filter(slug="get-digid").update(title="How do you apply for DigiD?")

    assert export_after(content_dir, change) == {
        "guides/get-digid.md": [
            ("-", "title: How do you get DigiD?"),
            ("+", "title: How do you apply for DigiD?"),
        ]
    }


def test_a_knm_read_link_edit_changes_that_line_only_and_keeps_quoting(content_dir):
    text = (content_dir / "knm/housing.md").read_text()
    quoted = [line for line in text.splitlines() if line.strip().startswith('read_label: "')]
    assert quoted

    def change():
        question = Question.objects.filter(theme__slug="housing").order_by("order").first()
        Question.objects.filter(pk=question.pk).update(read_url="/guides/register-your-address/")

    diff = export_after(content_dir, change)
    assert list(diff) == ["knm/housing.md"]
    (minus, old), (plus, new) = diff["knm/housing.md"]
    assert (minus, plus) == ("-", "+")
    assert (
        old.strip().startswith("read: ") and new.strip() == "read: /guides/register-your-address/"
    )
    after = (content_dir / "knm/housing.md").read_text()
    assert all(line in after for line in quoted)


def test_a_new_tag_keeps_the_list_on_one_line(content_dir):
    def change():
        Guide.objects.get(slug="register-your-address").tags.add("aaa-moving")

    diff = export_after(content_dir, change)
    [(minus, old), (plus, new)] = diff["guides/register-your-address.md"]
    assert old.startswith("tags: [") and new.startswith("tags: [aaa-moving, ")


def test_a_section_edit_changes_that_paragraph_only(content_dir):
    def change():
        guide = Guide.objects.get(slug="get-digid")
        section = guide.sections.get(number=1)
        section.body = section.body.replace("DigiD website", "DigiD site")
        section.save()

    diff = export_after(content_dir, change)
    assert diff == {
        "guides/get-digid.md": [
            ("-", "Go to the DigiD website."),
            ("+", "Go to the DigiD site."),
        ]
    }


def test_text_saved_with_crlf_is_exported_with_lf(content_dir):
    def change():
        Guide.objects.filter(slug="get-digid").update(body="First line.\r\nSecond line.")

    export_after(content_dir, change)
    raw = (content_dir / "guides/get-digid.md").read_bytes()
    assert b"\r" not in raw and b"First line.\nSecond line.\n" in raw


def test_every_content_file_would_be_written_back_byte_for_byte():
    """ruamel.yaml's round trip reproduces each real file exactly, so an export that
    changes one value leaves the rest of the file as it was."""
    content, problems = read_content(Path(settings.BASE_DIR) / "content")
    assert problems == []
    differ = []
    for kind in registry.kinds():
        for record in content.of(kind.name).values():
            text = Path(settings.BASE_DIR, record.path).read_text()
            meta = text.split("---\n", 2)[1]
            same = {"x": 1}
            if _update_meta(meta, {}, same, same) != meta:
                differ.append(record.path)
    assert differ == []
