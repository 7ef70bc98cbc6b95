"""How the read-only API (``/api/v2/``) shows shared vocabularies: names people read and the
slugs machines filter by, never bare database ids."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    """A subject, level, audience or language."""

    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class LicenceSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    url = serializers.URLField(read_only=True)


class AdminUnitSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True, source="full_name")
    level = serializers.CharField(read_only=True)


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    website = serializers.URLField(read_only=True)


def terms(many: bool = False) -> TermSerializer:
    return TermSerializer(many=many, read_only=True)
