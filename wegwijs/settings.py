"""Wegwijs settings, read from environment variables with safe local defaults.

Every setting that differs between a laptop and production comes from the environment;
see `.env.example` for the full list.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# "production" switches on the secure defaults and requires a real secret key.
ENVIRONMENT = os.environ.get("DJANGO_ENV", "local")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production.")
    # Only ever used on a developer's machine: production refuses to start without a key.
    SECRET_KEY = "local-development-key-not-for-production"  # noqa: S105

if PRODUCTION and not os.environ.get("DJANGO_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# How many proxies in front of the app append to X-Forwarded-For (1 behind one nginx): rate
# limits then count the visitor's address, not the proxy's. 0 trusts no such header.
TRUSTED_PROXIES = int(os.environ.get("WEGWIJS_TRUSTED_PROXIES", "0"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "csp",
    "axes",
    # Base layer: the shared record, Markdown, cache, the content-kind registry and loader.
    "core",
    # Content kinds: each registers itself with the loader from its AppConfig.ready().
    "sources",
    "topics",
    "guides",
    "faq",
    "knm",
    "glossary",
    "steps",
    # The route check ("Do I have to integrate?"): its questions and results are content
    # kinds, and its pages live in the same app (they use only kinds and the base).
    "routecheck",
    # Site layer: the pages that span kinds.
    "hub",
]

MIDDLEWARE = [
    "hub.middleware.RequestLogMiddleware",
    # HEAD gets GET's headers and no body (gunicorn would send the body).
    "core.head.HeadMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "hub.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Whole pages for visitors without a session, served before the rest of the stack.
    "core.cache.PageCacheMiddleware",
    # Links to unpublished pages become plain text (inside the cache: cached pages are clean).
    "core.linked.LiveLinksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address: /nl/... is Dutch, everything else English (never guessed
    # from the browser's Accept-Language, so a shared link shows the same language to all).
    "core.i18n.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Pages made for a person who asked to see only what applies to their act: never shared.
    "routecheck.middleware.RouteMiddleware",
    # Locks out repeated failed admin logins (django-axes).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("WEGWIJS_LOGIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

ROOT_URLCONF = "wegwijs.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.context_processors.site",
                "routecheck.context_processors.route",
            ],
        },
    },
]

WSGI_APPLICATION = "wegwijs.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer is reported (503, /healthz/ready) within seconds,
    # instead of every worker waiting on the operating system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file: take the write lock at the start of each
    # transaction (waiting for it, not failing), and let readers run while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# The cache: this process's memory by default; Redis, shared by every app instance, when
# REDIS_URL is set (pip install -e ".[redis]"). Redis fails open (core/redis_cache.py): with
# short socket timeouts, a cache that does not answer is a miss, never an error page.
if os.environ.get("REDIS_URL"):
    REDIS_TIMEOUT = float(os.environ.get("WEGWIJS_REDIS_TIMEOUT", "0.25"))
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "wegwijs",
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the site's own addresses, Dutch under /nl/ (wegwijs/urls.py). The content's own
# language is English; Dutch content comes from content/nl/, the interface's Dutch from
# gettext (locale/nl/LC_MESSAGES/django.po, compiled by `make install`).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates stay British ("1 Jan 2026" in admin): wegwijs/formats/en/formats.py.
FORMAT_MODULE_PATH = ["wegwijs.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Where load_content reads the site's Markdown content from.
CONTENT_DIR = Path(os.environ.get("WEGWIJS_CONTENT_DIR", BASE_DIR / "content"))
# Where load_content keeps what reading each file gave, so a reload parses only the files
# that changed (core/loader/readcache.py). Empty: no cache.
CONTENT_READ_CACHE_DIR = os.environ.get("WEGWIJS_CONTENT_READ_CACHE_DIR", str(BASE_DIR / ".cache"))

SITE_NAME = "Wegwijs"

# The route check's "show only what applies to me": a cookie the person sets by choice,
# holding only "2013" or "2021". Requests that carry any of these cookies get pages made
# for them, which the shared page cache never serves or stores (core/cache.py).
ROUTE_COOKIE_NAME = "wegwijs_route"
ROUTE_COOKIE_DAYS = 180
PAGE_CACHE_SKIP_COOKIES = ("sessionid", "messages", ROUTE_COOKIE_NAME)
# Pages the same for every visitor without those cookies may be kept by a shared cache in
# front (nginx, a CDN) for this many seconds: the longest a page there can lag behind an
# admin save. Past it, a cache may serve its copy while it fetches a new one, and while the
# application is down (stale-if-error). See docs/deploy.md.
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("WEGWIJS_SHARED_CACHE_SECONDS", "5"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = 30
PAGE_CACHE_STALE_IF_ERROR = 24 * 3600

# bench/run.py switches on a minimal view to measure the framework's floor against.
BENCH_FLOOR = env_bool("WEGWIJS_BENCH_FLOOR", default=False) and not PRODUCTION

# Guides not reviewed for this many months are listed as overdue in admin.
GUIDE_REVIEW_MONTHS = int(os.environ.get("WEGWIJS_REVIEW_MONTHS", "6"))

# The KNM trainer. The practice target is Wegwijs's own aim per theme, shown as such: DUO
# does not publish the exam's pass mark (cesuur), and this is not it.
KNM_PRACTICE_TARGET = float(os.environ.get("WEGWIJS_KNM_PRACTICE_TARGET", "0.7"))
KNM_PRACTICE_LENGTH = 10
KNM_EXAM_QUESTIONS_PER_THEME = 5  # 8 themes x 5 = 40 questions, as in DUO's practice exams
KNM_EXAM_MINUTES = 45

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "hub.views.csrf_failure"

# Content-Security-Policy (django-csp): only this site's own files; no inline scripts or
# styles anywhere. JSON-LD blocks are data, not scripts, and are not affected.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The service worker (/sw.js) and the web app manifest: this site's own only.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # One JSON line per request (see hub.middleware.RequestLogMiddleware).
        "wegwijs.request": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Requests are logged by the line above; Django's own 4xx warnings would repeat them.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
