from django.urls import path

from . import views

app_name = "routecheck"

urlpatterns = [
    path("", views.start, name="start"),
    path("questions/", views.question, name="question"),
    path("result/", views.result, name="result"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("remember/", views.remember, name="remember"),
    path("forget/", views.forget, name="forget"),
]
