from django.apps import AppConfig


class HubConfig(AppConfig):
    """The site pages on top of the content kinds: home, search, tags, sitemaps, feedback,
    the glossary and plan pages, error pages."""

    name = "hub"
    verbose_name = "Hub"

    def ready(self):
        from core.cache import content_updated
        from core.editors import READ_ONLY

        from .search import rebuild_after_change

        content_updated.connect(rebuild_after_change, dispatch_uid="hub.search")
        READ_ONLY.add(("hub", "feedback"))
