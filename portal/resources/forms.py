"""The admin form of a resource: says why a licence is needed when publishing without one."""

from django.utils.translation import gettext_lazy as _

from portal.core.forms import PortalPageForm

LICENCE_REQUIRED = _("Choose a licence: a resource cannot be published without one.")


class LearningResourceForm(PortalPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "licence" in self.fields:
            self.fields["licence"].error_messages["required"] = LICENCE_REQUIRED
