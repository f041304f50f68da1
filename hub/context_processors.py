from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation


def site(request):
    """Values every template may use. No database queries here: they would cost every page."""
    return {
        "site_name": settings.SITE_NAME,
        # The page's address without its query string, for canonical links and sharing.
        "canonical_url": request.build_absolute_uri(request.path),
        # The picture shown when a page is shared (og:image must be an absolute address).
        "social_card_url": request.build_absolute_uri(static("img/social-card.png")),
        **languages(request),
    }


def languages(request):
    """This page in every language: `language_alternates` for <link rel="alternate" hreflang>
    (absolute, with x-default the English address) and `language_switch`, the link to the
    same page in the other language. Only the path is carried over, never the query string
    (it may hold a person's answers). Resolving and reversing need no database."""
    current = translation.get_language()
    urls = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    if len(set(urls.values())) < len(urls):
        return {"language_alternates": [], "language_switch": None}  # not a page with twins
    alternates = [
        {"hreflang": code, "url": request.build_absolute_uri(url)} for code, url in urls.items()
    ]
    alternates.append(
        {"hreflang": "x-default", "url": request.build_absolute_uri(urls[settings.LANGUAGE_CODE])}
    )
    others = [(code, name) for code, name in settings.LANGUAGES if code != current]
    switch = None
    if len(others) == 1:  # with more languages, a list would replace the one link
        code, name = others[0]
        switch = {"code": code, "name": name, "url": urls[code]}
    return {"language_alternates": alternates, "language_switch": switch}
