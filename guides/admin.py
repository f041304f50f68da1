from django.conf import settings
from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone

from core.admin import (
    MARKDOWN_HELP,
    ContentAdmin,
    StackedInline,
    TabularInline,
    publish,
    rules_from,
    submitted_rows,
    unpublish,
)
from core.cache import content_changed
from core.history import record_action
from core.loader.schema import Field
from sources.references import CITATIONS, check_references

from .content import SPEC
from .models import Citation, Guide, RelatedGuide, Section


def citations_check(data):
    """The loader's rule for a guide's text: every amount and time limit carries a [n]
    reference to one of the citations submitted with it."""
    count = submitted_rows(data, "citations", "source")
    return lambda text, cleaner: check_references(text, 1, count, cleaner)


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            (
                "overdue",
                f"Overdue (guide or a source not checked for {settings.GUIDE_REVIEW_MONTHS} "
                "months)",
            ),
            ("current", "Reviewed recently"),
        ]

    def queryset(self, request, queryset):
        overdue = Guide.objects.overdue_for_review().values("pk")
        if self.value() == "overdue":
            return queryset.filter(pk__in=overdue)
        if self.value() == "current":
            return queryset.exclude(pk__in=overdue)
        return queryset


class SectionInline(StackedInline):
    model = Section
    extra = 0
    fields = ["number", "heading", "anchor", "body"]
    field_rules = {
        "heading": ("heading", Field("text", required=True)),
        "anchor": ("anchor", Field("slug", required=True)),
        "body": ("body", Field("text", required=True)),
    }
    markdown_fields = ("body",)

    def text_check(self, data):
        return citations_check(data)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            field.help_text = MARKDOWN_HELP
        return field


class CitationInline(TabularInline):
    model = Citation
    extra = 0
    field_rules = rules_from(CITATIONS.fields)
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url", "checked", "page_date"]


class RelatedGuideInline(TabularInline):
    model = RelatedGuide
    fk_name = "from_guide"
    extra = 0
    field_rules = rules_from(SPEC["related"].fields)
    autocomplete_fields = ["to_guide"]
    fields = ["order", "to_guide", "reason"]


class QuestionInline(TabularInline):
    """The quick answers shown on the guide (edit their text under Quick answers)."""

    model = Guide.questions.through
    extra = 0
    autocomplete_fields = ["question"]
    verbose_name = "quick answer"
    verbose_name_plural = "quick answers (FAQs) on this guide"


@admin.action(description="Mark selected guides as reviewed today")
def mark_reviewed(modeladmin, request, queryset):
    count = record_action(
        request, queryset, {"reviewed": timezone.localdate()}, "Marked as reviewed"
    )
    content_changed()
    modeladmin.message_user(
        request, f"{count} guide(s) marked as reviewed today.", messages.SUCCESS
    )


@admin.register(Guide)
class GuideAdmin(ContentAdmin):
    list_display = ["title", "topic", "reviewed", "oldest_check", "published", "updated"]
    list_filter = ["published", ReviewFilter, "topic", "tags", "reviewed"]
    list_select_related = ["topic"]
    search_fields = ["title", "summary", "body", "sections__body"]
    filter_horizontal = ["other_topics"]
    readonly_fields = ["source_path", "updated"]
    actions = [publish, unpublish, mark_reviewed]
    inlines = [SectionInline, CitationInline, RelatedGuideInline, QuestionInline]

    def text_check(self, data):
        return citations_check(data)

    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "topic", "other_topics", "tags"]}),
        ("Introduction", {"fields": ["body"], "description": MARKDOWN_HELP}),
        ("Publishing", {"fields": ["published", "reviewed", "order", "source_path", "updated"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_oldest_check()

    @admin.display(ordering="oldest_check", description="oldest source check")
    def oldest_check(self, obj):
        return obj.oldest_check

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, True if search_term else may_have_duplicates


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    """Every guide's sources, the least recently checked first: re-check from the top."""

    list_display = ["checked", "source", "page", "guide", "note"]
    list_display_links = ["page"]
    list_filter = ["source", "checked"]
    list_select_related = ["source", "guide"]
    search_fields = ["url", "note", "guide__title", "source__title"]
    ordering = [F("checked").asc(nulls_first=True), "source__title", "url"]
    autocomplete_fields = ["source", "guide"]
    field_rules = rules_from(CITATIONS.fields)
    fields = ["guide", "source", "url", "note", "checked", "page_date", "order"]

    @admin.display(description="page", ordering="url")
    def page(self, obj):
        return obj.link
