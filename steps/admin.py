from django.contrib import admin

from core.admin import ContentAdmin, TabularInline, publish, unpublish

from .models import Step, StepGuide


class StepGuideInline(TabularInline):
    model = StepGuide
    extra = 0
    autocomplete_fields = ["guide"]


@admin.register(Step)
class StepAdmin(ContentAdmin):
    actions = [publish, unpublish]
    list_display = ["order", "title", "published"]
    list_display_links = ["title"]
    readonly_fields = ["source_path", "updated"]
    inlines = [StepGuideInline]
