from django.urls import reverse


def crumbs(*items):
    """Breadcrumbs from (label, url) pairs, starting at Home; the last item is the page."""
    return [("Home", reverse("hub:home")), *items]
