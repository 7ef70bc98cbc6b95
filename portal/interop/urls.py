from django.urls import path

from portal.interop.api import api_router
from portal.interop.oai.views import oai_endpoint
from portal.interop.sitemap import robots_txt, sitemap_xml

urlpatterns = [
    path("oai", oai_endpoint, name="oai"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]
