"""Pages of a long list read by sorted ids give what slicing the list itself gives."""

import pytest

from core.paging import IdsFirst
from guides.models import Guide
from sources.models import Source
from topics.models import Topic

pytestmark = pytest.mark.django_db


def test_a_topic_page_of_guides_is_the_slice_of_the_list(loaded):
    topic = max(Topic.objects.all(), key=lambda t: Guide.objects.listed_in(t).count())
    listed = Guide.objects.listed_in(topic).defer("body", "body_html")
    count = listed.count()
    assert count >= 2
    pages = IdsFirst(listed)
    assert pages.count() == len(pages) == count
    for window in (slice(0, 1), slice(1, 2), slice(0, count + 5)):
        got, wanted = pages[window], list(listed[window])
        assert [g.slug for g in got] == [g.slug for g in wanted]
        assert [g.elsewhere for g in got] == [g.elsewhere for g in wanted]  # annotations kept


def test_a_source_page_of_citing_guides_is_the_slice_of_the_list(loaded):
    source = max(Source.objects.all(), key=lambda s: Guide.objects.citing(s).count())
    citing = Guide.objects.citing(source)
    assert citing.count() >= 2
    assert [g.slug for g in IdsFirst(citing)[0:2]] == [g.slug for g in citing[0:2]]


def test_one_record_is_not_a_page():
    with pytest.raises(TypeError):
        IdsFirst(Guide.objects.all())[0]
