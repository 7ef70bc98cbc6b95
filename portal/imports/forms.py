"""The admin's import form: a sheet (CSV or XLSX), an optional ZIP of files, the organisation."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.organisations.models import Organisation
from portal.resources.importing_files import ArchiveRejected, check_archive
from portal.resources.models import OrganisationSectionPage

SHEET_TYPES = (".csv", ".xlsx")


def importable_sections(user):
    """Sections the user may add resources to: their own organisation's, or all for editors."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return OrganisationSectionPage.objects.filter(pk__in=pages.values("pk")).select_related("organisation")


def may_publish_in(user, organisation) -> bool:
    section = OrganisationSectionPage.objects.filter(organisation=organisation).first()
    return section is not None and section.permissions_for_user(user).can_publish_subpage()


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Organisation"))
    sheet = forms.FileField(
        label=_("List of resources (CSV or XLSX)"),
        help_text=_(
            "One resource per row; the first row names the columns (identifier, title, licence, file...)."
        ),
    )
    archive = forms.FileField(
        label=_("Files (ZIP)"),
        required=False,
        help_text=_("The files named in the “file” column, in one ZIP archive."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(
            pk__in=importable_sections(user).values("organisation")
        ).order_by("name")
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if not sheet.name.lower().endswith(SHEET_TYPES):
            raise forms.ValidationError(_("Upload the list as a CSV or XLSX file."), code="type")
        if sheet.size > settings.IMPORT_MAX_SHEET_SIZE:
            raise forms.ValidationError(
                _("The list is larger than %(limit)s: split it into smaller files.")
                % {"limit": filesizeformat(settings.IMPORT_MAX_SHEET_SIZE)},
                code="size",
            )
        return sheet

    def clean_archive(self):
        """Only the ZIP's headers are read here: a hostile ZIP is refused before anything is stored."""
        archive = self.cleaned_data.get("archive")
        if not archive:
            return archive
        if not archive.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Upload the files as one ZIP archive."), code="type")
        try:
            check_archive(archive)
        except ArchiveRejected as rejection:
            raise forms.ValidationError(str(rejection), code="archive") from None
        return archive
