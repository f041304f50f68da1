from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = "Guides"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
