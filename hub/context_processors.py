from django.conf import settings


def site(request):
    """Values every template may use. No database queries here: they would cost every page."""
    return {
        "site_name": settings.SITE_NAME,
        # The page's address without its query string, for canonical links and sharing.
        "canonical_url": request.build_absolute_uri(request.path),
    }
