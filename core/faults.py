"""When the database or the cache fails: what the site answers, and what health checks say.

A database that cannot be reached (refused, timed out, dropped) is an outage that passes:
pages answer 503 Service Unavailable with `Retry-After`, so browsers, balancers and a cache
in front (nginx's `proxy_cache_use_stale`) know to try again or serve what they have. The
page is a fixed string: rendering it needs no template, no database and no cache.

Health has two questions (`/healthz/live`, `/healthz/ready`): is this process up (always
yes when it answers), and can it serve (the database answers; the cache answering or not
only makes it "degraded", since pages render without it).
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static

from .redis_cache import cache_health

RETRY_AFTER_SECONDS = 30

UNAVAILABLE_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Wegwijs is briefly unavailable</title>
<link rel="stylesheet" href="{css}">
</head>
<body>
<main id="main" class="wrap narrow">
<h1>Wegwijs is briefly unavailable</h1>
<p>We cannot reach our data at the moment. Nothing is wrong on your side: please try again
in a minute.</p>
<div lang="nl">
<h2>Wegwijs is even niet bereikbaar</h2>
<p>We kunnen onze gegevens nu niet bereiken. Er is niets mis aan jouw kant. Probeer het over
een minuut opnieuw.</p>
</div>
</main>
</body>
</html>
"""


def is_database_down(error: BaseException | None) -> bool:
    """Whether `error` says the database cannot be reached or used right now."""
    return isinstance(error, OperationalError | InterfaceError)


def database_unavailable() -> HttpResponse:
    """503 with Retry-After; never stored by any cache."""
    html = UNAVAILABLE_HTML.format(css=static("css/site.css"))
    response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def current_error_is_database_down() -> bool:
    """For the 500 handler, which Django calls while handling the exception."""
    return is_database_down(sys.exc_info()[1])


def database_health() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return "unavailable"
    return "ok"


def liveness() -> JsonResponse:
    """The process is up and answering; says nothing about what it depends on."""
    return _health({"status": "ok"}, 200)


def readiness() -> JsonResponse:
    """200 when pages can be served (the cache may be "degraded"); 503 naming what failed."""
    checks = {"database": database_health(), "cache": cache_health()}
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    failed = sorted(name for name, state in checks.items() if state != "ok")
    return _health({"status": status, **checks, "failed": failed}, code)


def _health(data: dict, status: int) -> JsonResponse:
    response = JsonResponse(data, status=status)
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
