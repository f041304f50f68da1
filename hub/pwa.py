"""The installable app: its manifest, its service worker and the page it shows offline.

The service worker is served from the site root, so its scope is the whole site without a
Service-Worker-Allowed header. It keeps the offline practice page and the site's own files,
and the pages a person reads, so that they open with no connection (static/js/pwa.js
registers it; hub/templates/hub/sw.js is the worker).
"""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.breadcrumbs import crumbs

# Bump when the worker's own code changes in a way its cached files must follow.
WORKER_REVISION = 1
# Pages kept for reading offline: the most recently opened, up to this many and this size.
SAVED_PAGES = 60
SAVED_BYTES = 6 * 1024 * 1024
THEME_COLOUR = "#0b4f6c"  # --brand in site.css


def _in_every_language(name: str) -> list[str]:
    """A page's address in each of the site's languages: /knm/offline/, /nl/knm/offline/."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse(name))
    return urls


def _languages() -> list[dict]:
    """What the worker needs per language, the longest prefix first (/nl/ before /): where
    its offline pages are, and the words of the "saved copy" note."""
    languages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            languages.append(
                {
                    "code": code,
                    "prefix": reverse("hub:home"),
                    "practice": reverse("knm:offline"),
                    "offline": reverse("hub:offline"),
                    "knm": reverse("knm:index"),
                    "saved": _(
                        "<strong>Saved copy from {date}.</strong> You are offline, so this page "
                        "may have changed since. It is updated the next time you open it with a "
                        "connection."
                    ),
                    "not_saved": _("You are offline, and this page was not saved on this device."),
                }
            )
    return sorted(languages, key=lambda language: -len(language["prefix"]))


def _precache() -> list[str]:
    """What the worker stores on install: the offline pages and the files they need."""
    return [
        *_in_every_language("knm:offline"),
        *_in_every_language("hub:offline"),
        static("css/site.css"),
        static("js/pwa.js"),
        static("js/search.js"),
        static("js/knm-offline.js"),
        static("img/favicon.svg"),
        static("img/icon-192.png"),
    ]


@require_safe
def manifest(request):
    data = {
        "id": reverse("knm:index"),
        "name": f"{settings.SITE_NAME}: civic integration guides and KNM practice",
        "short_name": settings.SITE_NAME,
        "description": "Plain-English guides to civic integration in the Netherlands, and "
        "KNM exam practice that works offline.",
        "lang": "en",
        "start_url": reverse("knm:index"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [
            {"name": "Practise offline", "url": reverse("knm:offline")},
            {"name": "Your KNM progress", "url": reverse("knm:progress")},
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def service_worker(request):
    precache = _precache()
    config = {
        "version": hashlib.sha256(f"{WORKER_REVISION}|{'|'.join(precache)}".encode()).hexdigest()[
            :12
        ],
        "precache": precache,
        "languages": _languages(),
        "static": settings.STATIC_URL,
        "not_saved": [
            "/admin/",
            *_in_every_language("knm:index"),
            *_in_every_language("hub:search"),
            *_in_every_language("hub:feedback"),
        ],
        "page_limit": SAVED_PAGES,
        "byte_limit": SAVED_BYTES,
    }
    body = loader.render_to_string("hub/sw.js", {"config": json.dumps(config)})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on every visit; never let a cache hold an old one.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def offline(request):
    """What the worker shows for a page that was not saved, when there is no connection."""
    return render(request, "hub/offline.html", {"breadcrumbs": crumbs((_("Offline"), None))})


@cache
def _favicon_bytes() -> bytes:
    return (settings.BASE_DIR / "static" / "img" / "favicon.ico").read_bytes()


@require_safe
def favicon(request):
    """/favicon.ico: browsers, feed readers and bookmark tools ask for it at the root, whatever
    the page links to (drawn by tools/draw_icons.py)."""
    response = HttpResponse(_favicon_bytes(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
