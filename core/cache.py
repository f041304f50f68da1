"""Whole-page caching that is never stale.

Every content change (load_content, an admin save or delete) bumps one version number in
the database; cached pages are keyed by it, so the next request after a change renders
afresh on every app instance. Pages are stored in the configured cache (local memory, or
Redis when REDIS_URL is set), once plain and once gzipped. Repeat visits get 304 Not
Modified through ETag and Last-Modified. Pages that carry a CSRF token (the KNM forms) or
say they are private (the route check's answers), and visitors with a session (learners,
editors) or a personal preference cookie, are never cached.

The pages this cache serves are the same for everyone, so they say so to caches on the
way too: `Cache-Control: public, max-age=0, s-maxage=N, stale-while-revalidate, stale-if-
error`. Browsers revalidate every time (a cheap 304); a shared cache (nginx, a CDN) may
answer for N seconds (settings.PAGE_CACHE_SHARED_SECONDS), which is how stale a page can
be there after a change, and may keep serving its copy while the application is down.
Every other response without its own Cache-Control is marked `private, no-cache`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F
from django.dispatch import Signal
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from .i18n import without_language
from .models import ContentVersion

# Sent once a content change has been committed. Receivers (the site's search index) bring
# their own derived data up to date and may return one line for `load_content` to print.
content_updated = Signal()

SKIP_PREFIXES = (
    "/admin/",
    "/knm/",
    "/feedback/",
    "/static/",
    "/healthz",
    "/bench/",
    # Depend on the deployed static files, not on the content version.
    "/sw.js",
    "/manifest.webmanifest",
)
TIMEOUT = 24 * 3600
VERSION_SQL = f"SELECT version, changed FROM {ContentVersion._meta.db_table} WHERE id = 1"


def current_version() -> tuple[int, float]:
    """(version, time of the last change). Plain SQL: this runs on every cached request."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
    if row is None:
        return 0, 0.0
    changed = row[1]
    if isinstance(changed, str):
        changed = dt.datetime.fromisoformat(changed)
    return row[0], changed.timestamp()


def bump_version() -> None:
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1)


def content_updated_reports() -> list[str]:
    """Tell every receiver that content changed; return the lines they report."""
    return [str(line) for _, line in content_updated.send(sender=ContentVersion) if line]


def content_changed() -> None:
    """Call after any content change: once the transaction commits, caches and derived data
    (the search index) follow."""
    transaction.on_commit(bump_version)
    transaction.on_commit(content_updated_reports)


def _cacheable_request(request) -> bool:
    """Not for visitors whose pages are made for them: a session, a message to show, or a
    preference such as "show only what applies to me" (settings.PAGE_CACHE_SKIP_COOKIES)."""
    return (
        request.method in ("GET", "HEAD")
        # /nl/knm/ is skipped like /knm/: the rules are about the page, in any language.
        and not without_language(request.path).startswith(SKIP_PREFIXES)
        and not any(name in request.COOKIES for name in settings.PAGE_CACHE_SKIP_COOKIES)
    )


def _cacheable_response(request, response) -> bool:
    """A page that says it is private or must not be stored (one person's answers) never is."""
    cache_control = response.get("Cache-Control", "")
    return (
        "no-store" not in cache_control
        and "private" not in cache_control
        and response.status_code in (200, 404)
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not response.has_header("Content-Encoding")
    )


def shared_cache_control() -> str:
    """What a page the same for everyone tells caches on the way (see the module's notes)."""
    return (
        f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}"
    )


def _private(response):
    """A response made for this visitor (or not known to be the same for everyone): no
    shared cache may keep it. Views that chose their own Cache-Control keep it."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return _private(self.get_response(request))
        version, changed = current_version()
        key = "page:" + hashlib.sha256(f"{version}|{request.get_full_path()}".encode()).hexdigest()
        etag = f'W/"{key[5:25]}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            response["Vary"] = "Accept-Encoding, Cookie"
            self._validators(response, etag, changed)
            return response
        cache = caches["default"]
        stored = cache.get(key)
        if stored is None:
            response = self.get_response(request)
            if not _cacheable_response(request, response):
                return _private(response)
            body = response.content
            stored = (response.status_code, response["Content-Type"], body, gzip.compress(body, 6))
            cache.set(key, stored, TIMEOUT)
            state = "miss"
        else:
            state = "hit"
        status, content_type, body, zipped = stored
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            response = HttpResponse(zipped, status=status, content_type=content_type)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(body, status=status, content_type=content_type)
        # Cookie: a visitor with a session or a preference gets a page of their own.
        response["Vary"] = "Accept-Encoding, Cookie"
        response["X-Cache"] = state
        self._validators(response, etag, changed)
        return response

    @staticmethod
    def _validators(response, etag, changed):
        response["ETag"] = etag
        if changed:
            response["Last-Modified"] = http_date(changed)
        # Browsers always revalidate (cheap 304s); shared caches may answer for a few seconds.
        response["Cache-Control"] = shared_cache_control()
