from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("hub.urls")),
    path("topics/", include("topics.urls")),
    path("guides/", include("guides.urls")),
    path("sources/", include("sources.urls")),
    path("faq/", include("faq.urls")),
    path("knm/", include("knm.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"
