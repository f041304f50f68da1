"""The Editors group: people who keep the content right, and nothing else.

What they may change follows from the registered content kinds (each names the models its
editors manage) and the tags; the site layer adds models editors may only look at.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from . import registry

EDITORS = "Editors"

# Tags belong to every kind that has them.
SHARED_MODELS = [("taggit", "tag"), ("taggit", "taggeditem")]
# (app label, model name) pairs editors may only look at; the site layer adds to this.
READ_ONLY: set[tuple[str, str]] = {("core", "translation")}


def content_models() -> list[tuple[str, str]]:
    """(app label, model name) of every model editors add, change and delete."""
    pairs = list(SHARED_MODELS)
    for kind in registry.kinds():
        for model in (kind.model, *kind.editor_models):
            pairs.append((model._meta.app_label, model._meta.model_name))
    return sorted(set(pairs))


def ensure_editors_group() -> Group:
    """Create or repair the Editors group so it has exactly the content permissions."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    query = Q(pk__in=[])
    for app, model in content_models():
        codenames = [f"{action}_{model}" for action in ("add", "change", "delete", "view")]
        query |= Q(content_type__app_label=app, codename__in=codenames)
    for app, model in sorted(READ_ONLY):
        query |= Q(content_type__app_label=app, codename=f"view_{model}")
    group.permissions.set(Permission.objects.filter(query))
    return group


def on_post_migrate(sender, **kwargs):
    ensure_editors_group()
