from django.contrib import admin

from core.admin import ContentAdmin, publish, unpublish

from .models import Question


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    actions = [publish, unpublish]
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
