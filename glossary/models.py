"""Glossary terms: the words from official letters and sites, with their plain meaning."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from core.models import ContentQuerySet, ContentRecord

from .marking import Term


class GlossaryTermQuerySet(ContentQuerySet):
    def for_marking(self) -> list[Term]:
        """Published terms that mark their first use in a page, as `mark_terms` needs them."""
        terms = (
            self.published().filter(mark=True).only("slug", "title", "english", "abbreviation_of")
        )
        return [
            Term(
                t.title,
                t.get_absolute_url(),
                f"{t.abbreviation_of}: {t.english}" if t.abbreviation_of else t.english,
            )
            for t in terms
        ]


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

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        db_table = "hub_glossaryterm"  # made by the hub app's first migrations
        ordering = [Lower("title")]

    def get_absolute_url(self):
        return reverse("hub:glossary-term", kwargs={"slug": self.slug})

    @property
    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    @property
    def names(self) -> list[str]:
        """Every name the term goes by: itself, the Dutch words, the English, the aliases."""
        return [n for n in (self.title, self.abbreviation_of, self.english, *self.alias_list) if n]

    @property
    def letter(self):
        first = self.title[:1].upper()
        return first if first.isalpha() else "#"


class Synonym(ContentRecord):
    """Words people search with that a guide answers, though it may not use them: Dutch
    words from letters, common misspellings, everyday English. Search finds the guide by
    them as strongly as by its own title."""

    summary = models.TextField(blank=True, editable=False)
    words = models.TextField(help_text="One word or short phrase per line.")
    guide = models.ForeignKey(
        "guides.Guide",
        on_delete=models.CASCADE,
        related_name="synonyms",
        help_text="The guide these words should find.",
    )

    class Meta:
        ordering = [Lower("title")]

    @property
    def word_list(self) -> list[str]:
        return [line.strip() for line in self.words.splitlines() if line.strip()]
