"""Kinds of class a centre opens; apart from the models so the listing's filter can use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClassKind(models.TextChoices):
    """The kinds of class the plan asks centres to open (§III.5)."""

    LITERACY = "literacy", _("Literacy")
    POST_LITERACY = "post-literacy", _("Post-literacy")
    VOCATIONAL = "vocational", _("Vocational training")
    TECHNOLOGY = "technology-transfer", _("Technology transfer")
    DIGITAL = "digital-skills", _("Digital skills")
    LANGUAGE = "foreign-language", _("Foreign language")
    LIFE_SKILLS = "life-skills", _("Life skills")
