"""The privacy notice, at one stable address in each language (/bao-ve-du-lieu-ca-nhan/, /en/…)."""

from django.urls import path

from portal.registrations import views

urlpatterns = [
    path("bao-ve-du-lieu-ca-nhan/", views.privacy, name="registrations_privacy"),
]
