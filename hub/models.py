"""The shared base of every content record, and the Markdown it carries."""

from django.db import models
from django.db.models.functions import Lower

from .markdown import render_markdown


class ContentRecord(models.Model):
    """Fields every record loaded from `content/` has in common.

    `source_path` and `source_hash` say which file a record came from and what was loaded:
    the loader compares the record's current state with `source_hash` to notice edits made
    in admin since the last load, and never overwrites them silently.
    """

    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Part of the page's address: lowercase letters, digits and hyphens. "
        "It is the content file's name; changing it changes the URL.",
    )
    title = models.CharField(max_length=200, help_text="Shown as the page's main heading.")
    summary = models.TextField(
        blank=True, help_text="One or two plain sentences, shown in lists and under the title."
    )
    body = models.TextField(
        blank=True, help_text="Markdown. Links to this site are paths: /guides/…/."
    )
    body_html = models.TextField(blank=True, editable=False)
    published = models.BooleanField(
        default=True, help_text="Unpublished records are hidden from the public."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    source_path = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text="The content file this record was loaded from (empty if made in admin).",
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)


class GlossaryTerm(ContentRecord):
    """A word from official letters and sites (`title`), with its plain meaning (`body`)."""

    summary = models.TextField(blank=True, editable=False)
    abbreviation_of = models.CharField(
        max_length=200, blank=True, help_text="For an abbreviation: the Dutch words it stands for."
    )
    english = models.CharField(max_length=200, help_text="The meaning in plain English.")
    aliases = models.TextField(
        blank=True, help_text="Other ways people write it, one per line; search finds these too."
    )
    guide = models.ForeignKey(
        "guides.Guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="glossary_terms",
        help_text="The guide to read about it.",
    )
    mark = models.BooleanField(
        default=True, help_text="Mark the first use of the term in guides with a link here."
    )

    class Meta:
        ordering = [Lower("title")]

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("hub:glossary-term", kwargs={"slug": self.slug})

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def letter(self):
        first = self.title[:1].upper()
        return first if first.isalpha() else "#"


class Step(ContentRecord):
    """One step of the integration journey shown at /steps/."""

    order = models.PositiveIntegerField(unique=True, help_text="1 comes first.")
    guides = models.ManyToManyField("guides.Guide", through="StepGuide", related_name="steps")

    class Meta:
        ordering = ["order"]

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("hub:steps") + f"#{self.slug}"


class StepGuide(models.Model):
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="step_guides")
    guide = models.ForeignKey("guides.Guide", on_delete=models.CASCADE, related_name="step_links")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["step", "order"]
        constraints = [
            models.UniqueConstraint(fields=["step", "guide"], name="unique_step_guide"),
        ]

    def __str__(self):
        return f"{self.step} → {self.guide}"


class SearchEntry(models.Model):
    """One searchable page. Rebuilt from the content records by `hub.search.rebuild()`;
    on SQLite an FTS5 table mirrors it, on PostgreSQL the columns are searched directly."""

    kind = models.CharField(max_length=20)
    url = models.CharField(max_length=300, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    keywords = models.TextField(blank=True, help_text="Abbreviations, Dutch and English names.")

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"{self.kind}: {self.title}"


class Feedback(models.Model):
    """An answer to "Is this page useful?". No personal data: no IP, no user, no cookie id."""

    path = models.CharField(max_length=300, db_index=True)
    useful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=1000)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"{'Yes' if self.useful else 'No'} on {self.path}"


class ContentVersion(models.Model):
    """One row: bumped whenever content changes, so cached pages are never served stale."""

    version = models.PositiveBigIntegerField(default=1)
    changed = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"content version {self.version}"
