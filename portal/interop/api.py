"""The read-only REST API at ``/api/v2/``: Wagtail's API v2 for pages, images and documents.

Only what an anonymous visitor may see: live public pages, and the files and pictures such
pages use. Pages filter by vocabulary slugs (``subject``, ``language``, ``audience``,
``organisation``, ``unit``) whatever field of the page type holds them, and by publication date.
Any origin may read it (CORS for GET), so partners' learning platforms can embed the catalogue.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.core.file_access import public_files
from portal.core.models import AdminUnit, Audience, Language, Subject
from portal.organisations.models import Organisation

VOCABULARIES = {
    "subject": Subject,
    "language": Language,
    "audience": Audience,
    "organisation": Organisation,
    "unit": AdminUnit,
}
DATE_PARAMETERS = {"published_from": "gte", "published_until": "lte"}


def _fields_pointing_at(model, vocabulary) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_many or field.many_to_one)
        and not field.auto_created
        and field.related_model is vocabulary
    ]


class VocabularyFilter(BaseFilterBackend):
    """``?type=resources.LearningResourcePage&subject=ky-nang-so&published_from=2025-01-01``."""

    def filter_queryset(self, request, queryset, view):
        for parameter, vocabulary in VOCABULARIES.items():
            slug = request.GET.get(parameter)
            if slug is None:
                continue
            fields = _fields_pointing_at(queryset.model, vocabulary)
            if not fields:
                raise BadRequestError(f"'{parameter}' needs a page type that has one: add ?type=app.Model")
            matches = Q()
            for field in fields:
                matches |= Q(**{f"{field}__slug": slug})
            queryset = queryset.filter(pk__in=queryset.model.objects.filter(matches).values("pk"))
        for parameter, lookup in DATE_PARAMETERS.items():
            value = request.GET.get(parameter)
            if value is None:
                continue
            try:
                day = datetime.date.fromisoformat(value)
            except ValueError:
                raise BadRequestError(f"'{parameter}' must be a date (YYYY-MM-DD)") from None
            queryset = queryset.filter(**{f"first_published_at__date__{lookup}": day})
        return queryset


class OpenToAllOrigins:
    """CORS for reading: any site may fetch the API from a browser."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        return response


class PlainParameters:
    """Wagtail hands parameters on as they come: a NUL character (which PostgreSQL refuses in
    text), a ``find/?id=`` that is not a number or a ``search_operator`` other than ``and``/``or``
    (which the search backend raises on) is a bad request, not a server error."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise BadRequestError("parameters must not contain NUL characters")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("'search_operator' must be 'and' or 'or'")

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].strip().isdecimal():
            raise BadRequestError("'id' must be a whole number")
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(OpenToAllOrigins, PlainParameters, PagesAPIViewSet):
    filter_backends = [VocabularyFilter, *PagesAPIViewSet.filter_backends]  # search stays last
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(VOCABULARIES, DATE_PARAMETERS)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        """Vocabulary parameters filter by slug (above), not by Wagtail's own field filter by id."""
        fields = super().get_available_fields(model, db_fields_only)
        return [field for field in fields if not (db_fields_only and field in VOCABULARIES)]


class CountedDownloadField(serializers.Field):
    """The download address through ``/tai-ve/``, where permission is checked and downloads counted."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        url = reverse("media:download", args=[document.pk, document.filename])
        return self.context["request"].build_absolute_uri(url)


class PublicDocumentSerializer(DocumentSerializer):
    download_url = CountedDownloadField(read_only=True)
    size = serializers.IntegerField(source="file_size", read_only=True)
    media_type = serializers.CharField(source="content_type", read_only=True)


class PublicDocumentsAPIViewSet(OpenToAllOrigins, PlainParameters, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    body_fields = [*DocumentsAPIViewSet.body_fields, "size", "media_type"]
    listing_default_fields = [*DocumentsAPIViewSet.listing_default_fields, "size", "media_type"]

    def get_queryset(self):
        return public_files(self.model).order_by("id")


class PublicImagesAPIViewSet(OpenToAllOrigins, PlainParameters, ImagesAPIViewSet):
    def get_queryset(self):
        return public_files(self.model).order_by("id")


api_router = WagtailAPIRouter("portal_api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
