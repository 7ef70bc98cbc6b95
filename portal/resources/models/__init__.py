"""The library: resources and their files, courses, collections."""

from portal.resources.models.collections import CollectionIndexPage, CollectionItem, CollectionPage
from portal.resources.models.courses import CourseIndexPage, CourseModule, CoursePage
from portal.resources.models.files import ResourceFile
from portal.resources.models.harvest import HarvestSource
from portal.resources.models.library import LibraryIndexPage
from portal.resources.models.links import LinkCheck
from portal.resources.models.resources import LearningResourcePage
from portal.resources.models.sections import OrganisationSectionPage

__all__ = [
    "CollectionIndexPage",
    "CollectionItem",
    "CollectionPage",
    "CourseIndexPage",
    "CourseModule",
    "CoursePage",
    "HarvestSource",
    "LearningResourcePage",
    "LibraryIndexPage",
    "LinkCheck",
    "OrganisationSectionPage",
    "ResourceFile",
]
