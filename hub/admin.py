from django.contrib import admin
from django.db.models import Count, Q

from .models import Feedback

admin.site.site_header = "Wegwijs editors"
admin.site.site_title = "Wegwijs admin"
admin.site.index_title = "Content"


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Every answer, newest first, with a summary of yes/no per page above the list."""

    list_display = ["created", "path", "useful", "comment"]
    list_filter = ["useful", "created"]
    search_fields = ["path", "comment"]
    date_hierarchy = "created"
    change_list_template = "admin/hub/feedback/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        pages = (
            Feedback.objects.values("path")
            .annotate(
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-no", "-yes", "path")[:50]
        )
        return super().changelist_view(request, {**(extra_context or {}), "pages": pages})
