from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = "FAQ"

    def ready(self):
        from core import registry

        from .content import KIND

        registry.register(KIND)
