"""Factories for the library: organisations, their sections, resources, files, courses, collections."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile

from portal.organisations.models import Organisation
from portal.resources.models import (
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    CourseIndexPage,
    CourseModule,
    CoursePage,
    LearningResourcePage,
    LibraryIndexPage,
    OrganisationSectionPage,
    ResourceFile,
)
from tests.factories import LicenceFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Trường Đại học số {n}")
    slug = factory.Sequence(lambda n: f"dai-hoc-{n}")
    kind = Organisation.Kind.UNIVERSITY
    email = factory.LazyAttribute(lambda organisation: f"lienhe@{organisation.slug}.edu.vn")


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LibraryIndexPage

    title = "Thư viện học liệu"
    slug = "hoc-lieu"


class OrganisationSectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisationSectionPage

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.LazyAttribute(lambda section: section.organisation.name)
    slug = factory.LazyAttribute(lambda section: section.organisation.slug)


class LearningResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningResourcePage

    title = factory.Sequence(lambda n: f"Học liệu số {n}")
    summary = "Tài liệu hướng dẫn ngắn gọn, dễ hiểu."
    resource_type = LearningResourcePage.ResourceType.DOCUMENT
    licence = factory.SubFactory(LicenceFactory)
    date_issued = datetime.date(2024, 9, 5)

    @classmethod
    def _create(cls, model_class, *args, subjects=(), languages=(), audiences=(), **kwargs):
        """``subjects``, ``languages`` and ``audiences`` are parental: they are stored by ``save()``."""
        page = super()._create(model_class, *args, **kwargs)
        if subjects or languages or audiences:
            page.subjects.set(subjects)
            page.languages.set(languages)
            page.audiences.set(audiences)
            page.save()
        return page


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Tệp {n}")
    file = factory.LazyAttribute(lambda document: ContentFile(b"%PDF-1.4\n%%EOF\n", name="tai-lieu.pdf"))


class ResourceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceFile

    page = factory.SubFactory(LearningResourcePageFactory)
    document = factory.SubFactory(DocumentFactory)


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Khóa học"
    slug = "khoa-hoc"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Khóa học {n}")
    summary = "Khóa học tự học theo nhịp của mình."


class CourseModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModule

    course = factory.SubFactory(CoursePageFactory)
    title = factory.Sequence(lambda n: f"Bài {n}")


class CollectionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CollectionIndexPage

    title = "Bộ sưu tập"
    slug = "bo-suu-tap"


class CollectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CollectionPage

    title = factory.Sequence(lambda n: f"Bộ sưu tập {n}")


class CollectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionItem

    collection = factory.SubFactory(CollectionPageFactory)
    resource = factory.SubFactory(LearningResourcePageFactory)
