from .acts import ACTS


def route(request):
    """The act the person asked us to remember (no database queries: this runs on every
    page)."""
    act = getattr(request, "route", "")
    return {"my_act": act, "my_act_label": ACTS.get(act, "")}
