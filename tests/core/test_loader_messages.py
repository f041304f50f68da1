"""Loader messages at the right line, and nothing said twice: a file that cannot be read
is reported once, where it goes wrong, and the pages that link to it are not told it is
missing."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def run_check(content_dir, capsys):
    with pytest.raises(CommandError) as error:
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    return capsys.readouterr().err.splitlines(), str(error.value)


def test_bad_yaml_is_reported_at_its_line_with_no_follow_on_errors(content_dir, capsys):
    # get-digid.md is linked from the quick answer, related from the other guide and
    # named by a glossary term and a plan step: none of them may now claim it is missing.
    edit(
        content_dir / "guides/get-digid.md",
        "summary: Applying for your government login.",
        'summary: "Applying for your government login.',
    )
    problems, summary = run_check(content_dir, capsys)
    assert problems == [
        f"{content_dir}/guides/get-digid.md:3: the front matter is not valid YAML: a quoted "
        "value starts on this line and is never closed (found unexpected end of stream)"
    ]
    assert summary == "1 problem found; nothing was written."


def test_a_colon_in_a_value_is_reported_on_its_own_line(content_dir, capsys):
    edit(
        content_dir / "guides/get-digid.md",
        "summary: Applying for your government login.",
        "summary: Note: applying for your government login.",
    )
    problems, _ = run_check(content_dir, capsys)
    assert problems == [
        f"{content_dir}/guides/get-digid.md:3: the front matter is not valid YAML: "
        "mapping values are not allowed here"
    ]


def test_a_duplicate_collection_slug_is_reported_at_the_slug(content_dir, capsys):
    edit(content_dir / "topics/exams.md", "slug: exam-information", "slug: registration-start")
    problems, _ = run_check(content_dir, capsys)
    line = (
        (content_dir / "topics/exams.md")
        .read_text()
        .splitlines()
        .index("  - slug: registration-start")
    )
    assert problems == [
        f"{content_dir}/topics/exams.md:{line + 1}: duplicate collection slug "
        f"'registration-start' (also used in {content_dir}/topics/arrival.md:10)"
    ]


def test_two_guides_with_one_title_get_a_warning_at_the_title(content_dir, capsys):
    edit(
        content_dir / "guides/register-your-address.md",
        "title: How do you register your address?",
        "title: How do you get  DigiD?",
    )
    call_command("load_content", "--check", "--content-dir", str(content_dir))
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{content_dir}/guides/register-your-address.md:2: warning: "
        f"{content_dir}/guides/get-digid.md has the same title 'How do you get  DigiD?': "
        "readers cannot tell the two guides apart in lists and search results"
    ]
    assert "Content is valid" in captured.out
