"""The round trip as an editor makes it: change one guide title in admin in a real
browser, export, and the diff of content/ is that one line, with no CRLF anywhere."""

import difflib

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from core.editors import ensure_editors_group

PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def multi_line_guide(content_dir):
    """Sections of several lines, so a browser's CRLF line endings would show."""
    path = content_dir / "guides/get-digid.md"
    path.write_text(
        path.read_text().replace(
            "Go to the DigiD website.",
            "Go to the DigiD website.\nFill in the form.\n\n- Have your BSN ready.\n- Check your address.",
        )
    )
    return path


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def test_one_title_edit_in_the_browser_is_one_line_of_export_diff(
    browser, multi_line_guide, site, content_dir
):
    editor = User.objects.create_user("eva", password=PASSWORD, is_staff=True)
    editor.groups.add(ensure_editors_group())
    before = snapshot(content_dir)

    page = browser.new_page()
    try:
        page.goto(f"{site}/admin/login/")
        page.fill("#id_username", "eva")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.goto(f"{site}/admin/guides/guide/?q=DigiD")
        page.click("text=How do you get DigiD?")
        page.fill("#id_title", "How do you apply for DigiD?")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist .success")
        assert "was changed successfully" in page.inner_text(".messagelist")
        page.goto(f"{site}/admin/guides/guide/?q=DigiD")
        page.click("text=How do you apply for DigiD?")
        page.click("text=History")
        history = page.inner_text("#content")
    finally:
        page.close()
    assert "Changed Title." in history and "Body" not in history

    call_command("export_content", "--content-dir", str(content_dir))
    after = snapshot(content_dir)
    changed = [path for path in after if after[path] != before[path]]
    assert [str(path) for path in changed] == ["guides/get-digid.md"]
    diff = [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            before[changed[0]].decode().splitlines(True),
            after[changed[0]].decode().splitlines(True),
            n=0,
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == ["-title: How do you get DigiD?", "+title: How do you apply for DigiD?"]
    assert not [path for path, raw in after.items() if b"\r" in raw]
