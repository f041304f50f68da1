"""Whole-page caching that is never stale.

Every content change (load_content, an admin save or delete) bumps one version number in
the database; cached pages are keyed by it, so the next request after a change renders
afresh on every app instance. Pages are stored in the configured cache (local memory, or
Redis when REDIS_URL is set). Repeat visits get 304 Not Modified through ETag and
Last-Modified. The CSRF token of the feedback form is punched out of the stored page and
filled in fresh for each visitor.
"""

from __future__ import annotations

import hashlib
import re

from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.http import http_date

from .models import ContentVersion

CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
CSRF_HOLE = b'name="csrfmiddlewaretoken" value="\x00csrf\x00"'
SKIP_PREFIXES = ("/admin/", "/knm/rounds/", "/knm/progress/", "/feedback/", "/static/", "/healthz")
TIMEOUT = 24 * 3600


def current_version() -> tuple[int, float]:
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed").first()
    if row is None:
        return 0, 0.0
    return row[0], row[1].timestamp()


def bump_version() -> None:
    updated = ContentVersion.objects.filter(pk=1).update(version=F("version") + 1)
    if not updated:
        ContentVersion.objects.get_or_create(pk=1)


def content_changed() -> None:
    """Call after any content change: once the transaction commits, caches and the search
    index follow."""
    from . import search

    transaction.on_commit(bump_version)
    transaction.on_commit(search.rebuild)


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIP_PREFIXES)
        and "sessionid" not in request.COOKIES
        and "messages" not in request.COOKIES
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        version, changed = current_version()
        cache = caches["default"]
        key = "page:" + hashlib.sha256(f"{version}|{request.get_full_path()}".encode()).hexdigest()
        etag = f'W/"{version}-{hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()[:16]}"'
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            self._validators(response, etag, changed)
            return response
        stored = cache.get(key)
        if stored is not None:
            status, content_type, body = stored
            if CSRF_HOLE in body:
                body = body.replace(
                    CSRF_HOLE, f'name="csrfmiddlewaretoken" value="{get_token(request)}"'.encode()
                )
            response = HttpResponse(body, status=status, content_type=content_type)
            response["X-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if (
                response.status_code in (200, 404)
                and not response.streaming
                and not response.cookies.get("sessionid")
            ):
                body = CSRF_RE.sub(CSRF_HOLE, response.content)
                cache.set(key, (response.status_code, response["Content-Type"], body), TIMEOUT)
                response["X-Cache"] = "miss"
            else:
                return response
        self._validators(response, etag, changed)
        return response

    @staticmethod
    def _validators(response, etag, changed):
        response["ETag"] = etag
        if changed:
            response["Last-Modified"] = http_date(changed)
        response["Cache-Control"] = "no-cache"  # always revalidate: cheap 304s, never stale
