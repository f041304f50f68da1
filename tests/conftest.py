import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture
def content_dir(tmp_path):
    """A private copy of the tiny valid content tree, for a test to change."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def load(content_dir, capsys):
    """Run load_content on `content_dir` and return what it printed."""

    def run(*args, directory=None):
        call_command("load_content", "--content-dir", str(directory or content_dir), *args)
        return capsys.readouterr().out

    return run


@pytest.fixture
def loaded(db, load):
    load()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (pages, rate limits)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request to a /nl/ page activates Dutch
    for the thread (as in a server, where the next request activates its own); code a test
    runs outside a request afterwards (load_content, reverse) must not inherit it."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
