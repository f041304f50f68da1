from django import template
from django.urls import NoReverseMatch, reverse

from core.linked import dead_links

register = template.Library()


def admin_url(obj) -> str:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


@register.inclusion_tag("admin/includes/dead_links.html")
def dead_links_status():
    """For the admin index: links on published pages to pages the public cannot see."""
    return {"links": [(link, admin_url(link.record)) for link in dead_links()]}
