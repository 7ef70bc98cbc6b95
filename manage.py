#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from django.core.management import execute_from_command_line

    from portal.env import ConfigurationError, explain_and_exit

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        explain_and_exit(error)


if __name__ == "__main__":
    main()
