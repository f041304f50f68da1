"""load_content and export_content say how far they are: a line per kind and stage in a
log, one line rewritten in place on a terminal, nothing at --verbosity 0."""

import io

import pytest
from django.core.management import call_command

from core.loader.progress import TerminalProgress

pytestmark = pytest.mark.django_db


def test_a_load_reports_each_kind_as_plain_lines_when_not_on_a_terminal(content_dir):
    out = io.StringIO()
    call_command("load_content", "--content-dir", str(content_dir), stdout=out)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert any(line.startswith("reading guides: 2 of 2 (") for line in lines)
    assert any(line.startswith("writing guides: 2 of 2 (") for line in lines)
    assert any(line.startswith("writing faq: 1 of 1 (") for line in lines)
    assert sum(line.startswith("writing sources:") for line in lines) == 1
    assert lines[-1] == "Content loaded."


def test_verbosity_0_prints_no_progress(content_dir):
    out = io.StringIO()
    call_command("load_content", "--content-dir", str(content_dir), "-v", "0", stdout=out)
    assert "reading" not in out.getvalue() and "writing" not in out.getvalue()


def test_an_export_reports_each_kind(content_dir, load):
    load()
    out = io.StringIO()
    call_command("export_content", "--content-dir", str(content_dir), stdout=out)
    assert "exporting guides: 2 of 2 (" in out.getvalue()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_one_line_is_rewritten_in_place():
    from django.core.management.base import OutputWrapper

    stream = Terminal()
    progress = TerminalProgress(OutputWrapper(stream), verbosity=1)
    progress.INTERVAL = 0
    for done in range(1, 4):
        progress("writing", "guides", done, 3)
    progress.close()
    text = stream.getvalue()
    assert text.count("\r\x1b[2Kwriting guides: ") == 3
    assert text.endswith("writing guides: 3 of 3\n")
