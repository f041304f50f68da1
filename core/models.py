"""The shared base of every content record, its one public door, and the content version."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation

from .markdown import render_markdown
from .translation import Translatable


def published_q(via: str = "") -> Q:
    """The condition "is published", for this model or through a relation (`via`, e.g.
    "to_guide" or "citations__guide"). The one place that spells the rule out."""
    return Q(**{f"{via}__published" if via else "published": True})


class ContentQuerySet(models.QuerySet):
    """What every kind of content record can be asked for."""

    def published(self):
        """Records the public may see."""
        return self.filter(published_q())


class ContentRecord(Translatable):
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

    objects = ContentQuerySet.as_manager()
    # Texts a translation in content/<language>/ gives (see core.translation).
    translated_fields = ("title", "summary", "body", "body_html")

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            self.body_html = render_markdown(self.body)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "body" in update_fields:
                kwargs["update_fields"] = {*update_fields, "body_html"}
            super().save(*args, **kwargs)


class ContentVersion(models.Model):
    """One row: bumped whenever content changes, so cached pages are never served stale."""

    version = models.PositiveBigIntegerField(default=1)
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        # Made by the hub app's first migrations; the base owns it now (same table).
        db_table = "hub_contentversion"

    def __str__(self):
        return f"content version {self.version}"


class Translation(models.Model):
    """One translation file as last loaded: which record it translates into which language,
    and whether the English has changed since it was made (admin lists these)."""

    kind = models.CharField(max_length=40)
    slug = models.CharField(max_length=120)
    language = models.CharField(max_length=10)
    path = models.CharField(max_length=300, help_text="The translation file.")
    translation_of = models.CharField(
        max_length=64, help_text="The start of the hash of the English file it was made from."
    )
    english_hash = models.CharField(
        max_length=64, help_text="The start of the hash of the English file as loaded."
    )
    current = models.BooleanField(
        help_text="No: the English file changed since this translation was made; the page "
        "says so and links to the English one."
    )
    data_hash = models.CharField(max_length=64, editable=False)
    loaded = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["current", "kind", "slug", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "slug", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.path} ({'current' if self.current else 'behind the English'})"
