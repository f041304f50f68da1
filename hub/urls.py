from django.urls import path

from . import pwa, views

app_name = "hub"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/<slug:slug>/", views.glossary_term, name="glossary-term"),
    path("steps/", views.steps, name="steps"),
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.search_suggest, name="search-suggest"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/more/", views.feedback_comment, name="feedback-comment"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("favicon.ico", pwa.favicon, name="favicon"),
    path("offline/", pwa.offline, name="offline"),
]
