import pytest

pytestmark = pytest.mark.django_db


def test_faq_page_groups_answers_by_topic_with_a_read_more_link(loaded, client):
    html = client.get("/faq/").content.decode()
    assert "<h1>Quick answers</h1>" in html
    assert "First steps after arrival" in html
    assert "Do I need DigiD?" in html
    assert "Yes, for most government websites." in html
    assert 'href="/guides/get-digid/">Read more: How do you get DigiD?</a>' in html


def test_each_quick_answer_appears_once_on_the_faq_page(loaded, client):
    import re

    from faq.models import Question
    from topics.models import Topic

    question = Question.objects.get(slug="do-i-need-digid")
    question.topics.set(Topic.objects.all())  # in every topic
    html = client.get("/faq/").content.decode()
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert html.count('id="do-i-need-digid"') == 1
