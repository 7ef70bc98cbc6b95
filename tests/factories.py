"""factory_boy factories for the core models; other apps' factories build on these."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from portal.core.models import AdminUnit, Audience, HomePage, Licence, StandardPage, Subject


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chủ đề {n}")
    slug = factory.Sequence(lambda n: f"chu-de-{n}")


class AudienceFactory(SubjectFactory):
    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class LicenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Licence
        django_get_or_create = ("code",)

    code = "CC-BY-4.0"
    name = "CC BY 4.0"
    slug = factory.LazyAttribute(lambda licence: licence.code.lower().replace(".", "-"))
    url = "https://creativecommons.org/licenses/by/4.0/"


class AdminUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdminUnit

    slug = factory.Sequence(lambda n: f"xa-{n}")
    kind = "Xã"
    name = factory.Sequence(lambda n: f"Xã thử nghiệm {n}")
    level = AdminUnit.Level.COMMUNE
    valid_from = factory.Faker("date_between", start_date="-30y", end_date="-5y")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = "trang-chu"
    hero_title = "Học tập suốt đời cho mọi người dân Thái Nguyên"
    parent = factory.LazyFunction(Page.get_first_root_node)
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="vi"))


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Trang nội dung {n}")
    introduction = "Giới thiệu"


def make_site_root(home: HomePage) -> HomePage:
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home
