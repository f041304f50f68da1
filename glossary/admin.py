from django.contrib import admin

from core.admin import ContentAdmin, publish, unpublish

from .models import GlossaryTerm, Synonym


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    actions = [publish, unpublish]
    list_display = ["title", "abbreviation_of", "english", "guide", "mark", "published"]
    list_filter = ["mark", "published"]
    list_select_related = ["guide"]
    search_fields = ["title", "abbreviation_of", "english", "aliases"]
    autocomplete_fields = ["guide"]
    readonly_fields = ["source_path", "updated"]
    fields = [
        "title",
        "slug",
        "abbreviation_of",
        "english",
        "aliases",
        "body",
        "guide",
        "mark",
        "published",
        "source_path",
        "updated",
    ]


@admin.register(Synonym)
class SynonymAdmin(ContentAdmin):
    list_display = ["title", "guide", "published"]
    list_select_related = ["guide"]
    search_fields = ["title", "words"]
    autocomplete_fields = ["guide"]
    readonly_fields = ["source_path", "updated"]
    fields = ["title", "slug", "words", "guide", "published", "body", "source_path", "updated"]
