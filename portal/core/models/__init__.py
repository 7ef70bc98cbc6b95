"""Core content: the home page, generic pages, taxonomies, administrative units, site settings."""

from portal.core.models.admin_units import AdminUnit
from portal.core.models.pages import HomePage, StandardPage
from portal.core.models.site_settings import PortalSettings
from portal.core.models.taxonomy import Audience, EducationLevel, Language, Licence, Subject

__all__ = [
    "AdminUnit",
    "Audience",
    "EducationLevel",
    "HomePage",
    "Language",
    "Licence",
    "PortalSettings",
    "StandardPage",
    "Subject",
]
