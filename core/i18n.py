"""The site's languages as they appear in addresses: English at the root, the others under
/<code>/ (wegwijs/urls.py). Resolving an address depends on the active language, so code that
resolves paths it did not receive as the current request uses the address's own language."""

from contextlib import contextmanager

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def path_language(path: str) -> str:
    """The language an address is in: its prefix (/nl/...), or the default language."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def without_language(path: str) -> str:
    """The address without its language prefix: /nl/knm/ -> /knm/; /knm/ stays."""
    language = translation.get_language_from_path(path)
    if not language:
        return path
    return path[len(language) + 1 :] or "/"


@contextmanager
def in_language_of(path: str):
    """Resolve or reverse as the address's own language, whatever the request's is."""
    with translation.override(path_language(path)):
        yield


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language`: on this site the language
    comes from the address alone (an address without a prefix is English whatever the browser
    asks), so a shared cache must not keep a copy per Accept-Language."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip() and value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
