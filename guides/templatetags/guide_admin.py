from django import template
from django.conf import settings

from guides.models import Guide, review_cutoff

register = template.Library()


@register.inclusion_tag("admin/includes/review_status.html")
def review_status():
    """For the admin index: how many guides are overdue for review."""
    return {
        "overdue": Guide.objects.overdue_for_review().count(),
        "months": settings.GUIDE_REVIEW_MONTHS,
        "cutoff": review_cutoff(),
    }
