"""Helpers for tests that act as a contributor in the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.core.models import Licence
from portal.resources.models import LearningResourcePage
from tests.resources.factories import LearningResourcePageFactory


def draft_in(setup, **kwargs) -> LearningResourcePage:
    page = LearningResourcePageFactory(
        parent=setup.section, organisation=setup.organisation, live=False, **kwargs
    )
    page.save_revision(user=setup.user)
    return page


def edit_data(page: LearningResourcePage, licence: Licence, **extra) -> dict:
    """What the admin's edit form posts for ``page``."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([]),
            "files": inline_formset([]),
            "comments": inline_formset([]),
            "identifier": page.identifier,
            "resource_type": page.resource_type,
            "licence": licence.pk,
            **extra,
        }
    )
