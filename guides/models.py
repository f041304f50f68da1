import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from taggit.managers import TaggableManager

from core.markdown import render_markdown
from core.models import ContentQuerySet, ContentRecord, published_q
from core.translation import Translatable
from sources.models import Reference


def review_cutoff() -> dt.date:
    """Guides reviewed before this date are overdue (`WEGWIJS_REVIEW_MONTHS` ago)."""
    today = timezone.localdate()
    months = settings.GUIDE_REVIEW_MONTHS
    year, month = divmod(today.month - 1 - months, 12)
    day = min(today.day, 28)
    return today.replace(year=today.year + year, month=month + 1, day=day)


class GuideQuerySet(ContentQuerySet):
    def with_oldest_check(self):
        """Annotate `oldest_check`: the date of the guide's least recently checked source."""
        return self.annotate(oldest_check=models.Min("citations__checked"))

    def overdue_for_review(self):
        """Guides not reviewed, or relying on a source not checked, for
        `WEGWIJS_REVIEW_MONTHS`; a source never checked counts as overdue."""
        cutoff = review_cutoff()
        return self.with_oldest_check().filter(
            models.Q(reviewed__lt=cutoff)
            | models.Q(oldest_check__lt=cutoff)
            | models.Q(oldest_check__isnull=True)
        )

    def reviewed_recently(self):
        return self.exclude(pk__in=self.overdue_for_review().values("pk"))

    def listed_in(self, topic):
        """Published guides a topic lists: its own first, then those it also lists."""
        # "Also in" through a subquery, not a join: no duplicate rows, so no DISTINCT over
        # every column, and the database can count and page through thousands cheaply.
        also_in = Guide.other_topics.through.objects.filter(topic=topic).values("guide_id")
        return (
            self.published()
            .filter(models.Q(topic=topic) | models.Q(pk__in=also_in))
            .annotate(
                elsewhere=models.Case(
                    models.When(topic=topic, then=models.Value(0)),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                )
            )
            .order_by("elsewhere", "order", "title")
        )

    def citing(self, source):
        """Published guides that cite a source, in topic order."""
        cited = Citation.objects.filter(source=source).values("guide_id")
        return (
            self.published()
            .filter(pk__in=cited)
            .select_related("topic")
            .order_by("topic__order", "order", "title")
        )


class Guide(ContentRecord):
    """An in-depth answer to one newcomer question, in numbered sections."""

    topic = models.ForeignKey(
        "topics.Topic",
        on_delete=models.PROTECT,
        related_name="guides",
        help_text="The main topic: the guide's breadcrumb.",
    )
    other_topics = models.ManyToManyField(
        "topics.Topic",
        blank=True,
        related_name="listed_guides",
        help_text="Other topics that list this guide.",
    )
    reviewed = models.DateField(help_text="When an editor last checked every fact in it.")
    order = models.PositiveIntegerField(default=100, help_text="Position within its topic.")
    related = models.ManyToManyField(
        "self",
        through="RelatedGuide",
        symmetrical=False,
        related_name="+",
        blank=True,
    )
    applies_to = models.CharField(
        max_length=20,
        blank=True,
        help_text="The integration acts this is about, one per line: 2013, 2021. Empty: both "
        "acts, or not about an act.",
    )
    tags = TaggableManager(blank=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        indexes = [
            # A topic's guides, counted and sorted from the index alone: the columns come
            # after the long texts in the row, which thousands of guides make slow to read.
            models.Index(
                fields=["topic", "published", "order", "title"], name="guide_topic_listing"
            ),
        ]

    def get_absolute_url(self):
        return reverse("guides:detail", kwargs={"slug": self.slug})


class Section(Translatable):
    """A numbered part of a guide (01, 02, …)."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveIntegerField(help_text="Sections are shown in this order.")
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(max_length=120, help_text="The #fragment that links to the section.")
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False)

    translated_fields = ("heading", "body", "body_html")

    class Meta:
        ordering = ["guide", "number"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="unique_section_number"),
        ]

    def __str__(self):
        return f"{self.number:02d} {self.heading}"

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):  # the English column
            self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    @property
    def label(self):
        return f"{self.number:02d}"


class Citation(Reference):
    """A source a guide relies on: what the guide uses it for, and when it was checked.
    The guide's text refers to it by number: `[1]` is the first citation."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="citations")

    class Meta:
        ordering = ["guide", "order"]
        indexes = [
            # The guides citing a source, for its page and its count, from the index alone.
            models.Index(fields=["source", "guide"], name="citation_source_guide"),
        ]

    def __str__(self):
        return f"{self.guide} cites {self.source}"


class RelatedGuideQuerySet(models.QuerySet):
    def shown(self):
        """Links to published guides, in order, with the guide."""
        return self.filter(published_q("to_guide")).select_related("to_guide").order_by("order")


class RelatedGuide(Translatable):
    """A next guide to read, with a one-line reason."""

    from_guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="related_links")
    to_guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=0)

    objects = RelatedGuideQuerySet.as_manager()
    translated_fields = ("reason",)

    class Meta:
        ordering = ["from_guide", "order"]
        constraints = [
            models.UniqueConstraint(fields=["from_guide", "to_guide"], name="unique_related_guide"),
        ]

    def __str__(self):
        return f"{self.from_guide} → {self.to_guide}"
