"""The portal's addresses, plus its pages answered from a whole-response cache under /cached/."""

from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail import views as wagtail_views

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("cached/<path:path>", cache_page(300)(wagtail_views.serve)), *portal_urlpatterns]
