from django.contrib import admin

from core.admin import ContentAdmin, publish, unpublish

from .models import Source


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    actions = [publish, unpublish]
    list_display = ["title", "kind", "url", "topic_mentions", "article_mentions", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "full_name", "summary", "url"]
    readonly_fields = ["source_path", "updated"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_mentions()

    @admin.display(ordering="topic_mentions", description="topic mentions")
    def topic_mentions(self, obj):
        return obj.topic_mentions

    @admin.display(ordering="article_mentions", description="article mentions")
    def article_mentions(self, obj):
        return obj.article_mentions
