from django.urls import path

from . import exam_views, views

app_name = "knm"

urlpatterns = [
    path("", views.index, name="index"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme"),
    path("start/", views.start, name="start"),
    path("progress/", views.progress, name="progress"),
    path("forget/", views.forget, name="forget"),
    path("rounds/<uuid:attempt_id>/", views.attempt_detail, name="attempt"),
    path("rounds/<uuid:attempt_id>/<int:position>/", views.question, name="question"),
    path("rounds/<uuid:attempt_id>/result/", views.result, name="result"),
    path("rounds/<uuid:attempt_id>/hand-in/", exam_views.hand_in, name="hand-in"),
    path("rounds/<uuid:attempt_id>/overview/", exam_views.overview, name="overview"),
]
