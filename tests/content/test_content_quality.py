"""The bar every published guide and topic must meet (docs/content-style.md)."""

import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.management import call_command

from faq.models import Question
from guides.models import Guide
from topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db, capsys):
    call_command("load_content", "--content-dir", str(settings.CONTENT_DIR))
    capsys.readouterr()


def words(text: str) -> int:
    return len(re.findall(r"[\w€'’-]+", text))


def paragraphs(guide: Guide):
    texts = [guide.body, *(s.body for s in guide.sections.all())]
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if len(block) >= 80:
                yield block


def test_there_are_at_least_45_published_guides(site):
    assert Guide.objects.published().count() >= 45


def test_every_guide_meets_the_minimums(site):
    problems = []
    for guide in Guide.objects.published().prefetch_related("sections"):
        size = words(guide.body) + sum(
            words(s.body) + words(s.heading) for s in guide.sections.all()
        )
        if not 400 <= size <= 1200:
            problems.append(f"{guide.slug}: {size} words (400–1,200)")
        if guide.sections.count() < 3:
            problems.append(f"{guide.slug}: fewer than 3 sections")
        if guide.citations.count() < 2:
            problems.append(f"{guide.slug}: fewer than 2 citations")
        if guide.questions.published().count() < 2:
            problems.append(f"{guide.slug}: fewer than 2 FAQs")
        if guide.related_links.filter(to_guide__published=True).count() < 2:
            problems.append(f"{guide.slug}: fewer than 2 related guides")
        if any(not c.source.published for c in guide.citations.all()):
            problems.append(f"{guide.slug}: cites an unpublished source")
    assert problems == []


def test_no_two_guides_share_a_paragraph(site):
    seen = defaultdict(set)
    for guide in Guide.objects.published().prefetch_related("sections"):
        for paragraph in paragraphs(guide):
            seen[paragraph.lower()].add(guide.slug)
    shared = {p[:60]: sorted(g) for p, g in seen.items() if len(g) > 1}
    assert shared == {}


def test_no_two_quick_answers_ask_the_same_question(site):
    titles = [q.title.strip().lower() for q in Question.objects.all()]
    assert len(titles) == len(set(titles))


def test_every_topic_has_five_guides_and_three_quick_answers(site):
    for topic in Topic.objects.published():
        assert topic.guides.filter(published=True).count() >= 5, topic.slug
        assert topic.questions.filter(published=True).count() >= 3, topic.slug
    assert Question.objects.on_home().count() >= 6


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.hrefs.append(href.split("#")[0])


def test_every_internal_link_on_every_page_resolves(site, client):
    """Crawl the site from the home page: every link to this site must answer 200."""
    queue, seen, broken = ["/"], set(), []
    while queue:
        url = queue.pop()
        if url in seen or url.startswith(("/admin/", "/static/")):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if "text/html" in response.get("Content-Type", ""):
            parser = Links()
            parser.feed(response.content.decode())
            queue.extend(h for h in parser.hrefs if h not in seen)
    assert broken == []
    assert len(seen) > 80
