from django.apps import AppConfig


class RoutecheckConfig(AppConfig):
    name = "routecheck"
    verbose_name = "Route check"

    def ready(self):
        from core import registry

        from .content import QUESTION_KIND, RESULT_KIND

        registry.register(QUESTION_KIND)
        registry.register(RESULT_KIND)
