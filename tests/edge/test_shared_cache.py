"""Pages the same for everyone may be kept by a shared cache in front; nothing else may."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    parts = [p.strip() for p in response["Cache-Control"].split(",")]
    return dict((p.split("=", 1) + [""])[:2] for p in parts)


def test_public_pages_may_be_kept_briefly_by_a_shared_cache(loaded, client, settings):
    for path in ["/", "/topics/arrival/", "/guides/get-digid/", "/sources/digid/"]:
        for response in (client.get(path), client.get(path)):  # rendered, then from the cache
            cc = directives(response)
            assert "public" in cc and cc["max-age"] == "0", path
            assert cc["s-maxage"] == str(settings.PAGE_CACHE_SHARED_SECONDS)
            assert int(cc["stale-while-revalidate"]) > 0 and int(cc["stale-if-error"]) > 0
            assert "Cookie" in response["Vary"] and "Accept-Encoding" in response["Vary"]
            assert response["ETag"]


def test_a_304_says_the_same(loaded, client):
    etag = client.get("/guides/get-digid/")["ETag"]
    response = client.get("/guides/get-digid/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and "public" in directives(response)


def test_visitors_with_a_session_get_private_pages(loaded, client):
    client.cookies["sessionid"] = "someone"
    response = client.get("/guides/get-digid/")
    assert response.status_code == 200
    cc = directives(response)
    assert "private" in cc and "public" not in cc and "s-maxage" not in cc
    assert "Cookie" in response["Vary"]


def test_pages_with_a_csrf_token_are_private(loaded):
    response = Client().get("/knm/")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in directives(response) and "public" not in directives(response)


def test_personal_answers_and_preferences_stay_private(loaded):
    answers = Client().get("/check/questions/")
    assert "public" not in directives(answers) and "no-store" in directives(answers)
    route = Client()
    route.cookies["wegwijs_route"] = "2021"
    response = route.get("/guides/get-digid/")
    assert "private" in directives(response) and "public" not in directives(response)


def test_admin_and_health_are_never_shared(loaded, admin_client, client):
    assert "public" not in directives(admin_client.get("/admin/"))
    assert directives(client.get("/healthz/ready")) == {"no-store": ""}
