"""`load_content --check` and `make run` tell the truth after an edit in admin: the check
reports what a real load would refuse, and `make run` still serves the site, saying which
records were edited and what to do about them."""

import shlex
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from guides.models import Guide

pytestmark = pytest.mark.django_db

ADVICE = (
    "1 record was edited in admin since the last load (listed above). To keep the edits, "
    "write them to content/ with `manage.py export_content` (then review `git diff content/` "
    "and commit); to discard them, run `manage.py load_content --force`."
)


@pytest.fixture
def edited_in_admin(load):
    load()
    Guide.objects.filter(slug="get-digid").update(title="Edited in admin")


def run(content_dir, capsys, *args):
    call_command("load_content", *args, "--content-dir", str(content_dir))
    return capsys.readouterr()


def test_check_reports_the_conflicts_a_real_load_refuses(edited_in_admin, content_dir, capsys):
    with pytest.raises(CommandError) as check:
        run(content_dir, capsys, "--check")
    check_err = capsys.readouterr().err
    with pytest.raises(CommandError) as real:
        run(content_dir, capsys)
    real_err = capsys.readouterr().err
    conflict = (
        f"{content_dir}/guides/get-digid.md: edited in admin since the last load (changed: title)"
    )
    assert check_err.splitlines() == real_err.splitlines() == [conflict]
    assert (
        str(check.value) == f"The files are valid (14 records), but a load would refuse: {ADVICE}"
    )
    assert str(real.value) == f"Nothing was written: {ADVICE}"
    assert Guide.objects.get(slug="get-digid").title == "Edited in admin"


def test_check_passes_when_nothing_was_edited(load, content_dir, capsys):
    load()
    assert "Content is valid: 14 records." in run(content_dir, capsys, "--check").out


def make_run_load_step() -> list[str]:
    """The arguments `make run` gives load_content (read from the Makefile, not copied)."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    plan = subprocess.run(
        ["make", "-n", "run"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    [line] = [line for line in plan.splitlines() if "manage.py load_content" in line]
    words = shlex.split(line)
    return words[words.index("load_content") + 1 :]


def test_make_run_after_an_admin_edit_still_starts_and_explains(
    edited_in_admin, content_dir, capsys
):
    args = make_run_load_step()
    captured = run(content_dir, capsys, *args)  # no error: make goes on to serve the site
    assert captured.err.splitlines() == [
        f"{content_dir}/guides/get-digid.md: edited in admin since the last load (changed: title)",
        f"content/ was not loaded: {ADVICE}",
    ]
    assert Guide.objects.get(slug="get-digid").title == "Edited in admin"


def test_make_run_loads_as_usual_when_nothing_was_edited(load, content_dir, capsys):
    load()
    (content_dir / "guides/get-digid.md").write_text(
        (content_dir / "guides/get-digid.md")
        .read_text()
        .replace("title: How do you get DigiD?", "title: Getting DigiD")
    )
    assert "Content loaded." in run(content_dir, capsys, *make_run_load_step()).out
    assert Guide.objects.get(slug="get-digid").title == "Getting DigiD"
