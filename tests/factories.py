"""Small factories: the fewest fields that make a record real."""

import datetime as dt
import itertools

from faq.models import Question
from guides.models import Citation, Guide, RelatedGuide, Section
from sources.models import Source
from topics.models import CollectionEntry, SourceCollection, Topic

_n = itertools.count(1)


def make_source(**fields):
    n = next(_n)
    defaults = {
        "slug": f"source-{n}",
        "title": f"Source {n}",
        "url": f"https://source{n}.example/",
        "kind": "official",
        "summary": f"What source {n} is for.",
    }
    return Source.objects.create(**{**defaults, **fields})


def make_topic(**fields):
    n = next(_n)
    defaults = {
        "slug": f"topic-{n}",
        "title": f"Topic {n}",
        "order": n,
        "summary": f"Topic {n} summary.",
        "key_points": "One.\nTwo.\nThree.",
    }
    return Topic.objects.create(**{**defaults, **fields})


def make_collection(topic, sources, **fields):
    n = next(_n)
    defaults = {
        "slug": f"collection-{n}",
        "title": f"Collection {n}",
        "intro": "Why these.",
        "order": n,
    }
    collection = SourceCollection.objects.create(topic=topic, **{**defaults, **fields})
    for order, source in enumerate(sources):
        CollectionEntry.objects.create(
            collection=collection,
            source=source,
            label="Label",
            note=f"Note on {source.title}",
            order=order,
        )
    return collection


def make_guide(topic, sources=(), sections=3, **fields):
    n = next(_n)
    defaults = {
        "slug": f"guide-{n}",
        "title": f"Guide {n}?",
        "summary": f"Guide {n} summary.",
        "reviewed": dt.date(2026, 11, 1),
        "body": "An introduction.",
    }
    guide = Guide.objects.create(topic=topic, **{**defaults, **fields})
    for number in range(1, sections + 1):
        Section.objects.create(
            guide=guide,
            number=number,
            heading=f"Part {number}",
            anchor=f"part-{number}",
            body=f"Text of part {number}.",
        )
    for order, source in enumerate(sources):
        Citation.objects.create(
            guide=guide,
            source=source,
            note=f"Uses {source.title}.",
            order=order,
            checked=dt.date(2026, 11, 1),
        )
    return guide


def relate(guide, other, reason="Read this next."):
    return RelatedGuide.objects.create(
        from_guide=guide, to_guide=other, reason=reason, order=guide.related_links.count()
    )


def make_question(**fields):
    n = next(_n)
    defaults = {"slug": f"question-{n}", "title": f"Question {n}?", "body": f"Answer {n}."}
    return Question.objects.create(**{**defaults, **fields})
