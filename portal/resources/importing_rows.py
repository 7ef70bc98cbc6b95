"""Checking one import row and turning it into the values of a learning resource.

Every problem of a row is collected, not only the first, so a contributor can fix a line in one
go. Nothing here writes: the same checks serve ``--dry-run``, a real import and OAI harvests.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.sanitise import plain_text
from portal.core.text import slugify
from portal.organisations.models import Organisation
from portal.resources.importing_files import FileProblem, StoredFolder, check_file
from portal.resources.importing_readers import SourceRow
from portal.resources.importing_terms import (
    AudienceIndex,
    LanguageIndex,
    LevelIndex,
    LicenceIndex,
    SubjectIndex,
)
from portal.resources.models import LearningResourcePage
from portal.resources.models.resources import IDENTIFIER_PATTERN

ResourceType = LearningResourcePage.ResourceType
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_MAX_LENGTHS = {"identifier": 200, "title": 255, "authors": 500, "url": 500}
FREE_TEXT = {"title", "summary", "authors"}
UNKNOWN = {
    "subjects": gettext_lazy("unknown subject “%(value)s”"),
    "audiences": gettext_lazy("unknown audience “%(value)s”"),
    "languages": gettext_lazy("unknown language “%(value)s”"),
    "level": gettext_lazy("unknown education level “%(value)s”"),
    "licence": gettext_lazy("unknown licence “%(value)s”"),
}


@dataclass(frozen=True)
class Hints:
    """The advice in messages: options of the import command, or what to do in the admin."""

    create_terms: str
    licence: str
    organisation: str
    no_files: str
    outside: str
    missing: str


COMMAND_HINTS = Hints(
    create_terms=gettext_lazy("add it first, or import with --create-terms"),
    licence=gettext_lazy("a licence is required to publish (fill the licence column or import with --draft)"),
    organisation=gettext_lazy("no organisation: fill the organisation column or pass --organisation"),
    no_files=gettext_lazy("the file column is filled but no folder was given with --files"),
    outside=gettext_lazy("file “%(name)s” is outside the --files folder"),
    missing=gettext_lazy("file “%(name)s” not found in the --files folder"),
)
ADMIN_HINTS = Hints(
    create_terms=gettext_lazy("use a name from the list, or ask a provincial editor to add it"),
    licence=gettext_lazy("a licence is required: fill the licence column"),
    organisation=gettext_lazy("no organisation: fill the organisation column"),
    no_files=gettext_lazy("the file column is filled but no ZIP of files was uploaded"),
    outside=gettext_lazy("file “%(name)s” points outside the ZIP"),
    missing=gettext_lazy("file “%(name)s” is not in the ZIP"),
)


@dataclass
class ResourceData:
    """What a row says about a resource; ``given`` names the fields the file sets."""

    line: int
    identifier: str
    title: str
    organisation: Organisation
    given: set[str] = field(default_factory=set)
    summary: str = ""
    resource_type: str = ResourceType.DOCUMENT
    subjects: list = field(default_factory=list)
    level: object = None
    audiences: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    licence: object = None
    authors: str = ""
    date_issued: datetime.date | None = None
    external_url: str = ""
    files: list = field(default_factory=list)

    @property
    def new_terms(self) -> list:
        """Subjects, audiences and languages this row would add to the vocabularies."""
        return [term for term in [*self.subjects, *self.audiences, *self.languages] if term.pk is None]


class RowError(Exception):
    def __init__(self, line: int, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.line = line
        self.reasons = reasons


def split_list(value: str) -> list[str]:
    """ "a; b;;a" → ["a", "b"]: semicolon-separated, trimmed, each once."""
    return list(dict.fromkeys(part.strip() for part in value.split(";") if part.strip()))


def parse_date(value: str) -> datetime.date:
    """YYYY-MM-DD, YYYY-MM or YYYY (the first day of the month or year)."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(part) if part else 1 for part in match.groups())
    return datetime.date(year, month, day)


