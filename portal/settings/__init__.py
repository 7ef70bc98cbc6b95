"""The settings: every difference between profiles comes from environment variables.

No variable set gives the embedded default (SQLite and media under ``var/``, database search,
tasks run at once). The production profile (``DJANGO_ENV=production`` or ``DEBUG=0``) refuses
to start without ``SECRET_KEY`` and ``ALLOWED_HOSTS``. See README.md, "Runtime profiles".
"""

# In parts by concern; later parts read what earlier ones set.
from portal.settings.base import *  # noqa: F403
from portal.settings.caching import *  # noqa: F403
from portal.settings.security import *  # noqa: F403
