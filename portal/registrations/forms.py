"""The public registration form: a name, one way to reach the person, a commune, and consent."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.models import AdminUnit
from portal.registrations.contacts import normalise_email, normalise_phone

CONTACT_REQUIRED = _("Enter a phone number or an e-mail address so the organiser can reach you.")
CONSENT_REQUIRED = _("Tick the box to agree to the use of your details described above.")


def communes():
    return AdminUnit.objects.valid_on().filter(level=AdminUnit.Level.COMMUNE).order_by("kind", "name")


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        help_text=_("For example 0912 345 678."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("We send your confirmation and cancel link to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    commune = CommuneChoiceField(
        label=_("Commune or ward where you live"),
        queryset=AdminUnit.objects.none(),
        required=False,
        empty_label=_("— Not given —"),
    )
    consent = forms.BooleanField(
        label=_("I agree to the use of my details as described above."),
        error_messages={"required": CONSENT_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["commune"].queryset = communes()

    def clean_name(self) -> str:
        # Control characters cannot be printed, read aloud or written into a spreadsheet.
        typed = "".join(
            " " if unicodedata.category(char) == "Cc" else char for char in self.cleaned_data["name"]
        )
        name = " ".join(typed.split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"], code="required")
        return name

    def clean_phone(self) -> str:
        raw = self.cleaned_data["phone"].strip()
        return normalise_phone(raw) if raw else ""

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        no_phone = not cleaned.get("phone") and "phone" not in self.errors
        no_email = not cleaned.get("email") and "email" not in self.errors
        if no_phone and no_email:
            raise forms.ValidationError(CONTACT_REQUIRED, code="contact")
        return cleaned
