"""Security (HTTPS, Content-Security-Policy, rate limits, sign-in lockout) and logging."""

from datetime import timedelta

from portal import env
from portal.settings.base import PRODUCTION

# --- security -------------------------------------------------------------------------------
# Reverse proxies in front of the server, each appending the address it was reached from to
# X-Forwarded-For (the TLS-terminating proxy of docker-compose: 1). 0 trusts no such header.
TRUSTED_PROXY_COUNT = env.count("TRUSTED_PROXY_COUNT", 0)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
# Only our own proxy may say that a request came over HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION and TRUSTED_PROXY_COUNT else None
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = 31_536_000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views answer SAMEORIGIN for the admin's own frame
SILENCED_SYSTEM_CHECKS = []
# Content-Security-Policy (portal.core.csp): strict on the public site, Wagtail's needs in the admin.
# Media origins (S3) are added per request; an episode's player page may frame BROADCAST_PLAYER_HOSTS.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF],
        "media-src": [_SELF],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_NONE],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "media-src": [_SELF, "blob:"],
        "font-src": [_SELF, "data:"],
        "frame-src": [_SELF],  # page previews
        "worker-src": [_SELF, "blob:"],
        "frame-ancestors": [_SELF],
    }
}
# Requests per client address (portal.core.ratelimit): COUNT/PERIOD (s, m, h, d; "30/10m"), "off" to
# lift one; each overridable as RATE_LIMIT_<NAME>. A carrier's NAT or a learning centre puts many
# people behind one address, hence the generous figures.
RATE_LIMITS = {
    name: env.rate(f"RATE_LIMIT_{name.upper()}", default)
    for name, default in {
        "search_api": "300/m",
        "autocomplete": "600/m",
        "downloads": "300/m",
        "registration": "120/h",  # POST only: a whole class may register from one centre
        "password_reset": "30/h",  # POST only
    }.items()
}
RATE_LIMIT_CACHE = "default"
# Sign-in lockout (django-axes): failures count per user name and address together, so one
# account under attack does not lock out the other editors behind the same address.
AUTHENTICATION_BACKENDS = [
    "portal.core.lockout.SignInAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.count("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.count("LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.core.client_address.network_address"  # IPv6: the /64
AXES_LOCKOUT_CALLABLE = "portal.core.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# And per account from every address together (portal.core.account_guard): past the limit, one try
# per pause, the pause doubling with each failure up to the maximum; the owner gets a link by e-mail
# that lets their browser sign in at once.
SIGN_IN_ACCOUNT_LIMIT = env.count("LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
SIGN_IN_ACCOUNT_PAUSE = timedelta(minutes=1)
SIGN_IN_ACCOUNT_MAX_PAUSE = timedelta(hours=1)
SIGN_IN_ACCOUNT_MEMORY = 24 * 3600  # seconds failures are remembered after the last one
SIGN_IN_TRUSTED_BROWSER_AGE = 30 * 24 * 3600
AXES_DISABLE_ACCESS_LOG = True  # failed attempts are kept (until they expire); sign-ins are not logged
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# No token of a registration, unlock or password-reset link in any log line (portal.core.log_redaction):
# on the loggers that print addresses, and on the handler for everything else.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "portal.core.log_redaction.RedactSecrets"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"filters": ["redact"]},
        "django.server": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact"],
        },
        "portal": {"level": "INFO"},
        "search": {"level": "INFO"},
        "media": {"level": "INFO"},
    },
}
