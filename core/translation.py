"""Content in more than one language: a record's texts in other languages, read where the
English ones are read.

The English content is the record's own columns. Its translations live in one JSON column,
`translations`, keyed by language: {"nl": {"title": …, "body_html": …, "_of": "3f9a0c1d2e4b",
"_current": true}}. A model lists the fields that have translations in `translated_fields`;
reading one of them (`guide.title`) while another language is active (a page under /nl/)
gives that language's text when there is one, and the English text when there is none. So
templates, lists, related records and search entries need no change and no extra query.

Writing never goes through a translation: `save()` always runs in the default language, so a
record saved while Dutch is active still stores its English columns, and the loader fills
`translations` from `content/<language>/` (core.loader.translations).
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils import translation

from .markdown import render_markdown

# Keys of a language's entry that are not field texts.
OF, CURRENT = "_of", "_current"


def default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def languages() -> list[str]:
    """The languages content may be translated into: every site language but the default."""
    default = default_language()
    return [code for code, _ in settings.LANGUAGES if code.split("-")[0] != default]


def content_language() -> str | None:
    """The active language when it is not the default one (whose texts are the columns)."""
    active = (translation.get_language() or "").split("-")[0]
    return active if active and active != default_language() else None


class TranslatedField:
    """A data descriptor in front of a model field: the active language's text when the
    instance has one, the column's own value otherwise. Values are stored where Django keeps
    them (`instance.__dict__`), so loading, deferring and saving work as usual."""

    def __init__(self, field_name: str, original):
        self.field_name = field_name
        self.original = original  # Django's DeferredAttribute: loads a deferred field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self.original
        value = self.original.__get__(instance, owner)
        translations = instance.__dict__.get("translations")
        if not translations:  # most reads: no need to ask which language is active
            return value
        language = content_language()
        if language:
            texts = translations.get(language)
            if texts and texts.get(self.field_name) not in (None, ""):
                return texts[self.field_name]
        return value

    def __set__(self, instance, value):
        instance.__dict__[self.field_name] = value


class Translatable(models.Model):
    """A model with texts in other languages (see the module's docstring)."""

    translations = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Texts in other languages, loaded from content/<language>/.",
    )
    translated_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Field values are read through the descriptors: read them in the default language.
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)

    def translation_of(self, language: str) -> dict:
        return (self.translations or {}).get(language) or {}

    def set_translation(self, language: str, **texts) -> None:
        """Set this record's texts in `language` (fields not given keep their English)."""
        unknown = set(texts) - set(self.translated_fields) - {OF, CURRENT}
        if unknown:
            raise ValueError(f"{type(self).__name__} has no translated field {sorted(unknown)}")
        self.translations = {**(self.translations or {}), language: texts}

    @property
    def is_translated(self) -> bool:
        """Whether the active language has texts for this record (always, in the default)."""
        language = content_language()
        return language is None or bool(self.translation_of(language))

    @property
    def translation_behind(self) -> bool:
        """The active language's texts translate an older version of the English."""
        language = content_language()
        return bool(language) and self.translation_of(language).get(CURRENT) is False


@receiver(class_prepared)
def _install_translated_fields(sender, **kwargs):
    if not issubclass(sender, Translatable) or sender._meta.abstract:
        return
    for name in sender.translated_fields:
        field = sender._meta.get_field(name)
        original = sender.__dict__.get(field.attname) or getattr(sender, field.attname)
        if isinstance(original, TranslatedField):
            continue
        setattr(sender, field.attname, TranslatedField(field.attname, original))


# Paths of the site that have no language prefix: links to them stay as they are.
UNPREFIXED = ("/static/", "/admin/", "/media/", "/sitemap.xml", "/robots.txt", "/healthz")
_HREF_RE = re.compile(r'href="(/[^"]*)"')


def localise_path(path: str, language: str) -> str:
    """A path of the site in `language`: /guides/x/ → /nl/guides/x/ (others as they are)."""
    if not path.startswith("/") or path.startswith((*UNPREFIXED, f"/{language}/", "//")):
        return path
    return f"/{language}{path}"


def localise_links(html: str, language: str) -> str:
    """Links to pages of the site in `language`, in HTML."""
    return _HREF_RE.sub(lambda m: f'href="{localise_path(m.group(1), language)}"', html)


def render_translation(text: str, language: str) -> str:
    """A translation's Markdown as HTML, its links leading to the pages in its language."""
    return localise_links(render_markdown(text), language)


def in_default_language(function):
    """Run `function` in the default language, whatever the request or test before it
    activated: reading and writing content is about the English columns and paths."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper
