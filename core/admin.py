"""What every content admin shares: history with revert (django-reversion), and keeping
the search index (and page cache) in step with every save or delete."""

from django.contrib import admin, messages
from reversion.admin import VersionAdmin

from .cache import content_changed


class ContentAdmin(VersionAdmin):
    """History (who, when, what changed) and revert for content records."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()


@admin.action(description="Publish selected records")
def publish(modeladmin, request, queryset):
    count = queryset.update(published=True)
    content_changed()
    modeladmin.message_user(request, f"{count} published.", messages.SUCCESS)


@admin.action(description="Unpublish selected records (hide them from the public)")
def unpublish(modeladmin, request, queryset):
    count = queryset.update(published=False)
    content_changed()
    modeladmin.message_user(request, f"{count} unpublished.", messages.SUCCESS)


MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; ## starts a numbered section (guides), "
    "### a sub-heading; - starts a list item; **bold**; [link text](/guides/slug/) links to "
    "this site, [text](https://…) to another."
)
