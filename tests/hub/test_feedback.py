import pytest

from hub.models import Feedback

pytestmark = pytest.mark.django_db


def send(client, page="/guides/get-digid/", useful="no", comment="", **extra):
    extra.setdefault("HTTP_ORIGIN", "http://testserver")  # as a browser sends with a form POST
    return client.post(
        "/feedback/", {"page": page, "useful": useful, "comment": comment}, follow=True, **extra
    )


def test_every_content_page_asks_if_it_was_useful(loaded, client):
    for url in [
        "/",
        "/topics/arrival/",
        "/guides/get-digid/",
        "/sources/digid/",
        "/faq/",
        "/glossary/",
        "/steps/",
    ]:
        html = client.get(url).content.decode()
        assert "Is this page useful?" in html, url
        assert f'name="page" value="{url}"' in html


def test_feedback_is_stored_without_personal_data_and_thanked(loaded, client):
    response = send(client, comment="Missing: how long it takes.", REMOTE_ADDR="203.0.113.9")
    assert "Thank you for your feedback." in response.content.decode()
    assert response.redirect_chain[-1][0] == "/guides/get-digid/#feedback"
    feedback = Feedback.objects.get()
    assert (feedback.path, feedback.useful, feedback.comment) == (
        "/guides/get-digid/",
        False,
        "Missing: how long it takes.",
    )
    stored = " ".join(str(v) for v in Feedback.objects.values().get().values())
    assert "203.0.113.9" not in stored


def test_one_answer_per_page_per_visitor(loaded, client):
    send(client, useful="yes")
    response = send(client, useful="no")
    assert "You have already given feedback on this page." in response.content.decode()
    assert Feedback.objects.count() == 1


def test_a_visitor_is_limited_per_hour(loaded, client, settings):
    from django.core.cache import cache

    cache.clear()
    pages = [
        "/",
        "/topics/",
        "/guides/",
        "/sources/",
        "/faq/",
        "/glossary/",
        "/steps/",
        "/knm/",
        "/topics/arrival/",
        "/topics/exams/",
        "/guides/get-digid/",
        "/guides/register-your-address/",
        "/sources/digid/",
        "/sources/town-hall/",
        "/glossary/digid/",
        "/glossary/brp/",
        "/glossary/town-hall/",
        "/knm/themes/housing/",
        "/knm/themes/health-and-healthcare/",
        "/topics/",
    ]
    for page in pages[:20]:
        send(client, page=page)
    response = send(client, page="/guides/")
    assert Feedback.objects.count() <= 20
    assert (
        "Please try again later." in response.content.decode()
        or "already given feedback" in response.content.decode()
    )


@pytest.mark.parametrize(
    ("page", "useful", "comment", "message"),
    [
        ("/nowhere/", "yes", "", "We could not tell which page this feedback is about."),
        (
            "https://evil.example/",
            "yes",
            "",
            "We could not tell which page this feedback is about.",
        ),
        ("/admin/", "yes", "", "We could not tell which page this feedback is about."),
        ("/guides/get-digid/", "maybe", "", "Choose Yes or No."),
        ("/guides/get-digid/", "no", "x" * 1001, "Please keep your comment under 1000 characters."),
    ],
)
def test_bad_feedback_is_refused_with_a_message(loaded, client, page, useful, comment, message):
    response = send(client, page=page, useful=useful, comment=comment)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Feedback.objects.exists()


def test_feedback_from_another_site_is_refused(loaded):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    data = {"page": "/", "useful": "yes"}
    assert strict.post("/feedback/", data, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert (
        strict.post("/feedback/", data, HTTP_REFERER="https://evil.example/page").status_code == 403
    )
    assert strict.post("/feedback/", data).status_code == 403  # neither Origin nor Referer
    assert not Feedback.objects.exists()
    assert strict.post("/feedback/", data, HTTP_ORIGIN="http://testserver").status_code == 302
    assert Feedback.objects.count() == 1


def test_admin_shows_counts_per_page_and_comments_newest_first(loaded, admin_client):
    Feedback.objects.create(path="/guides/get-digid/", useful=False, comment="older comment")
    Feedback.objects.create(path="/guides/get-digid/", useful=True, comment="newer comment")
    Feedback.objects.create(path="/faq/", useful=True)
    html = admin_client.get("/admin/hub/feedback/").content.decode()
    assert "<td>1</td><td>1</td><td>2</td>" in html
    assert html.index("newer comment") < html.index("older comment")
