"""Phone-first, measured at 390 x 844 on the real content: what the first screen offers,
how tall pages are, the header, and the KNM exam."""

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def real_site(transactional_db, live_server):
    call_command("load_content", "--content-dir", str(settings.CONTENT_DIR), verbosity=0)
    return live_server.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


def bottom(page, selector):
    box = page.locator(selector).bounding_box()
    return box["y"] + box["height"]


def test_home_on_a_phone_offers_the_tasks_on_the_first_screen(real_site, phone):
    phone.goto(real_site + "/")
    tasks = phone.locator(".tasks a")
    assert tasks.count() == 4
    for n in range(4):
        box = tasks.nth(n).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], tasks.nth(n).inner_text()
    assert phone.evaluate("document.documentElement.scrollHeight") <= 6.5 * PHONE["height"]
    assert phone.locator("header.site-header").bounding_box()["height"] <= 120


def test_the_header_stays_compact_and_its_menu_opens(real_site, phone):
    phone.goto(real_site + "/guides/getting-digid/")
    assert phone.locator("header.site-header").bounding_box()["height"] <= 120
    assert not phone.locator("#main-nav").is_visible()
    phone.click("text=Menu")
    assert phone.locator("#main-nav").is_visible()
    assert phone.locator("[data-menu-toggle]").get_attribute("aria-expanded") == "true"
    # Breadcrumbs become one "back" link.
    assert phone.locator(".crumb-back").is_visible()
    assert not phone.locator(".breadcrumbs ol").is_visible()
    # The Dutch header, with its longer words and the switch back to English, fits too.
    phone.goto(real_site + "/nl/guides/getting-digid/")
    assert phone.locator("header.site-header").bounding_box()["height"] <= 120
    assert phone.locator(".language-switch a").inner_text() == "English"
    assert phone.locator(".header-shortcut", has_text="Zoeken").is_visible()


def test_the_exam_fits_a_phone(real_site, phone):
    phone.goto(real_site + "/knm/")
    phone.click("text=Start the practice exam")
    base = phone.url.rsplit("/", 2)[0]
    checked = 0
    for position in range(1, 11):
        phone.goto(f"{base}/{position}/")
        if phone.locator("figure.document").count():
            continue  # a question about a document is longer by nature
        assert bottom(phone, "#answer-form button[value=next]") <= PHONE["height"], position
        checked += 1
    assert checked >= 5
    assert not phone.locator(".keyboard-hint").is_visible()  # a touch screen: no keyboard hint
    phone.mouse.wheel(0, 800)
    phone.wait_for_timeout(200)
    timer = phone.locator("#timer").bounding_box()
    assert 0 <= timer["y"] and timer["y"] + timer["height"] <= PHONE["height"]
