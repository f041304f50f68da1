"""Sitemaps: the index pages, and the published records of every kind that asks for one,
in every language."""

from functools import partial

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from core import registry

SITE_PAGES = ["hub:home"]


class LanguageSitemap(Sitemap):
    """Every page in each of settings.LANGUAGES (/, /nl/), each naming its twins with
    <xhtml:link rel="alternate" hreflang>, and x-default the English page."""

    i18n = True
    alternates = True
    x_default = True


class RecordSitemap(LanguageSitemap):
    """Published records of one kind, with the date they last changed."""

    def __init__(self, kind):
        self.kind = kind
        self.priority = kind.sitemap_priority

    def items(self):
        return self.kind.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated


class PageSitemap(LanguageSitemap):
    """The home page and each kind's index page; they change whenever any record does."""

    priority = 0.7

    def items(self):
        return SITE_PAGES + [kind.index_view for kind in registry.kinds() if kind.index_view]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            dates = [
                kind.model.objects.published().aggregate(m=Max("updated"))["m"]
                for kind in registry.kinds()
            ]
            self._latest = max((d for d in dates if d), default=None)
        return self._latest


def sitemaps() -> dict:
    """Sitemap factories by section; the sitemap view makes a fresh one for each request."""
    maps: dict = {"pages": PageSitemap}
    for kind in registry.kinds():
        if kind.sitemap_priority is not None:
            maps[kind.name] = partial(RecordSitemap, kind)
    return maps
