from django.apps import AppConfig


class StepsConfig(AppConfig):
    name = "steps"
    verbose_name = "Step-by-step plan"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
