from django.conf import settings
from django.templatetags.static import static


def site(request):
    """Values every template may use. No database queries here: they would cost every page."""
    return {
        "site_name": settings.SITE_NAME,
        # The page's address without its query string, for canonical links and sharing.
        "canonical_url": request.build_absolute_uri(request.path),
        # The picture shown when a page is shared (og:image must be an absolute address).
        "social_card_url": request.build_absolute_uri(static("img/social-card.png")),
    }
