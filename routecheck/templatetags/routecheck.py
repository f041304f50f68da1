from django import template
from django.utils.translation import gettext as _

from ..acts import ACTS, acts_of

register = template.Library()


@register.filter
def acts(record) -> list[str]:
    """The acts a guide, quick answer or plan step is about: ["2021"], or [] for both."""
    return acts_of(record)


@register.filter
def act_names(values) -> str:
    """["2013", "2021"] → "2013 act and 2021 act"."""
    names = [str(ACTS[v]) for v in values if v in ACTS]
    if len(names) == 2:
        return _("%(first)s and %(second)s") % {"first": names[0], "second": names[1]}
    return ", ".join(names)
