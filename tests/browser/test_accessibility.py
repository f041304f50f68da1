"""Every page type, in a real browser at 320 px and 1280 px, checked with axe-core against
WCAG 2.2 A and AA; and a KNM practice round completed with the keyboard alone."""

import pytest

from knm.models import Attempt

from .conftest import DUTCH_SAMPLE, PAGES

pytestmark = pytest.mark.django_db(transaction=True)

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def check(page, url, problems):
    for violation in axe_violations(page):
        problems.append(f"{url} @ {page.viewport_size['width']}px: {violation}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(
            f"{url} @ {page.viewport_size['width']}px: scrolls sideways by {overflow}px"
        )


@pytest.mark.parametrize("width", [320, 1280])
def test_every_page_type_passes_axe(browser, site, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    for url in PAGES + DUTCH_SAMPLE:
        page.goto(site + url)
        check(page, url, problems)
    # A Dutch KNM question, its English help opened (the options' English is in it).
    page.goto(site + "/nl/knm/")
    page.select_option("#theme-select", "housing")
    page.click("text=Begin met oefenen")
    page.click("summary >> text=Show in English")
    check(page, "Dutch KNM question", problems)
    # The KNM screens: a question, its feedback, a refused answer, the result.
    page.goto(site + "/knm/")
    page.select_option("#theme-select", "housing")
    page.click("text=Start practice")
    check(page, "KNM question", problems)
    page.click("label[for^=option-] >> nth=0")
    page.click("#answer-form button[type=submit] >> text=Check my answer")
    check(page, "KNM feedback", problems)
    attempt = Attempt.objects.order_by("-started").first()
    position = attempt.items.get(question__qid="housing-06").position
    page.goto(f"{site}/knm/rounds/{attempt.pk}/{position}/")
    check(page, "KNM question about a document", problems)
    for position in range(2, 7):
        page.goto(f"{site}/knm/rounds/{attempt.pk}/{position}/")
        page.click("label[for^=option-] >> nth=1")
        page.click("#answer-form button[type=submit]")
    page.goto(f"{site}/knm/rounds/{attempt.pk}/result/")
    check(page, "KNM result", problems)
    page.goto(site + "/knm/")
    page.click("text=Start the practice exam")
    check(page, "KNM exam question", problems)
    exam = Attempt.objects.order_by("-started").first()
    page.goto(f"{site}/knm/rounds/{exam.pk}/hand-in/")
    check(page, "KNM hand in", problems)
    page.goto(f"{site}/knm/rounds/{exam.pk}/overview/")
    check(page, "KNM exam overview", problems)
    page.close()
    assert problems == []


def test_every_page_type_passes_axe_in_the_dark_colour_scheme(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    problems = []
    for url in PAGES + DUTCH_SAMPLE:
        page.goto(site + url)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        check(page, url, problems)
    page.goto(site + "/knm/")
    page.click("text=Start the practice exam")
    check(page, "KNM exam question", problems)
    context.close()
    assert problems == []


def test_a_practice_round_can_be_completed_with_the_keyboard_alone(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/knm/")

    def tab_to(predicate, limit=60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return
        raise AssertionError(f"could not reach {predicate} with Tab")

    tab_to("document.activeElement.id === 'theme-select'")
    page.keyboard.press("ArrowDown")  # from "All themes" to the first theme
    tab_to("document.activeElement.textContent.trim() === 'Start practice'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(6):
        tab_to("document.activeElement.name === 'option'")
        page.keyboard.press("Space")
        with page.expect_navigation():
            page.keyboard.press("Enter")  # submits the form
        assert page.locator(".feedback").count() == 1
        tab_to(
            "['Next question', 'See your result'].includes(document.activeElement.textContent.trim())"
        )
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert "Your result:" in page.inner_text("h1")
    page.close()


def test_focus_is_visible(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


def test_the_checker_itself_catches_violations(browser):
    page = browser.new_page()
    page.set_content(
        '<html><body><img src="x.png"><input type="text"><p style="color:#bbb">low</p></body></html>'
    )
    found = " ".join(axe_violations(page))
    assert "image-alt" in found and "label" in found and "color-contrast" in found
    page.close()


def test_search_suggests_pages_while_typing(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site + "/topics/")
    page.fill("#site-search", "digid")
    page.wait_for_selector(".suggestions a")
    assert "How do you get DigiD?" in page.inner_text(".suggestions")
    assert axe_violations(page) == []
    page.close()
