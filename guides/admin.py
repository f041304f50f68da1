from django.contrib import admin

from .models import Citation, Guide, RelatedGuide, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["number", "heading", "anchor", "body"]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url"]


class RelatedGuideInline(admin.TabularInline):
    model = RelatedGuide
    fk_name = "from_guide"
    extra = 0
    autocomplete_fields = ["to_guide"]
    fields = ["order", "to_guide", "reason"]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "reviewed", "published", "updated"]
    list_filter = ["published", "topic", "tags"]
    list_select_related = ["topic"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "reviewed"
    filter_horizontal = ["other_topics"]
    readonly_fields = ["source_path", "updated"]
    inlines = [SectionInline, CitationInline, RelatedGuideInline]
