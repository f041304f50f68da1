from django.urls import reverse
from django.utils.translation import gettext as _


def crumbs(*items):
    """Breadcrumbs from (label, url) pairs, starting at Home; the last item is the page.
    Labels may be lazy translations: they are made text here, in the request's language."""
    return [(_("Home"), reverse("hub:home")), *((str(label), url) for label, url in items)]
