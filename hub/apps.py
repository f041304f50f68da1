from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Hub"

    def ready(self):
        from .editors import on_post_migrate

        # Permissions exist only once every app has migrated; keep the group in step.
        post_migrate.connect(on_post_migrate, dispatch_uid="hub.editors")
