"""News sections, a vocabulary like the core terms (slug as key, Vietnamese and English names)."""

from django.utils.translation import gettext_lazy as _

from portal.core.models.taxonomy import Term


class NewsCategory(Term):
    """A news section ("Học tập suốt đời", "Văn hóa đọc"...), named in Vietnamese and English."""

    class Meta(Term.Meta):
        app_label = "news"
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
