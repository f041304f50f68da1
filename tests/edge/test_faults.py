"""A cache that fails open, a database that fails clearly, and health that says which."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/topics/arrival/", "/guides/get-digid/", "/sources/digid/", "/glossary/"]


@pytest.fixture
def dead_redis(settings):
    """REDIS_URL pointing at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    yield caches["default"]


def test_with_redis_down_every_page_renders_and_the_warning_is_logged_once(
    loaded, dead_redis, client, caplog
):
    caplog.set_level(logging.WARNING, logger="wegwijs.cache")
    for _ in range(3):
        for path in PAGES:
            response = client.get(path)
            assert response.status_code == 200, path
            assert response["X-Cache"] == "miss"  # rendered every time: nothing is kept
    warnings = [r for r in caplog.records if r.name == "wegwijs.cache"]
    assert len(warnings) == 1
    assert "cache unavailable" in warnings[0].getMessage()
    assert dead_redis.degraded


def test_with_redis_down_rate_limited_forms_still_answer(loaded, dead_redis, client):
    response = client.post(
        "/feedback/",
        {"page": "/guides/get-digid/", "helpful": "yes"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code < 500


def test_health_reports_a_dead_cache_as_degraded_not_down(loaded, dead_redis, client):
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
        "failed": ["cache"],
    }
    assert client.get("/healthz/live").json() == {"status": "ok"}


def test_health_when_everything_answers(db, client):
    for path in ["/healthz", "/healthz/ready"]:
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "failed": []}
        assert response["Cache-Control"] == "no-store"


def test_a_cache_that_comes_back_is_used_again(loaded, dead_redis, client, monkeypatch):
    client.get("/")
    assert dead_redis.degraded
    import core.redis_cache

    monkeypatch.setattr(core.redis_cache, "RETRY_SECONDS", 0.0)
    dead_redis._down_until = 0.0
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get",
        lambda self, key, default=None, version=None: calls.append(key) or default,
    )
    client.get("/")
    assert calls and not dead_redis.degraded


DEAD_DATABASE = r"""
import json, os, sys
sys.path.insert(0, ".")
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="localhost")
out = {}
for method, path in [("get", "/"), ("get", "/guides/get-digid/"), ("head", "/topics/arrival/"),
                     ("get", "/knm/"), ("get", "/search/?q=digid"), ("get", "/healthz"),
                     ("get", "/healthz/ready"), ("get", "/healthz/live")]:
    response = getattr(client, method)(path)
    out[method + " " + path] = {
        "status": response.status_code,
        "headers": dict(response.items()),
        "body": response.content.decode(),
    }
print(json.dumps(out))
"""


def dead_database_url() -> str:
    if django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return "postgres://postgres@127.0.0.1:1/wegwijs"  # nothing listens on port 1
    return "sqlite:////nonexistent-folder/for-wegwijs/db.sqlite3"  # cannot be opened


@pytest.fixture(scope="module")
def dead_database_answers():
    """The site started with a database it cannot reach, in its own process: this test
    session's own database connection is not touched."""
    env = {
        **os.environ,
        "DATABASE_URL": dead_database_url(),
        "DJANGO_SETTINGS_MODULE": "wegwijs.test_settings",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", DEAD_DATABASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_the_database_down_pages_answer_503_with_retry_after(dead_database_answers):
    for key in ["get /", "get /guides/get-digid/", "head /topics/arrival/", "get /knm/"]:
        answer = dead_database_answers[key]
        assert answer["status"] == 503, key
        assert answer["headers"]["Retry-After"] == "30"
        assert answer["headers"]["Cache-Control"] == "no-store"
    page = dead_database_answers["get /guides/get-digid/"]["body"]
    assert "<h1>Wegwijs is briefly unavailable</h1>" in page
    assert "Traceback" not in page
    assert dead_database_answers["head /topics/arrival/"]["body"] == ""


def test_with_the_database_down_readiness_names_it_and_liveness_holds(dead_database_answers):
    for key in ["get /healthz", "get /healthz/ready"]:
        answer = dead_database_answers[key]
        assert answer["status"] == 503
        assert json.loads(answer["body"]) == {
            "status": "unavailable",
            "database": "unavailable",
            "cache": "ok",
            "failed": ["database"],
        }
    live = dead_database_answers["get /healthz/live"]
    assert live["status"] == 200 and json.loads(live["body"]) == {"status": "ok"}


def test_no_answer_is_a_500_when_the_database_is_down(dead_database_answers):
    assert all(a["status"] != 500 for a in dead_database_answers.values())
