"""The installable app in a real browser: the service worker is installed, the network goes
away, a ten-question round is done offline, and its answers reach the progress page once."""

import pytest

from knm.models import Card, OfflineAnswer

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def wait_for_worker(page):
    page.wait_for_function(
        "navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=15000
    )


def open_offline_practice(context, site):
    page = context.new_page()
    page.goto(site + "/knm/offline/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_selector("#offline-start:not([hidden])")
    page.reload()  # now controlled by the worker, which kept the page on install
    wait_for_worker(page)
    return page


def answer_round(page, count=10):
    for n in range(1, count + 1):
        page.wait_for_selector(f"#offline-screen h2:text-is('Question {n} of {count}')")
        page.click("#offline-screen label >> nth=0")
        page.click("text=Check my answer")
        page.wait_for_selector(".feedback h3")
        assert page.inner_text(".feedback h3") in ("Right!", "Not quite.")
        assert page.locator(".feedback .badge", has_text="Correct answer").count() == 1
        page.click("text=See your result" if n == count else "text=Next question")


def test_a_round_offline_reaches_the_progress_page_exactly_once(browser, site):
    context = browser.new_context(viewport=PHONE)
    page = open_offline_practice(context, site)
    assert "This is offline practice." in page.inner_text(".offline-notice")
    assert "The timed practice exam needs a connection" in page.inner_text(".offline-notice")
    page.wait_for_selector("text=12 practice questions saved on this device")

    context.set_offline(True)
    page.reload()  # the page itself now comes from the device
    page.wait_for_selector("#offline-start:not([hidden])")
    page.select_option("#offline-theme", "all")
    page.click("text=Start offline practice")
    answer_round(page)
    page.wait_for_selector("#offline-screen h2:has-text('Your result')")
    heading = page.inner_text("#offline-screen h2")
    assert heading.startswith("Your result: ") and heading.endswith(" of 10 right")
    assert "10 answers saved on this device will be sent when you are online again." in (
        page.inner_text("#offline-sync")
    )
    assert OfflineAnswer.objects.count() == 0

    context.set_offline(False)
    page.wait_for_selector("text=All your answers have been added to your progress.")
    assert OfflineAnswer.objects.count() == 10
    # A retry (another tab, a reload) sends nothing twice.
    page.reload()
    page.wait_for_selector("text=All your answers have been added to your progress.")
    page.goto(site + "/knm/progress/")
    assert "You have given 10 answers, 10 of them in offline practice." in page.inner_text(
        "#answer-total"
    )
    assert OfflineAnswer.objects.count() == 10
    assert sum(c.times_right + c.times_wrong for c in Card.objects.all()) == 10
    context.close()


def test_a_guide_read_before_opens_offline_as_a_saved_copy(browser, site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    wait_for_worker(page)
    # The worker keeps the page just after answering with it.
    kept = """() => caches.open("wegwijs-pages").then((cache) =>
        cache.match(location.href).then((hit) => Boolean(hit)))"""
    for url in ("/nl/guides/register-your-address/", "/guides/register-your-address/"):
        page.goto(site + url)
        for _ in range(50):
            if page.evaluate(kept):
                break
            page.wait_for_timeout(100)
        assert page.evaluate(kept), url

    context.set_offline(True)
    page.reload()
    assert "Saved copy from" in page.inner_text(".saved-copy")
    assert page.inner_text("h1")  # the guide itself
    page.goto(site + "/guides/get-digid/")  # never opened: not saved
    assert page.inner_text("h1") == "You are offline"
    page.wait_for_selector("[data-saved-pages]:not([hidden])")
    assert "How do you register your address?" in page.inner_text("[data-saved-pages]")
    page.goto(site + "/knm/progress/")  # KNM pages open offline practice
    assert page.inner_text("h1") == "Practise offline"
    # Dutch pages fall back to the Dutch offline pages, and say "saved copy" in Dutch.
    # (A reload: within stale-while-revalidate the browser's own HTTP cache may answer a
    # plain visit with the page as it was, before the worker is asked.)
    page.goto(site + "/nl/guides/register-your-address/")
    page.reload()
    assert "Opgeslagen kopie van" in page.inner_text(".saved-copy")
    page.goto(site + "/nl/guides/get-digid/")
    assert page.inner_text("h1") == "Je bent offline"
    page.goto(site + "/nl/knm/progress/")
    assert page.inner_text("h1") == "Offline oefenen"

    context.set_offline(False)
    page.goto(site + "/guides/register-your-address/")
    assert page.locator(".saved-copy").count() == 0
    context.close()


def test_the_browser_finds_the_site_installable(browser, site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/knm/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    wait_for_worker(page)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Chromium's own installability check. Playwright's contexts are incognito windows, where
    # nothing can be installed: that one is about the window, not the site.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    # The check does run: a page without a manifest fails it.
    bare = context.new_page()
    bare.goto(site + "/static/img/favicon.svg")
    bare_errors = context.new_cdp_session(bare).send("Page.getInstallabilityErrors")
    assert any(e["errorId"] != "in-incognito" for e in bare_errors["installabilityErrors"])
    context.close()


def test_offline_screens_and_the_code_page_pass_axe_at_320px(browser, site):
    from .test_accessibility import check

    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    problems = []
    page.goto(site + "/knm/offline/")
    page.wait_for_selector("#offline-start:not([hidden])")
    page.select_option("#offline-theme", "housing")
    page.click("text=Start offline practice")
    page.wait_for_selector("#offline-screen h2:text-is('Question 1 of 6')")
    check(page, "offline question", problems)
    assert page.evaluate("document.activeElement.textContent") == "Question 1 of 6"
    page.click("#offline-screen label >> nth=1")
    page.click("text=Check my answer")
    page.wait_for_selector(".feedback h3")
    check(page, "offline feedback", problems)
    for n in range(2, 7):
        page.click("text=Next question")
        page.wait_for_selector(f"#offline-screen h2:text-is('Question {n} of 6')")
        page.click("#offline-screen label >> nth=0")
        page.click("text=Check my answer")
        page.wait_for_selector(".feedback h3")
    page.click("text=See your result")
    page.wait_for_selector("#offline-screen h2:has-text('Your result')")
    check(page, "offline result", problems)

    page.goto(site + "/knm/continue/")
    page.click("text=Make a code")
    page.wait_for_selector(".qr svg")
    check(page, "continue with a code", problems)
    context.close()
    assert problems == []


def test_a_changed_bank_reaches_the_device_and_a_removed_question_leaves_it(
    browser, site, content_dir
):
    from django.core.management import call_command

    context = browser.new_context(viewport=PHONE)
    page = open_offline_practice(context, site)
    page.wait_for_selector("text=12 practice questions saved on this device")
    # An answer to the question about to be removed waits on the device, offline.
    context.set_offline(True)
    page.select_option("#offline-theme", "housing")
    page.click("text=Start offline practice")
    page.wait_for_selector("#offline-screen h2:text-is('Question 1 of 6')")
    page.evaluate(
        """() => window.Wegwijs.put("answers", {id: crypto.randomUUID(), question: "housing-05",
        option: 1, correct: false, answered: new Date().toISOString(), sent: false})"""
    )

    path = content_dir / "knm" / "housing.md"
    text = path.read_text()
    path.write_text(
        text[: text.index("  - id: housing-05")] + text[text.index("  - id: housing-06") :]
    )
    call_command("load_content", "--content-dir", str(content_dir))

    context.set_offline(False)
    page.wait_for_selector(
        "text=1 answer to a question no longer in the practice bank was not counted."
    )
    page.reload()
    page.wait_for_selector("text=11 practice questions saved on this device")
    ids = page.evaluate(
        "window.Wegwijs.get('kv', 'bank').then((bank) => bank.questions.map((q) => q.id))"
    )
    assert "housing-05" not in ids and len(ids) == 11
    # The round that was going lost the question too, and the refused answer left the device.
    round_ids = page.evaluate(
        "window.Wegwijs.get('kv', 'round').then((r) => r.items.map((i) => i.question))"
    )
    assert "housing-05" not in round_ids
    assert page.evaluate("window.Wegwijs.all('answers').then((a) => a.length)") == 0
    context.close()
