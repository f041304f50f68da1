from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The base every other app builds on: the shared record, Markdown, the content version
    and page cache, the content-kind registry and the loader core, the admin base."""

    name = "core"
    verbose_name = "Content base"

    def ready(self):
        from .editors import on_post_migrate

        # Permissions exist only once every app has migrated; keep the group in step.
        post_migrate.connect(on_post_migrate, dispatch_uid="core.editors")
