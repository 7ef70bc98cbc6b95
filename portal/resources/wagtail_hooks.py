"""The resources app's part of `manage.py load_demo`."""

from wagtail import hooks


@hooks.register("load_demo_content", order=20)
def load_resources_demo_content(log):
    from portal.resources.demo import load_resources_demo

    load_resources_demo(log)


@hooks.register("load_demo_content", order=30)
def load_demo_contributor(log) -> None:
    """The demo contributor joins its organisation (made by the library's demo) to submit work."""
    from portal.core.demo import DEMO_CONTRIBUTOR
    from portal.resources.contributors import setup_contributor

    _username, email, name = DEMO_CONTRIBUTOR
    setup = setup_contributor(name, email)
    log(f"  contributor: {setup.user.get_username()} in “{setup.group.name}”")
