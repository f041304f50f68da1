"""Whole pages are cached for visitors without a session, and never served stale."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_repeat_visits_are_cache_hits_and_revalidate_with_304(loaded, client):
    first = client.get("/guides/get-digid/")
    assert first["X-Cache"] == "miss"
    second = client.get("/guides/get-digid/")
    assert second["X-Cache"] == "hit"
    assert second.content.decode().count("How do you get DigiD?") >= 1
    assert first["ETag"] == second["ETag"]
    assert second["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert "Last-Modified" in second
    not_modified = client.get("/guides/get-digid/", HTTP_IF_NONE_MATCH=second["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""


def test_a_content_load_invalidates_every_cached_page(loaded, load, content_dir, client):
    client.get("/guides/get-digid/")
    etag = client.get("/guides/get-digid/")["ETag"]
    path = content_dir / "guides/get-digid.md"
    path.write_text(
        path.read_text().replace("How do you get DigiD?", "How do you apply for DigiD?")
    )
    load()
    response = client.get("/guides/get-digid/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    assert "How do you apply for DigiD?" in response.content.decode()


def test_pages_with_a_csrf_token_are_not_cached(loaded):
    assert Client().get("/knm/").get("X-Cache") is None  # its forms carry a token


def test_visitors_with_a_session_and_staff_are_never_served_the_cache(loaded, admin_client):
    Client().get("/guides/get-digid/")
    assert admin_client.get("/guides/get-digid/").get("X-Cache") is None
    for path in ["/admin/", "/knm/progress/"]:
        assert Client().get(path).get("X-Cache") is None


def test_responses_are_compressed(loaded, client):
    import gzip

    for _ in range(2):  # rendered, then from the cache
        response = client.get("/guides/get-digid/", HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        assert b"How do you get DigiD?" in gzip.decompress(response.content)
