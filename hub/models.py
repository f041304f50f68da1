"""The site's own records: the search index and page feedback."""

from django.db import models


class SearchEntry(models.Model):
    """One searchable page in one language. Rebuilt from the content kinds by
    `hub.search.rebuild()`; on SQLite an FTS5 table per language mirrors it (English with the
    porter stemmer, Dutch stemmed by Snowball), on PostgreSQL the columns are searched
    directly with the language's text search configuration."""

    kind = models.CharField(max_length=20)
    language = models.CharField(
        max_length=10, default="en", db_index=True, help_text="The language of the page."
    )
    url = models.CharField(max_length=300, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    headings = models.TextField(blank=True, help_text="Section headings.")
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
