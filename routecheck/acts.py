"""The two civic integration acts, and what other kinds need to know about them.

Guides, quick answers and plan steps may say which act they are about (`applies_to:
[2021]`); the field is declared here once and added to each of those kinds' specs. The
person's own act, from the route check, is kept in a cookie only when they ask for it.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy

from core.loader.schema import Field

ACTS = {"2013": gettext_lazy("2013 act"), "2021": gettext_lazy("2021 act")}

APPLIES_TO = Field("texts", sort=True, joined=True, choices=tuple(ACTS))


def drop_empty_applies_to(data: dict) -> dict:
    """Records that say nothing about the acts dump as they did before the field existed,
    so records loaded earlier still match the hash they were loaded with."""
    if not data.get("applies_to"):
        data.pop("applies_to", None)
    return data


def acts_of(record) -> list[str]:
    """The acts a guide, quick answer or step is about (empty: both, or not about an act)."""
    return [line.strip() for line in (record.applies_to or "").splitlines() if line.strip()]


def route_from_cookie(request) -> str:
    """The act the person asked the site to remember, or "" (anything else is ignored)."""
    value = request.COOKIES.get(settings.ROUTE_COOKIE_NAME, "")
    return value if value in ACTS else ""
