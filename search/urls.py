from django.urls import path

from portal.core.ratelimit import rate_limited
from search import views

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path(
        "tim-kiem/goi-y/",
        rate_limited("autocomplete", as_json=True)(views.autocomplete),
        name="search_autocomplete",
    ),
    path("opensearch.xml", views.opensearch, name="search_opensearch"),
    path("api/search/", rate_limited("search_api", as_json=True)(views.api_search), name="search_api"),
]
