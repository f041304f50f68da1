from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        from core import registry

        from .content import KIND, SYNONYMS

        registry.register(KIND)
        registry.register(SYNONYMS)
