from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from guides.models import Guide
from knm.models import Theme
from sources.models import Source
from topics.models import Topic

from .models import GlossaryTerm


class RecordSitemap(Sitemap):
    """Published records of one model, with the date they last changed."""

    model = None

    def items(self):
        return self.model.objects.filter(published=True).order_by("pk")

    def lastmod(self, obj):
        return obj.updated


class TopicSitemap(RecordSitemap):
    model = Topic
    priority = 0.8


class GuideSitemap(RecordSitemap):
    model = Guide
    priority = 0.9


class SourceSitemap(RecordSitemap):
    model = Source
    priority = 0.5


class GlossarySitemap(RecordSitemap):
    model = GlossaryTerm
    priority = 0.4


class ThemeSitemap(RecordSitemap):
    model = Theme
    priority = 0.6


class PageSitemap(Sitemap):
    """The index pages; they change whenever any guide does."""

    priority = 0.7

    def items(self):
        return [
            "hub:home",
            "topics:index",
            "guides:index",
            "sources:index",
            "faq:index",
            "hub:glossary",
            "hub:steps",
            "knm:index",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return Guide.objects.filter(published=True).aggregate(m=Max("updated"))["m"]


SITEMAPS = {
    "pages": PageSitemap,
    "topics": TopicSitemap,
    "guides": GuideSitemap,
    "sources": SourceSitemap,
    "glossary": GlossarySitemap,
    "knm": ThemeSitemap,
}
