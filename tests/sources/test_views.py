import pytest

from core.cache import bump_version
from guides.models import Guide
from tests.factories import make_collection, make_guide, make_source, make_topic

pytestmark = pytest.mark.django_db


def test_source_page_counts_topic_and_article_mentions(loaded, client):
    html = client.get("/sources/town-hall/").content.decode()
    assert "<h1>Town hall</h1>" in html
    assert "<strong>2</strong> topic mentions" in html
    assert "<strong>1</strong> article mention</li>" in html
    # The collections that list it, with that collection's note and topic.
    assert "Registration and official start" in html
    assert "Register your address here." in html
    assert "The municipality plans your route." in html
    assert 'href="/topics/exams/">Exams and obligations</a>' in html
    assert "How do you register your address?" in html


def test_mention_counts_follow_the_records(db, client):
    topic = make_topic()
    source = make_source(slug="ind", title="IND")
    make_collection(topic, [source])
    guides = [make_guide(topic, sources=[source]) for _ in range(3)]
    html = client.get("/sources/ind/").content.decode()
    assert "<strong>1</strong> topic mention</li>" in html
    assert "<strong>3</strong> article mentions" in html
    Guide.objects.filter(pk=guides[0].pk).update(published=False)
    bump_version()  # what an admin save or a load does after a change
    html = client.get("/sources/ind/").content.decode()
    assert "<strong>2</strong> article mentions" in html
    assert guides[0].title not in html


def test_sources_index_groups_by_kind_with_counts(loaded, client):
    html = client.get("/sources/").content.decode()
    assert "Official information" in html
    assert "2 topic mentions, 1 article mention" in html  # town hall
    assert "1 topic mention, 2 article mentions" in html  # DigiD


def test_source_quick_answers_are_shown(loaded, client):
    assert "Do I need DigiD?" in client.get("/sources/digid/").content.decode()


def test_a_much_cited_source_counts_every_guide_and_lists_a_page_at_a_time(db, client):
    topic = make_topic()
    source = make_source(slug="ind", title="IND")
    guides = [make_guide(topic, sources=[source], order=n) for n in range(1, 26)]
    Guide.objects.filter(pk=guides[-1].pk).update(published=False)  # not counted, not listed
    html = client.get("/sources/ind/").content.decode()
    assert "<strong>24</strong> article mentions" in html
    assert "24 guides: 1 to 10" in html
    assert html.count('<li class="card">') == 10
    assert '<nav class="pager" aria-label="Pages of guides that cite this source">' in html
    assert ">Next 14<" in html  # the last page takes the four that would be left over
    second = client.get("/sources/ind/?page=2").content.decode()
    assert "24 guides: 11 to 24" in second and second.count('<li class="card">') == 14
    assert guides[-1].title not in html + second
