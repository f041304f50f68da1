"""The Editors group: people who keep the content right, and nothing else."""

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"

# app label → models whose records editors add, change, delete and view.
CONTENT_MODELS = {
    "topics": ["topic", "sourcecollection", "collectionentry"],
    "sources": ["source"],
    "guides": ["guide", "section", "citation", "relatedguide"],
    "faq": ["question"],
    "hub": ["glossaryterm", "step", "stepguide"],
    "knm": ["theme", "question", "option"],
    "taggit": ["tag", "taggeditem"],
}
# Models editors may only look at.
READ_ONLY = {"hub": ["feedback"]}


def ensure_editors_group() -> Group:
    """Create or repair the Editors group so it has exactly the content permissions."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    query = Permission.objects.none()
    for app, models in CONTENT_MODELS.items():
        codenames = [f"{a}_{m}" for m in models for a in ("add", "change", "delete", "view")]
        query |= Permission.objects.filter(content_type__app_label=app, codename__in=codenames)
    for app, models in READ_ONLY.items():
        query |= Permission.objects.filter(
            content_type__app_label=app, codename__in=[f"view_{m}" for m in models]
        )
    group.permissions.set(query)
    return group


def on_post_migrate(sender, **kwargs):
    ensure_editors_group()
