"""The route check in a real browser, without JavaScript and with it, at 320 px and
1280 px: every screen passes axe-core (WCAG 2.2 A and AA), Back works, and the calendar
file downloads."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.routecheck.conftest import add_check

from .test_accessibility import check as check_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def check_site(transactional_db, live_server, content_dir):
    add_check(content_dir)
    call_command("load_content", "--content-dir", str(content_dir))
    return live_server.url


def fill_date(page, slug, date):
    page.fill(f"#{slug}-day", str(date.day))
    page.fill(f"#{slug}-month", str(date.month))
    page.fill(f"#{slug}-year", str(date.year))


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("width", [320, 1280])
def test_walk_the_check_and_download_the_calendar(browser, check_site, width, javascript):
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    problems, screens = [], []

    def check(page, name, problems):
        # axe-core runs in the page, so without JavaScript each screen is checked afterwards,
        # at its address, in a page that runs scripts: the server sends the same markup.
        if javascript:
            check_page(page, name, problems)
        else:
            screens.append((name, page.url))

    page.goto(check_site + "/check/")
    check(page, "check start", problems)
    page.click("text=Start the check")
    page.wait_for_selector("h1:has-text('What is your nationality?')")
    check(page, "question 1", problems)

    page.click("button:has-text('Continue')")  # no answer chosen
    page.wait_for_selector(".error-summary")
    assert "Choose one of the answers." in page.inner_text(".error-summary")
    check(page, "question 1 with an error", problems)

    page.click("label[for=option-other]")
    page.click("button:has-text('Continue')")
    page.wait_for_selector("h1:has-text('When did your right to stay start?')")
    check(page, "date question", problems)
    fill_date(page, "start-date", dt.date(2022, 3, 1))
    page.click("button:has-text('Continue')")
    page.wait_for_selector("h1:has-text('What is the date of your first PIP?')")
    check(page, "PIP question", problems)

    page.go_back()  # the browser's Back button returns to the previous question
    page.wait_for_selector("h1:has-text('When did your right to stay start?')")
    page.go_forward()
    page.wait_for_selector("h1:has-text('What is the date of your first PIP?')")

    pip = timezone.localdate() - dt.timedelta(days=30)
    fill_date(page, "pip-date", pip)
    page.click("button:has-text('Continue')")
    page.wait_for_selector("h1:has-text('You must integrate under the 2021 act')")
    assert "/check/result/?nationality=other&start-date=2022-03-01&pip-date=" in page.url
    check(page, "result", problems)

    with page.expect_download() as download:
        page.click("text=Add to my calendar")
    ics = open(download.value.path(), "rb").read()
    assert ics.startswith(b"BEGIN:VCALENDAR")
    assert b"DTSTART;VALUE=DATE:" in ics
    assert download.value.suggested_filename == "integration-deadline.ics"

    page.click("button:has-text('Show only what applies to me')")
    page.wait_for_selector("text=Forget my act")
    check(page, "result with the act remembered", problems)
    page.goto(check_site + "/steps/")
    check(page, "plan with the act remembered", problems)
    context.close()
    if screens:
        checker = browser.new_page(viewport={"width": width, "height": 900})
        for name, url in screens:
            checker.goto(url)
            check_page(checker, name, problems)
        checker.close()
    assert problems == []
