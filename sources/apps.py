from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
