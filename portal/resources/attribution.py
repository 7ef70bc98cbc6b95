"""“How to cite” text for a resource, worded from what its licence asks of a re-user."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Attribution:
    text: str  # the credit line to copy
    advice: str  # what the licence allows or asks, in a sentence


def attribution_text(resource, request=None) -> Attribution:
    organisation = resource.organisation.name if resource.organisation_id else ""
    creator = resource.authors or organisation
    parts = [f"“{resource.title}”"]
    if creator:
        parts = [_("“%(title)s” by %(creator)s") % {"title": resource.title, "creator": creator}]
    if organisation and organisation != creator:
        parts.append(organisation)
    credit = ", ".join(parts)
    if resource.date_issued:
        credit += f" ({resource.date_issued.year})"
    sentences = [credit]
    licence = resource.licence if resource.licence_id else None
    if licence:
        sentences.append(
            _("Licence: %(licence)s")
            % {"licence": f"{licence.name} ({licence.url})" if licence.url else licence.name}
        )
    if resource.adapted_from_title or resource.adapted_from_url:
        source = f"“{resource.adapted_from_title or resource.adapted_from_url}”"
        if resource.adapted_from_licence_id:
            source = f"{source} ({resource.adapted_from_licence.name})"
        sentences.append(_("Adapted from %(source)s") % {"source": source})
    page_url = resource.get_full_url(request)
    if page_url:
        sentences.append(_("Source: %(url)s") % {"url": page_url})
    return Attribution(text=". ".join(sentences) + ".", advice=_licence_advice(licence))


def _licence_advice(licence) -> str:
    if licence is None:
        return ""
    if not licence.is_open:
        return _(
            "All rights reserved: you may read and download it free of charge, but ask the rights "
            "holder before copying, adapting or sharing it."
        )
    if licence.allows_derivatives:
        advice = _("You may copy, share and adapt it")
    else:
        advice = _("You may copy and share it, but not adapt it")
    if not licence.allows_commercial_use:
        advice += _(", for non-commercial purposes only")
    advice += "."
    if licence.requires_share_alike:
        advice += " " + _("Share adaptations under the same licence.")
    if licence.requires_attribution:
        advice += " " + _("Credit it with the line above.")
    else:
        advice += " " + _("No credit is required, but the line above helps others find the original.")
    return advice
