from django.contrib import admin
from django.db.models import F

from core.admin import ContentAdmin, TabularInline, publish, rules_from, submitted_rows, unpublish
from sources.references import CITATIONS, check_references

from .models import Citation, Question


class CitationInline(TabularInline):
    model = Citation
    extra = 0
    field_rules = rules_from(CITATIONS.fields)
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url", "checked", "page_date"]


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    inlines = [CitationInline]
    actions = [publish, unpublish]

    def text_check(self, data):
        """Every amount and time limit in the answer carries a [n] reference to one of the
        citations submitted with it, as the loader insists."""
        count = submitted_rows(data, "citations", "source")
        return lambda text, cleaner: check_references(text, 1, count, cleaner)

    list_display = ["title", "read_more", "home", "order", "published"]
    list_filter = ["home", "published", "topics", "tags"]
    list_select_related = ["read_more"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["read_more"]
    filter_horizontal = ["guides", "topics", "sources"]
    readonly_fields = ["source_path", "updated"]
    fields = [
        "title",
        "slug",
        "body",
        "read_more",
        "guides",
        "topics",
        "sources",
        "home",
        "order",
        "published",
        "tags",
        "source_path",
        "updated",
    ]


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    """Every quick answer's sources, the least recently checked first."""

    list_display = ["checked", "source", "page", "question"]
    list_display_links = ["page"]
    list_filter = ["source", "checked"]
    list_select_related = ["source", "question"]
    search_fields = ["url", "note", "question__title", "source__title"]
    ordering = [F("checked").asc(nulls_first=True), "source__title", "url"]
    autocomplete_fields = ["source", "question"]
    field_rules = rules_from(CITATIONS.fields)
    fields = ["question", "source", "url", "note", "checked", "page_date", "order"]

    @admin.display(description="page", ordering="url")
    def page(self, obj):
        return obj.link
