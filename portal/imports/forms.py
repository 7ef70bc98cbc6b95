"""The admin's import form: a sheet (CSV or XLSX), an optional ZIP of files, the organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.organisations.models import Organisation
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
        return sheet

    def clean_archive(self):
        archive = self.cleaned_data.get("archive")
        if archive and not archive.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Upload the files as one ZIP archive."), code="type")
        return archive
