from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import include, path

from hub.sitemaps import sitemaps
from hub.views import robots_txt

urlpatterns = [
    path("", include("hub.urls")),
    path("topics/", include("topics.urls")),
    path("guides/", include("guides.urls")),
    path("sources/", include("sources.urls")),
    path("faq/", include("faq.urls")),
    path("knm/", include("knm.urls")),
    path("check/", include("routecheck.urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"

if settings.BENCH_FLOOR:
    # The framework's own floor for bench/run.py: the whole middleware stack and a view that
    # only returns a short text. Never switched on in production.
    def floor(request):
        return HttpResponse("ok")

    urlpatterns.append(path("bench/floor", floor))
