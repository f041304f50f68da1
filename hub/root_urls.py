"""Addresses that stay at the site root in every language: machines and browsers ask for
them there (health checks, the service worker, whose scope is its folder, the manifest and
/favicon.ico). The pages people read are in hub/urls.py, under the language prefix."""

from django.urls import path

from . import pwa, views

app_name = "root"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/live", views.healthz_live, name="healthz-live"),
    path("healthz/ready", views.healthz_ready, name="healthz-ready"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("favicon.ico", pwa.favicon, name="favicon"),
]
