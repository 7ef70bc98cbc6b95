"""Start-up check: say in one line when ELASTICSEARCH_URL cannot be reached.

Search degrades to the database backend when Elasticsearch is away, so this is a warning that
names the address and the reason, not a refusal to start.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from elastic_transport import TransportError

from search.backends import get_backend


@register(Tags.database, deploy=False)
def elasticsearch_reachable(app_configs=None, **kwargs):
    if not settings.ELASTICSEARCH_URL:
        return []
    try:
        get_backend("elasticsearch").client.info()
    except (TransportError, OSError) as error:
        reason = getattr(error, "message", None) or error.__class__.__name__
        return [
            Warning(
                f"ELASTICSEARCH_URL {settings.ELASTICSEARCH_URL} is unreachable ({reason}); "
                "search answers from the database until it is back",
                id="search.W001",
            )
        ]
    return []
