from django.urls import path

from search import views

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("tim-kiem/goi-y/", views.autocomplete, name="search_autocomplete"),
    path("opensearch.xml", views.opensearch, name="search_opensearch"),
    path("api/search/", views.api_search, name="search_api"),
]
