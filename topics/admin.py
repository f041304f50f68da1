from django.contrib import admin

from core.admin import ContentAdmin, publish, unpublish

from .models import CollectionEntry, SourceCollection, Topic


class SourceCollectionInline(admin.StackedInline):
    model = SourceCollection
    extra = 0
    show_change_link = True
    fields = ["order", "title", "slug", "intro"]


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    actions = [publish, unpublish]
    list_display = ["title", "order", "published", "updated"]
    list_editable = ["order"]
    list_filter = ["published"]
    search_fields = ["title", "summary", "body"]
    readonly_fields = ["source_path", "updated"]
    inlines = [SourceCollectionInline]


class CollectionEntryInline(admin.TabularInline):
    model = CollectionEntry
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "source", "name", "label", "note"]


@admin.register(SourceCollection)
class SourceCollectionAdmin(ContentAdmin):
    list_display = ["title", "topic", "order"]
    list_filter = ["topic"]
    list_select_related = ["topic"]
    search_fields = ["title", "intro"]
    inlines = [CollectionEntryInline]
