"""The resources app's part of `manage.py load_demo`."""

from wagtail import hooks


@hooks.register("load_demo_content", order=20)
def load_resources_demo_content(log):
    from portal.resources.demo import load_resources_demo

    load_resources_demo(log)
