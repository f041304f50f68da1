"""The real content in content/ loads cleanly and holds to what the seeds ordered."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command

from faq.models import Question
from guides.models import Guide
from sources.models import Source
from topics.models import SourceCollection, Topic

pytestmark = pytest.mark.django_db

SEED_GUIDE_TITLES = {
    # The 12 guides the IND source page lists.
    "ind": [
        "What routes are there to get to the Netherlands?",
        "How does coming to the Netherlands work for family or partner?",
        "What is the civic integration exam abroad?",
        "Which government websites are about your integration?",
        "How does coming to the Netherlands for work or study work?",
        "How does coming to the Netherlands via asylum or status holder route work?",
        "Which test belongs to which goal?",
        "When do you need an MVV or the civic integration exam abroad?",
        "When do you need the IND or central government for integration?",
        "How does coming to the Netherlands via EU free movement work?",
        "How do temporary routes such as au pair or orientation year work?",
        "What comes after arrival: permanent residence or naturalisation?",
    ],
    # The 6 guides the Mijn Inburgering source page lists.
    "mijn-inburgering": [
        "Where can you find official information about integration?",
        "Which language exams are part of the B1 route?",
        "Where do you check messages and deadlines for integration?",
        "When do you go to DUO, Mijn Inburgering or the municipality?",
        "Do you have to take the exam in the Z-route?",
        "Which integration exams are there?",
    ],
}


@pytest.fixture
def site(db, capsys):
    call_command("load_content", "--content-dir", str(settings.CONTENT_DIR))
    capsys.readouterr()


def test_seven_topics_with_three_key_points_and_three_collections(site):
    topics = list(Topic.objects.published())
    assert len(topics) == 7
    for topic in topics:
        assert len(topic.key_point_list) == 3, topic
        assert topic.collections.count() == 3, topic
    assert SourceCollection.objects.count() == 21


@pytest.mark.parametrize("source", SEED_GUIDE_TITLES)
def test_the_seed_source_pages_count_what_the_content_says(site, client, source):
    """The seeds' IND and Mijn Inburgering pages: 2 topic mentions each, and one article
    mention per published guide that cites them (the seeds' 12 and 6, and any newer ones)."""
    citing = Guide.objects.published().filter(citations__source__slug=source).distinct().count()
    html = client.get(f"/sources/{source}/").content.decode()
    assert "<strong>2</strong> topic mentions" in html
    assert f"<strong>{citing}</strong> article mentions" in html
    assert citing >= len(SEED_GUIDE_TITLES[source])


@pytest.mark.parametrize("source", SEED_GUIDE_TITLES)
def test_every_seed_guide_exists_and_cites_its_source(site, source):
    citing = set(
        Guide.objects.published()
        .filter(citations__source__slug=source)
        .values_list("title", flat=True)
    )
    assert set(SEED_GUIDE_TITLES[source]) <= citing


def test_every_guide_is_complete(site):
    for guide in Guide.objects.published():
        assert guide.sections.count() >= 3, guide.slug
        assert guide.citations.count() >= 2, guide.slug
        assert guide.questions.published().count() >= 2, guide.slug
        assert guide.related_links.count() >= 2, guide.slug
        assert guide.reviewed, guide.slug


def test_translation_errors_from_the_seeds_are_fixed(site):
    names = set(Source.objects.values_list("title", flat=True))
    assert {"Oefenen.nl", "Ad Appel", "Mijn Inburgering", "Naar Nederland"} <= names
    text = " ".join(
        [g.title + g.summary + g.body for g in Guide.objects.all()]
        + [s.title + s.summary + s.body for s in Source.objects.all()]
        + [q.title + q.body for q in Question.objects.all()]
    )
    for wrong in [
        "Telefoon.nl",
        "Ad Apple",
        "My Integration",
        "basic foreign exam",
        "basic exam abroad",
    ]:
        assert wrong not in text, wrong


def test_no_unconfirmed_claim_is_published_as_fact(site):
    """The fact sheet marks these UNCONFIRMED; no page may state them. (Its "within 8 weeks"
    for the DUO letter and for results is now stated on inburgeren.nl, and every such
    sentence carries a dated reference, which the loader enforces.)"""
    from guides.models import Section

    text = " ".join(s.body for s in Section.objects.all()) + " ".join(
        q.body for q in Question.objects.all()
    )
    assert not re.search(r"\b2[68] (?:out )?of (?:the )?4[05]\b", text), "a KNM pass mark"


def test_home_has_the_six_seed_quick_answers(site, client):
    assert Question.objects.on_home().count() == 6
    html = client.get("/").content.decode()
    assert "Quick answers" in html


def test_the_practice_exam_is_as_long_as_duos_practice_exams(site, client):
    html = client.get("/knm/").content.decode()
    assert "40 questions from all 8 themes in 45 minutes" in html
