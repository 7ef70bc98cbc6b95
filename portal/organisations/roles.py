"""Roles as data: each role is one group, found by its key, with the permissions declared here.

``setup_roles`` (run by ``load_demo`` and by the production start-up) makes or repairs every
role and the provincial editors' review workflow; running it again changes nothing. Another app
adds a role by appending a ``Role`` to ``ROLES`` (the indicators' data entry will).
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from portal.organisations.models import RoleGroup

FILE_MODELS = (("wagtaildocs", "document"), ("wagtailimages", "image"))


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    page_actions: tuple[str, ...] = ()  # on the root of the page tree: every site, both languages
    file_actions: tuple[str, ...] = ()  # on the root collection: every organisation's files
    model_permissions: tuple[str, ...] = ()  # "app_label.codename"
    admin_access: bool = True


# The provincial editors keep these lists: vocabularies, units, site settings, organisations and
# the repositories harvested for them.
EDITOR_MANAGED_MODELS = (
    "core.subject",
    "core.educationlevel",
    "core.audience",
    "core.language",
    "core.licence",
    "core.adminunit",
    "core.portalsettings",
    "organisations.organisation",
    "resources.harvestsource",
)
PROVINCIAL_EDITOR = Role(
    key="provincial-editors",
    name=_("Provincial editors"),
    page_actions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    file_actions=("add", "change", "delete", "choose"),
    model_permissions=(
        *(
            f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
            for model in EDITOR_MANAGED_MODELS
            for action in ("add", "change", "delete", "view")
        ),
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
    ),
)
ROLES: list[Role] = [PROVINCIAL_EDITOR]

WORKFLOW_NAME = _("Review by provincial editors")
TASK_NAME = _("Provincial editors' approval")
# What Wagtail's first migration makes; replaced by the roles above where unused.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def group_for(role: Role) -> Group:
    """The role's group, made on first use; found by the role's key, never by its name."""
    link = RoleGroup.objects.select_related("group").filter(key=role.key).first()
    if link is not None:
        return link.group
    group = Group.objects.filter(name=str(role.name), role__isnull=True).first() or Group.objects.create(
        name=str(role.name)
    )
    RoleGroup.objects.create(key=role.key, group=group)
    return group


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    groups = {role.key: _grant(role) for role in ROLES}
    workflow = review_workflow()
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    _retire_wagtail_defaults()
    return groups


def review_workflow() -> Workflow:
    """The workflow whose one step is approval by the provincial editors (by group, not name)."""
    editors = group_for(PROVINCIAL_EDITOR)
    task = GroupApprovalTask.objects.filter(groups=editors).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=str(TASK_NAME))
        task.groups.add(editors)
    step = WorkflowTask.objects.filter(task=task).select_related("workflow").order_by("pk").first()
    if step is not None:
        workflow = step.workflow
    else:
        workflow = Workflow.objects.create(name=str(WORKFLOW_NAME), active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    return workflow


def _grant(role: Role) -> Group:
    group = group_for(role)
    if role.admin_access:
        group.permissions.add(permission("wagtailadmin.access_admin"))
    for codename in role.model_permissions:
        group.permissions.add(permission(codename))
    grant_pages(group, Page.get_first_root_node(), role.page_actions)
    grant_files(group, Collection.get_first_root_node(), role.file_actions)
    return group


def grant_pages(group: Group, page: Page, actions) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(f"wagtailcore.{action}_page")
        )


def grant_files(group: Group, collection: Collection, actions) -> None:
    for app_label, model_name in FILE_MODELS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(f"{app_label}.{action}_{model_name}"),
            )


def permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _retire_wagtail_defaults() -> None:
    """Wagtail's sample "Moderators"/"Editors" groups and workflow, while nobody uses them.

    They would otherwise sit in the admin under English names, and the sample workflow would
    send submissions to a group with no members.
    """
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True, role__isnull=True).delete()
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.deactivate()
            continue
        tasks = [step.task for step in workflow.workflow_tasks.all()]
        workflow.delete()
        for task in tasks:
            if not WorkflowTask.objects.filter(task=task).exists():
                task.delete()


def is_provincial_editor(user) -> bool:
    """Whether ``user`` plays the provincial editors' role (found by key, whatever the group's name)."""
    return user.groups.filter(role__key=PROVINCIAL_EDITOR.key).exists()


# The Department of Education and Training's staff who enter the plan's yearly figures.
INDICATOR_DATA_ENTRY = Role(
    key="indicator-data-entry",
    name=_("Indicator data entry"),
    model_permissions=(
        *(
            f"indicators.{action}_{model}"
            for model in ("measurement", "recognition")
            for action in ("add", "change", "view")
        ),
        "indicators.view_indicator",
    ),
)
ROLES.append(INDICATOR_DATA_ENTRY)