class RowChecker:
    """Checks rows against the vocabularies loaded once for the whole file.

    ``unknown_terms`` says what an unknown subject or audience does: "reject" the row, "create"
    the term (``--create-terms``) or "ignore" it (harvested keywords are free text).
    """

    def __init__(
        self,
        *,
        organisation=None,
        files_dir: Path | StoredFolder | None = None,
        unknown_terms="reject",
        publish=True,
        hints: Hints = COMMAND_HINTS,
    ):
        self.hints = hints
        self.organisation = organisation
        self.files_dir = files_dir
        self.unknown_terms = unknown_terms
        self.publish = publish
        self.subjects, self.audiences = SubjectIndex(), AudienceIndex()
        self.levels, self.languages, self.licences = LevelIndex(), LanguageIndex(), LicenceIndex()
        self.type_names = {slugify(value): value for value in ResourceType.values}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                self.type_names |= {slugify(str(label)): value for value, label in ResourceType.choices}
        self._organisations = {}
        for organisation_row in Organisation.objects.all():
            self._organisations[organisation_row.slug] = organisation_row
            self._organisations.setdefault(slugify(organisation_row.name), organisation_row)

    def check(self, row: SourceRow) -> ResourceData:
        errors: list[str] = []
        values = {  # free text as written (composed, NFC: pasted text often arrives decomposed; HTML
            # from a repository's description becomes its text)
            name: plain_text(unicodedata.normalize("NFC", value)) if name in FREE_TEXT else value
            for name, value in row.values.items()
        }
        for name, limit in _MAX_LENGTHS.items():
            if len(values.get(name, "")) > limit:
                errors.append(
                    _("%(column)s is longer than %(limit)d characters") % {"column": name, "limit": limit}
                )
        identifier = values.get("identifier", "")
        if not identifier:
            errors.append(_("identifier is empty"))
        elif not IDENTIFIER_PATTERN.match(identifier):
            errors.append(
                _(
                    "identifier “%(value)s” may hold only letters, digits and . _ : / - "
                    "and must start with a letter or digit"
                )
                % {"value": identifier}
            )
        title = values.get("title", "")
        if not title:
            errors.append(_("title is empty"))
        organisation = self._organisation(values.get("organisation", ""), errors)
        data = ResourceData(row.line, identifier, title, organisation, given=set(values) - {"file", "url"})
        data.summary = values.get("summary", "")
        data.authors = values.get("authors", "")
        data.subjects = self._terms(values.get("subjects", ""), self.subjects, "subjects", errors)
        data.audiences = self._terms(values.get("audiences", ""), self.audiences, "audiences", errors)
        data.languages = self._terms(values.get("languages", ""), self.languages, "languages", errors)
        data.level = self._one(values.get("level", ""), self.levels, "level", errors)
        data.licence = self._one(values.get("licence", ""), self.licences, "licence", errors)
        if self.publish and not values.get("licence"):
            errors.append(str(self.hints.licence))
        self._date(values.get("date_issued", ""), data, errors)
        self._url(values.get("url", ""), data, errors)
        if "url" in values:
            data.given.add("external_url")
        self._files(values.get("file", ""), data, errors)
        self._type(values.get("resource_type", ""), data, errors)
        if errors:
            raise RowError(row.line, errors)
        return data

    def _organisation(self, value: str, errors: list[str]):
        if not value:
            if self.organisation is None:
                errors.append(str(self.hints.organisation))
            return self.organisation
        found = self._organisations.get(value) or self._organisations.get(slugify(value))
        if found is None:
            errors.append(_("unknown organisation “%(value)s”") % {"value": value})
        elif self.organisation is not None and found != self.organisation:
            errors.append(
                _("the row names %(row)s but this import is for %(import)s")
                % {"row": found.name, "import": self.organisation.name}
            )
        return found

    def _terms(self, value: str, index, column: str, errors: list[str]) -> list:
        terms = []
        for name in split_list(value):
            term = index.find(name)
            if term is None and self.unknown_terms == "create":
                term = index.new_term(name)  # None when the name makes no term: no language has it
                if term is not None:
                    index.add(term)
            if term is None and self.unknown_terms == "reject":
                errors.append(f"{UNKNOWN[column] % {'value': name}} ({self.hints.create_terms})")
            elif term is None and self.unknown_terms == "create":
                errors.append(UNKNOWN[column] % {"value": name})
            if term is not None and term not in terms:
                terms.append(term)
        return terms

    def _known(self, value: str, index, column: str, errors: list[str]) -> list:
        terms = []
        for name in split_list(value):
            term = index.find(name)
            if term is None and self.unknown_terms != "ignore":
                errors.append(UNKNOWN[column] % {"value": name})
            elif term is not None and term not in terms:
                terms.append(term)
        return terms

    def _one(self, value: str, index, column: str, errors: list[str]):
        if not value:
            return None
        if len(split_list(value)) > 1:
            errors.append(
                _("%(column)s takes one value, not “%(value)s”") % {"column": column, "value": value}
            )
            return None
        found = self._known(value, index, column, errors)
        return found[0] if found else None

    def _date(self, value: str, data: ResourceData, errors: list[str]) -> None:
        if not value:
            return
        try:
            data.date_issued = parse_date(value)
        except ValueError:
            errors.append(
                _("date_issued “%(value)s” is not a date like 2024-09-05 or 2024") % {"value": value}
            )

    def _url(self, value: str, data: ResourceData, errors: list[str]) -> None:
        if not value:
            return
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            errors.append(
                _("url “%(value)s” is not a web address starting with http:// or https://") % {"value": value}
            )
        else:
            data.external_url = value

    def _files(self, value: str, data: ResourceData, errors: list[str]) -> None:
        names = split_list(value)
        if names and self.files_dir is None:
            errors.append(str(self.hints.no_files))
            return
        for name in names:
            try:
                data.files.append(check_file(self.files_dir, name, self.hints))
            except FileProblem as problem:
                errors.append(str(problem))
        if names:
            data.given.add("files")

    def _type(self, value: str, data: ResourceData, errors: list[str]) -> None:
        if value:
            resource_type = self.type_names.get(slugify(value))
            if resource_type is None:
                errors.append(
                    _("unknown resource_type “%(value)s”; use one of: %(choices)s")
                    % {"value": value, "choices": ", ".join(ResourceType.values)}
                )
                return
            data.resource_type = resource_type
            data.given.add("resource_type")
        elif data.external_url and not data.files:
            data.resource_type = ResourceType.LINK
            data.given.add("resource_type")
        if data.resource_type == ResourceType.LINK and not data.external_url:
            errors.append(_("a link resource needs a url"))
