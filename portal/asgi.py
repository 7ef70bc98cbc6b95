"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from portal.env import ConfigurationError, explain_and_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

try:
    application = get_asgi_application()
except ConfigurationError as error:
    explain_and_exit(error)
