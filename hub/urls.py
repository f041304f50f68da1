from django.urls import path

from . import pwa, views

app_name = "hub"

# The pages people read, in every language (wegwijs/urls.py puts them under i18n_patterns);
# addresses that stay at the root are in hub/root_urls.py.

urlpatterns = [
    path("", views.home, name="home"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/<slug:slug>/", views.glossary_term, name="glossary-term"),
    path("steps/", views.steps, name="steps"),
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.search_suggest, name="search-suggest"),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/more/", views.feedback_comment, name="feedback-comment"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("offline/", pwa.offline, name="offline"),
]
