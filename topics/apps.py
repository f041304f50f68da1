from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Topics"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
