from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import ContentQuerySet, ContentRecord, published_q
from core.translation import Translatable


class SourceQuerySet(ContentQuerySet):
    def with_mentions(self):
        """Annotate `topic_mentions` (collection entries listing the source) and
        `article_mentions` (published guides citing it), counted by the database."""
        # One subquery per count, not two joins: joined, a source's entries and citations
        # multiply (2 entries x 400 citations = 800 rows) before DISTINCT counts them.
        entries = self.model._meta.get_field("collection_entries").related_model
        citations = self.model._meta.get_field("citations").related_model
        return self.annotate(
            topic_mentions=_count(entries.objects.filter(source=OuterRef("pk")), "pk"),
            article_mentions=_count(
                citations.objects.filter(published_q("guide"), source=OuterRef("pk")), "guide"
            ),
        )


def _count(queryset, field: str):
    """The number of distinct `field` values in a correlated subquery (0 when none)."""
    counted = queryset.order_by().values("source").annotate(n=Count(field, distinct=True))
    return Coalesce(Subquery(counted.values("n")), 0)


class Source(ContentRecord):
    """An official website or a study resource that collections and guides point to.

    `title` is the source's short name ("IND").
    """

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official information")
        LEARNING = "learning", _("Study and practice material")
        SUPPORT = "support", _("Help and guidance")

    full_name = models.CharField(
        max_length=200, blank=True, help_text="The full or Dutch name, if it differs."
    )
    url = models.URLField(
        max_length=500, help_text="The site's main page for this subject (https)."
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        help_text="Groups the sources index: government body, study material, or help.",
    )

    objects = SourceQuerySet.as_manager()
    translated_fields = (*ContentRecord.translated_fields, "full_name")

    class Meta:
        ordering = ["title"]

    def get_absolute_url(self):
        return reverse("sources:detail", kwargs={"slug": self.slug})

    @property
    def display_url(self):
        """The URL as people read it: no scheme, no trailing slash."""
        return self.url.split("://", 1)[-1].rstrip("/")


class Reference(Translatable):
    """What a page relies on: one source (in the concrete model), the exact page, what the
    page uses it for, and when someone last compared the claims with it."""

    note = models.TextField(help_text="What this source supports on the page.")
    url = models.URLField(
        max_length=500, blank=True, help_text="Deep link to the exact page (https)."
    )
    checked = models.DateField(
        null=True,
        help_text="The day someone compared the claims with this page. Null only for records "
        "loaded before this field existed.",
    )
    page_date = models.DateField(
        null=True, blank=True, help_text="The page's own date, if it shows one."
    )
    order = models.PositiveIntegerField(default=0)
    translated_fields = ("note",)

    class Meta:
        abstract = True
        ordering = ["order"]

    @property
    def link(self):
        return self.url or self.source.url
