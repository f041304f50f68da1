from django.apps import AppConfig


class KnmConfig(AppConfig):
    name = "knm"
    verbose_name = "KNM trainer"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
