"""HEAD works on every page GET works on, with GET's headers and no body, through the
same WSGI entry point gunicorn uses (Django's test client would drop the body itself)."""

import re
from io import BytesIO

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import URLPattern, URLResolver, get_resolver

from core import registry

pytestmark = pytest.mark.django_db

# Differ between two requests by design: whether the page came from the cache, and the
# moment a page that must not be kept expired (`Expires: now`) and its new CSRF cookie.
VOLATILE = {"X-Cache"}
VOLATILE_VALUES = VOLATILE | {"Expires", "Set-Cookie"}


def call_wsgi(method: str, url: str) -> tuple[int, dict[str, str], bytes]:
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b""),
        "wsgi.errors": BytesIO(),
    }
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = int(status.split()[0])
        captured["headers"] = dict(headers)

    # As Django's test client does: the test's open transaction must survive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return captured["status"], captured["headers"], body


def parameterless_paths(patterns=None, prefix=""):
    """Every URL pattern that takes no parameters, admin aside."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if "<" in route or route.startswith("^") or route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            yield from parameterless_paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


def site_paths(sitemap: bytes) -> list[str]:
    found = re.findall(rb"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap)
    return [p.decode() for p in found]


def test_every_get_page_answers_head_with_the_same_headers_and_no_body(loaded):
    status, _, sitemap = call_wsgi("GET", "/sitemap.xml")
    assert status == 200
    paths = set(parameterless_paths()) | set(site_paths(sitemap))
    paths |= {"/search/?q=digid", "/guides/no-such-guide/"}
    assert {"/", "/topics/arrival/", "/guides/get-digid/", "/sources/digid/", "/knm/"} <= paths
    assert any(kind.index_view for kind in registry.kinds())
    checked = 0
    for path in sorted(paths):
        get_status, get_headers, get_body = call_wsgi("GET", path)
        head_status, head_headers, head_body = call_wsgi("HEAD", path)
        if get_status == 405:  # a form's address that only takes POST
            assert head_status == 405, path
            continue
        assert head_status == get_status, path
        assert head_status != 405, path
        assert head_body == b"", path
        assert set(head_headers) - VOLATILE == set(get_headers) - VOLATILE, path
        for name in set(get_headers) - VOLATILE_VALUES:
            assert head_headers[name] == get_headers[name], (path, name)
        if "Content-Length" in get_headers:
            assert int(head_headers["Content-Length"]) == len(get_body), path
        checked += 1
    assert checked >= 20


def test_head_of_a_cached_page_keeps_its_length_and_validators(loaded):
    _, first, body = call_wsgi("GET", "/guides/get-digid/")
    status, head, head_body = call_wsgi("HEAD", "/guides/get-digid/")
    assert status == 200 and head_body == b"" and head["X-Cache"] == "hit"
    assert head["Content-Length"] == str(len(body)) and head["ETag"] == first["ETag"]
