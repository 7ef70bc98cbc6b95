"""WSGI entry point (gunicorn in production)."""

import os

from django.core.wsgi import get_wsgi_application

from portal.env import ConfigurationError, explain_and_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

try:
    application = get_wsgi_application()
except ConfigurationError as error:
    explain_and_exit(error)
