"""Secure by default: headers, production settings, sanitised Markdown, login lockout,
error pages that leak nothing."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from core.markdown import render_markdown

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_pages_send_strict_security_headers(loaded, client):
    for url in ["/", "/guides/get-digid/", "/knm/"]:
        for _ in range(2):  # rendered, then from the page cache
            response = client.get(url)
            csp = response["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "script-src 'self'" in csp
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert "frame-ancestors 'none'" in csp
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Referrer-Policy"] == "same-origin"
            assert response["X-Frame-Options"] == "DENY"
            assert "camera=()" in response["Permissions-Policy"]


def test_no_page_uses_inline_scripts_or_styles(loaded, client):
    import re

    for url in ["/", "/guides/get-digid/", "/knm/", "/search/?q=digid", "/glossary/", "/steps/"]:
        html = client.get(url).content.decode()
        assert not re.search(
            r"<script(?![^>]*\b(src|type=\"application/ld\+json\")=?)[^>]*>", html
        ), url
        assert " style=" not in html and "<style" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def manage(*args, env=None):
    # A fresh process with only the environment given (not the browser tests' settings).
    env = {"DJANGO_ALLOW_ASYNC_UNSAFE": None, **(env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None},
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": "x" * 20 + "long-random-production-key-for-the-test-0123456789",
            "DJANGO_ALLOWED_HOSTS": "wegwijs.example",
            "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
            "DATABASE_URL": "sqlite:///:memory:",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_its_secrets():
    result = manage(
        "check",
        env={
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": None,
            "DJANGO_ALLOWED_HOSTS": "wegwijs.example",
            "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
        },
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_ENV=production." in result.stderr
    result = manage(
        "check",
        env={
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": "k" * 60,
            "DJANGO_ALLOWED_HOSTS": None,
            "DJANGO_SETTINGS_MODULE": "wegwijs.settings",
        },
    )
    assert "DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production." in result.stderr


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("Hello <script>alert(1)</script>", "<script"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<a href="/x" onclick="steal()">x</a>', "onclick"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert(1)"),
        ("<style>body{display:none}</style>", "<style"),
        ('<p style="position:fixed">x</p>', "style="),
        ('<form action="https://evil.example"><input name="p"></form>', "<form"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ],
)
def test_markdown_is_sanitised(markdown, forbidden):
    assert forbidden.lower() not in render_markdown(markdown).lower()


def test_admin_login_is_locked_after_repeated_wrong_passwords(client, settings, django_user_model):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    django_user_model.objects.create_user("ed", password="the-right-password-1", is_staff=True)
    for _ in range(3):
        client.post("/admin/login/?next=/admin/", {"username": "ed", "password": "wrong"})
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "ed", "password": "the-right-password-1"}
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


def test_server_errors_show_no_details(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    with mock.patch("hub.views.render", side_effect=RuntimeError("SECRET_KEY=leak")):
        response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "leak" not in html and "Traceback" not in html and "SECRET_KEY" not in html


def test_healthz_reports_a_broken_database(client):
    with mock.patch("core.faults.connection.cursor", side_effect=Exception("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["failed"] == ["database"]
