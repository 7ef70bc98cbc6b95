from django.urls import path

from portal.interop.oai.views import oai_endpoint

urlpatterns = [path("oai", oai_endpoint, name="oai")]
