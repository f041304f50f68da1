import os
import shutil

import pytest
from django.core.management import call_command

# One page of every type, in the tiny fixture content.
PAGES = [
    "/",
    "/topics/",
    "/topics/arrival/",
    "/guides/",
    "/guides/register-your-address/",
    "/sources/",
    "/sources/town-hall/",
    "/faq/",
    "/search/?q=digid",
    "/search/?q=zzqqxx",
    "/search/",
    "/glossary/",
    "/glossary/brp/",
    "/steps/",
    "/knm/",
    "/knm/themes/housing/",
    "/knm/progress/",
    "/knm/offline/",
    "/knm/continue/",
    "/offline/",
    "/tags/brp/",
    "/no-such-page/",
]

# The Dutch twin of every page type (issue #14): all of them through the HTML validator (one
# run for every file, so cheap); a few representative ones through axe, whose cost is per page.
DUTCH_PAGES = ["/nl" + url for url in PAGES]
DUTCH_SAMPLE = [
    "/nl/",
    "/nl/guides/register-your-address/",
    "/nl/search/?q=digid",
    "/nl/knm/",
    "/nl/knm/offline/",
    "/nl/no-such-page/",
]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.skip(
            "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own database calls
    # are ordinary synchronous code. Only while the browser tests run.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def site(transactional_db, live_server, content_dir):
    call_command("load_content", "--content-dir", str(content_dir))
    return live_server.url
