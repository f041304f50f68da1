from django.contrib import admin

from core.admin import ContentAdmin, StackedInline, TabularInline, publish, rules_from, unpublish

from .content import SPEC
from .models import CollectionEntry, SourceCollection, Topic

COLLECTION = SPEC["collections"].fields


class SourceCollectionInline(StackedInline):
    model = SourceCollection
    extra = 0
    field_rules = rules_from(COLLECTION)
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


class CollectionEntryInline(TabularInline):
    model = CollectionEntry
    extra = 0
    field_rules = rules_from(COLLECTION["entries"].fields)
    autocomplete_fields = ["source"]
    fields = ["order", "source", "name", "label", "note"]


@admin.register(SourceCollection)
class SourceCollectionAdmin(ContentAdmin):
    list_display = ["title", "topic", "order"]
    list_filter = ["topic"]
    list_select_related = ["topic"]
    search_fields = ["title", "intro"]
    inlines = [CollectionEntryInline]
    field_rules = rules_from(COLLECTION)
    markdown_fields = ()
