"""content/ and the database in step: export writes what admin changed, minimally, and a
later load keeps it."""

import filecmp

import pytest
from django.core.management import call_command

from core import registry
from core.loader import read_content
from core.loader.sync import dump, existing, normalise
from guides.models import Guide

pytestmark = pytest.mark.django_db


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def export(directory, capsys):
    call_command("export_content", "--content-dir", str(directory))
    return capsys.readouterr().out


def test_exporting_unchanged_content_touches_no_file(load, content_dir, capsys):
    load()
    before = snapshot(content_dir)
    out = export(content_dir, capsys)
    assert "guides   created    0  updated    0  unchanged    2  removed    0" in out
    assert snapshot(content_dir) == before


def test_after_one_admin_edit_export_changes_only_that_file_and_load_keeps_it(
    load, content_dir, capsys
):
    load()
    before = snapshot(content_dir)
    guide = Guide.objects.get(slug="get-digid")
    guide.summary = "Applying for your government login, edited in admin."
    guide.save()
    out = export(content_dir, capsys)
    assert "guides   created    0  updated    1  unchanged    1" in out
    after = snapshot(content_dir)
    changed = [path for path in after if after[path] != before.get(path)]
    assert [str(p) for p in changed] == ["guides/get-digid.md"]
    text = after[changed[0]].decode()
    assert "summary: Applying for your government login, edited in admin." in text
    assert "## Activate it" in text
    # The next load has nothing to overwrite, and the edit stays. The English file changed,
    # so its Dutch translation is behind it now, and the load says so.
    out = load()
    assert "guides   created    0  updated    0  unchanged    2" in out
    assert "(1 behind the English" in out
    assert Guide.objects.get(slug="get-digid").summary.endswith("edited in admin.")


def test_a_load_refuses_to_overwrite_an_unexported_admin_edit(load, content_dir, capsys):
    from django.core.management import CommandError

    load()
    guide = Guide.objects.get(slug="get-digid")
    guide.summary = "Edited in admin."
    guide.save()
    with pytest.raises(CommandError, match="--force"):
        load()
    assert (
        "guides/get-digid.md: edited in admin since the last load (changed: summary)"
        in capsys.readouterr().err
    )
    load("--force")
    assert Guide.objects.get(slug="get-digid").summary == "Applying for your government login."


def test_an_export_into_an_empty_folder_loads_back_to_the_same_records(load, tmp_path, capsys):
    load()
    target = tmp_path / "exported"
    export(target, capsys)
    content, problems = read_content(target)
    assert problems == []
    for name, records in content.records.items():
        kind = registry.get(name)
        current = existing(kind)
        assert set(records) == set(current), name
        for slug, record in records.items():
            assert normalise(kind, record.data) == dump(kind, current[slug]), (name, slug)
    # And exporting again over it changes nothing.
    again = tmp_path / "again"
    export(again, capsys)
    assert not filecmp.dircmp(target, again).diff_files
    assert snapshot(target) == snapshot(again)


def test_a_record_deleted_in_admin_loses_its_file_on_export(load, content_dir, capsys):
    load()
    from faq.models import Question

    Question.objects.filter(slug="do-i-need-digid").delete()
    out = export(content_dir, capsys)
    assert "faq      created    0  updated    0  unchanged    0  removed    1" in out
    assert not (content_dir / "faq/do-i-need-digid.md").exists()
