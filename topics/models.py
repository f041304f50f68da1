from django.db import models
from django.urls import reverse

from core.models import ContentRecord, published_q
from core.translation import Translatable


class Topic(ContentRecord):
    """One of the hub's themes, such as "Routes to the Netherlands"."""

    order = models.PositiveIntegerField(default=100, help_text="Position in lists; 1 comes first.")
    key_points = models.TextField(
        help_text="Exactly three key points, one per line.",
    )
    translated_fields = (*ContentRecord.translated_fields, "key_points")

    class Meta:
        ordering = ["order", "title"]

    def get_absolute_url(self):
        return reverse("topics:detail", kwargs={"slug": self.slug})

    @property
    def key_point_list(self):
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class SourceCollection(Translatable):
    """A named list of sources inside a topic, e.g. "Official starting points"."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="collections")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    intro = models.TextField(help_text="One or two sentences: what this collection is for.")
    order = models.PositiveIntegerField(default=0)
    translated_fields = ("title", "intro")

    class Meta:
        ordering = ["topic__order", "order"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#{self.slug}"


class CollectionEntryQuerySet(models.QuerySet):
    def listed(self):
        """Entries as a page lists them: published sources only, with the source, in order."""
        return self.filter(published_q("source")).select_related("source").order_by("order")

    def listing(self, source):
        """Where a source is listed: its entries in published topics, in topic order."""
        return (
            self.filter(published_q("collection__topic"), source=source)
            .select_related("collection__topic")
            .order_by("collection__topic__order", "collection__order")
        )


class CollectionEntry(Translatable):
    """A source as listed in one collection, with that collection's label and note."""

    collection = models.ForeignKey(
        SourceCollection, on_delete=models.CASCADE, related_name="entries"
    )
    source = models.ForeignKey(
        "sources.Source", on_delete=models.PROTECT, related_name="collection_entries"
    )
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Name shown in this collection, if it differs from the source's name.",
    )
    label = models.CharField(max_length=100, help_text='A short tag, e.g. "Residence and permits".')
    note = models.TextField(help_text="Why this source matters in this collection.")
    order = models.PositiveIntegerField(default=0)

    objects = CollectionEntryQuerySet.as_manager()
    translated_fields = ("name", "label", "note")

    class Meta:
        ordering = ["collection", "order"]
        verbose_name_plural = "collection entries"

    def __str__(self):
        return f"{self.display_name} in {self.collection}"

    @property
    def display_name(self):
        return self.name or self.source.title
