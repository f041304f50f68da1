from django.conf import settings
from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone

from core.admin import MARKDOWN_HELP, ContentAdmin, publish, unpublish
from core.cache import content_changed

from .models import Citation, Guide, RelatedGuide, Section


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


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["number", "heading", "anchor", "body"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            field.help_text = MARKDOWN_HELP
        return field


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url", "checked", "page_date"]


class RelatedGuideInline(admin.TabularInline):
    model = RelatedGuide
    fk_name = "from_guide"
    extra = 0
    autocomplete_fields = ["to_guide"]
    fields = ["order", "to_guide", "reason"]


class QuestionInline(admin.TabularInline):
    """The quick answers shown on the guide (edit their text under Quick answers)."""

    model = Guide.questions.through
    extra = 0
    autocomplete_fields = ["question"]
    verbose_name = "quick answer"
    verbose_name_plural = "quick answers (FAQs) on this guide"


@admin.action(description="Mark selected guides as reviewed today")
def mark_reviewed(modeladmin, request, queryset):
    count = queryset.update(reviewed=timezone.localdate())
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
    fields = ["guide", "source", "url", "note", "checked", "page_date", "order"]

    @admin.display(description="page", ordering="url")
    def page(self, obj):
        return obj.link
