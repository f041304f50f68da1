from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import include, path

from hub.sitemaps import sitemaps
from hub.views import robots_txt

# Addresses that are the same in every language: admin (English only), files for machines.
urlpatterns = [
    path("", include("hub.root_urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

# Every page people read: English at today's addresses, Dutch under /nl/. An address without
# a prefix is always English, whatever language the browser asks for.
urlpatterns += i18n_patterns(
    path("", include("hub.urls")),
    path("topics/", include("topics.urls")),
    path("guides/", include("guides.urls")),
    path("sources/", include("sources.urls")),
    path("faq/", include("faq.urls")),
    path("knm/", include("knm.urls")),
    path("check/", include("routecheck.urls")),
    prefix_default_language=False,
)

handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"

if settings.BENCH_FLOOR:
    # The framework's own floor for bench/run.py: the whole middleware stack and a view that
    # only returns a short text. Never switched on in production.
    def floor(request):
        return HttpResponse("ok")

    urlpatterns.append(path("bench/floor", floor))
