"""Settings for the test suite: the real settings, made fast and self-contained."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests log in with client.login(), which gives the lockout backend no request; the lockout
# itself is tested with it switched on (tests/hub/test_security.py).
AXES_ENABLED = False
# Loads in tests read their files afresh (tests of the read cache switch it on for themselves).
CONTENT_READ_CACHE_DIR = None
