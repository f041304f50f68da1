from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager

from core.models import ContentQuerySet, ContentRecord


class QuestionQuerySet(ContentQuerySet):
    def on_home(self):
        return self.published().filter(home=True)

    def for_listing(self):
        """As lists show them: with the guide to read more in."""
        return self.select_related("read_more")


class Question(ContentRecord):
    """A quick answer: a question (`title`) and a short answer (`body`, Markdown)."""

    summary = models.TextField(blank=True, editable=False)
    read_more = models.ForeignKey(
        "guides.Guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The guide to open for more detail.",
    )
    guides = models.ManyToManyField("guides.Guide", blank=True, related_name="questions")
    topics = models.ManyToManyField("topics.Topic", blank=True, related_name="questions")
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="questions")
    home = models.BooleanField(default=False, help_text="Shown on the home page.")
    order = models.PositiveIntegerField(default=100)
    tags = TaggableManager(blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def get_absolute_url(self):
        return reverse("faq:index") + f"#{self.slug}"
