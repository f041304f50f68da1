from django import template

from ..acts import ACTS, acts_of

register = template.Library()


@register.filter
def acts(record) -> list[str]:
    """The acts a guide, quick answer or plan step is about: ["2021"], or [] for both."""
    return acts_of(record)


@register.filter
def act_names(values) -> str:
    """["2013", "2021"] → "2013 act and 2021 act"."""
    return " and ".join(ACTS[v] for v in values if v in ACTS)
