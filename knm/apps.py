from django.apps import AppConfig


class KnmConfig(AppConfig):
    name = "knm"
    verbose_name = "KNM trainer"
