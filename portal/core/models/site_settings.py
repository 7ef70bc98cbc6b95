"""Per-site contact details and social links, edited under Settings in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.core.caching import cached


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    organisation = models.CharField(
        _("managing organisation"),
        max_length=200,
        default="Sở Giáo dục và Đào tạo tỉnh Thái Nguyên",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("zalo_url")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_site(cls, site):
        """Every page's footer shows them: read once until something changes (saving them
        starts a new generation of the page cache like any other change)."""
        if site is None:
            return super().for_site(site)
        return cached(f"portal-settings:{site.pk}", lambda: super(PortalSettings, cls).for_site(site))

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = (
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Zalo", self.zalo_url),
        )
        return [(name, url) for name, url in links if url]
