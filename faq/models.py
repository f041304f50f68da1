from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager

from core.models import ContentQuerySet, ContentRecord
from sources.models import Reference
from sources.references import link_references


class QuestionQuerySet(ContentQuerySet):
    def on_home(self):
        return self.published().filter(home=True)

    def for_listing(self):
        """As lists show them: with the guide to read more in and the answer's sources."""
        return self.select_related("read_more").prefetch_related(
            models.Prefetch(
                "citations", Citation.objects.select_related("source").order_by("order")
            )
        )


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
    applies_to = models.CharField(
        max_length=20,
        blank=True,
        help_text="The integration acts this is about, one per line: 2013, 2021. Empty: both "
        "acts, or not about an act.",
    )
    tags = TaggableManager(blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def get_absolute_url(self):
        return reverse("faq:index") + f"#{self.slug}"

    @property
    def answer_html(self) -> str:
        """The answer, its `[n]` references linked to its sources (listed under it)."""
        return link_references(self.body_html, self.citations.all(), prefix=f"{self.slug}-")


class Citation(Reference):
    """A source a quick answer relies on; the answer refers to it by number (`[1]`)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(
        "sources.Source", on_delete=models.PROTECT, related_name="faq_citations"
    )

    class Meta:
        ordering = ["question", "order"]

    def __str__(self):
        return f"{self.question} cites {self.source}"
