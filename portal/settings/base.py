"""Everything but caching and security: profile, applications, database, tasks, search,
media, e-mail, languages, Wagtail and the features' own settings."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.text("VAR_DIR") or BASE_DIR / "var")

# --- profile --------------------------------------------------------------------------------
DJANGO_ENV = env.text("DJANGO_ENV", "development").lower()
if DJANGO_ENV not in {"development", "production"}:
    raise env.ConfigurationError(f"DJANGO_ENV={DJANGO_ENV!r} must be development or production")
DEBUG = env.flag("DEBUG", default=DJANGO_ENV == "development")
PRODUCTION = DJANGO_ENV == "production" or not DEBUG

SECRET_KEY = env.text("SECRET_KEY")
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS")
if PRODUCTION:
    missing = [
        name for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS)) if not value
    ]
    if missing:
        raise env.ConfigurationError(f"production mode needs {' and '.join(missing)} set in the environment")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise env.ConfigurationError(
            "SECRET_KEY must be a random value of at least 50 characters in production"
        )
else:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-never-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env.words("CSRF_TRUSTED_ORIGINS")

# --- applications ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "portal.core",
    "portal.organisations",
    "portal.resources",
    "portal.imports",
    "portal.registrations",
    "portal.programmes",
    "portal.events",
    "portal.news",
    "portal.centres",
    "portal.indicators",
    "portal.usage",
    "portal.interop",
    "portal.backups",
    "media",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "search",  # after Wagtail: it takes over Wagtail's save handlers in ready()
    "modelcluster",
    "rest_framework",
    "wagtail.api.v2",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "portal.usage.middleware.UsageMiddleware",  # first: counts marked responses, cached ones too
    "django.middleware.security.SecurityMiddleware",
    "portal.core.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed per response (with Django's length padding against BREACH), above the
    # page cache so it keeps them plain and every client gets the encoding it asked for.
    "django.middleware.gzip.GZipMiddleware",
    "portal.core.caching.PageCacheMiddleware",  # anonymous pages; below the usage counting
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into its page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.caching.fragment_context",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
DATABASE_URL = env.text("DATABASE_URL")
_DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}


def _database(raw: str) -> dict:
    if not raw:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in _DATABASE_SCHEMES:
        raise env.ConfigurationError(
            f"DATABASE_URL is malformed: expected postgres://USER@HOST:PORT/NAME or "
            f"sqlite:///PATH, got {raw.split('@')[-1]!r}"
        )
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise env.ConfigurationError(f"DATABASE_URL is malformed: {error}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise env.ConfigurationError("DATABASE_URL names no database (…/NAME at the end)")
    if scheme != "sqlite":
        # Pages run short queries, and search already runs its count beside its page query:
        # parallel workers only add their start-up time (bench/bench_search_postgres.py).
        config.setdefault("OPTIONS", {})["options"] = "-c max_parallel_workers_per_gather=0"
    return config


DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- background tasks -----------------------------------------------------------------------
TASKS_BACKEND = env.text("TASKS_BACKEND", "database" if DJANGO_ENV == "production" else "immediate")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise env.ConfigurationError(f"TASKS_BACKEND={TASKS_BACKEND!r} must be immediate or database")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
SCHEDULE_MODULE = "portal.schedule"  # periodic tasks, enqueued by `manage.py scheduler`

# --- search ---------------------------------------------------------------------------------
ELASTICSEARCH_URL = env.url("ELASTICSEARCH_URL", ("http", "https"))
ELASTICSEARCH_INDEX_PREFIX = env.text("ELASTICSEARCH_INDEX_PREFIX", "portal")
ELASTICSEARCH_TIMEOUT = float(env.text("ELASTICSEARCH_TIMEOUT", "1") or 1)
SEARCH_BACKEND = "elasticsearch" if ELASTICSEARCH_URL else "database"
# The editors' admin search stays on the database: public search has its own indexes (search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- media ----------------------------------------------------------------------------------
S3_ENDPOINT_URL = env.url("S3_ENDPOINT_URL", ("http", "https"))
S3_BUCKET = env.text("S3_BUCKET")
S3_ACCESS_KEY_ID = env.text("S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env.text("S3_SECRET_ACCESS_KEY")
S3_REGION = env.text("S3_REGION", "us-east-1")
S3_PUBLIC_URL = env.url("S3_PUBLIC_URL", ("http", "https"))
MEDIA_ROOT = VAR_DIR / "media"  # public files only (renditions, previews): served under MEDIA_URL
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"  # documents and originals: only through /tai-ve/
if S3_BUCKET and not (S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY):
    raise env.ConfigurationError("S3_BUCKET is set but S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY are not")
_MEDIA_STORAGES = (
    {
        "default": {"BACKEND": "media.storages.PrivateMediaStorage"},
        "public": {"BACKEND": "media.storages.PublicMediaStorage"},
    }
    if S3_BUCKET
    else {
        "default": {"BACKEND": "media.storages.PrivateFileSystemStorage"},
        "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
)
_MB = 1024 * 1024
MEDIA_MAX_UPLOAD_SIZE = {
    "document": 200 * _MB,
    "image": 20 * _MB,
    "audio": 500 * _MB,
    "video": 2048 * _MB,
    "package": 500 * _MB,
    "captions": 2 * _MB,
}
MEDIA_MAX_IMAGE_PIXELS = 40_000_000
MEDIA_MAX_UNZIPPED_SIZE = 2048 * _MB
# --- the admin's resource imports: limits, checked before anything is written ------------------
IMPORT_MAX_ROWS = env.count("IMPORT_MAX_ROWS", 10_000)  # rows of one list; more must be split
IMPORT_MAX_SHEET_SIZE = env.count("IMPORT_MAX_SHEET_MB", 20) * _MB  # the CSV or XLSX as uploaded
IMPORT_ZIP_MAX_SIZE = env.count("IMPORT_ZIP_MAX_MB", 2048) * _MB  # all files of the ZIP, unpacked
IMPORT_ZIP_MAX_FILES = env.count("IMPORT_ZIP_MAX_FILES", 10_000)
IMPORT_ZIP_MAX_NAME_LENGTH = 200  # characters of a path inside the ZIP
IMPORT_ZIP_MAX_RATIO = 100  # unpacked ÷ packed size of one large file; documents never come close
IMPORT_ABANDONED_AFTER_HOURS = env.count("IMPORT_ABANDONED_AFTER_HOURS", 24)  # unconfirmed or failed
# --- end of the imports' limits ------------------------------------------------------------------
MEDIA_DOWNLOAD_URL_EXPIRY = 300  # seconds a presigned download link stays valid
MEDIA_S3_TIMEOUT = 3  # seconds to connect to S3 before a page degrades or a download says 503
MEDIA_UPLOAD_PART_SIZE = 8 * _MB  # resumable uploads; S3 needs at least 5 MiB per part but the last
MEDIA_UPLOAD_TEMP_ROOT = VAR_DIR / "uploads"  # chunks of resumable uploads on the filesystem profile
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.PortalImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.PortalDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MEDIA_MAX_UPLOAD_SIZE["image"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MEDIA_MAX_IMAGE_PIXELS
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
STORAGES = {
    **_MEDIA_STORAGES,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WAGTAILIMAGES_IMAGE_MODEL = "portal_media.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "portal_media.PortalDocument"
WAGTAILIMAGES_RENDITION_STORAGE = "media.storages.public_storage"
# Outside production, WhiteNoise serves straight from the source folders (no collectstatic).
STATIC_ROOT = BASE_DIR / "static_collected" if PRODUCTION else None
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not PRODUCTION
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]

# --- e-mail ---------------------------------------------------------------------------------
# EMAIL_URL (smtp://USER:PASSWORD@HOST:587?tls=1, smtps://... for implicit TLS) or the EMAIL_HOST
# family; with neither, the embedded default writes each message as a file under var/mail/.
EMAIL_URL = env.url("EMAIL_URL", ("smtp", "smtps"))
EMAIL_HOST = env.text("EMAIL_HOST")
DEFAULT_FROM_EMAIL = env.text(
    "DEFAULT_FROM_EMAIL", "Học liệu mở Thái Nguyên <no-reply@hoclieu.thainguyen.edu.vn>"
)
SERVER_EMAIL = WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_URL or EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_TIMEOUT = 10
    if EMAIL_URL:
        _mail = env.smtp_settings(EMAIL_URL)
        EMAIL_HOST, EMAIL_PORT = _mail["host"], _mail["port"]
        EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _mail["user"], _mail["password"]
        EMAIL_USE_TLS, EMAIL_USE_SSL = _mail["tls"], _mail["ssl"]
    else:
        EMAIL_PORT = int(env.text("EMAIL_PORT", "587") or 587)
        EMAIL_HOST_USER = env.text("EMAIL_HOST_USER")
        EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD")
        EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
        EMAIL_USE_SSL = env.flag("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- registrations (personal data) ---------------------------------------------------------
# Registrants' names and contacts are deleted this many days after the event (or class) ends.
REGISTRATION_RETENTION_DAYS = int(env.text("REGISTRATION_RETENTION_DAYS", "90") or 90)

# --- usage statistics -----------------------------------------------------------------------
# A search phrase appears in the report only once this many different people searched it in a
# month (queries can hold names or phone numbers). Counts are buffered in each process and
# written when the oldest is USAGE_FLUSH_SECONDS old or USAGE_FLUSH_SIZE are waiting.
USAGE_SEARCH_MIN_PEOPLE = int(env.text("USAGE_SEARCH_MIN_PEOPLE", "5") or 5)
USAGE_FLUSH_SECONDS = 30
USAGE_FLUSH_SIZE = 300

# --- internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Ours first (they take precedence), then the Django and Wagtail strings their own vi catalogues lack.
LOCALE_PATHS = [BASE_DIR / "portal" / "locale", BASE_DIR / "portal" / "locale_upstream"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Học liệu mở Thái Nguyên"
WAGTAILADMIN_BASE_URL = env.text("SITE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL  # absolute addresses in /api/v2/ answers
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII addresses survive copying, SMS and old phones
# Pages an organisation shares with a password or with signed-in users only, in the site's own look.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/login.html"
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILEMBEDS_FINDERS = []  # no network calls from the server: embeds are rendered as links
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to another host from the admin
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- broadcast programmes -------------------------------------------------------------------
# Hosts whose own players an episode may point to; a frame from them loads only when a visitor
# asks for it (a page of our own), so an episode page itself makes no request to another host.
BROADCAST_PLAYER_HOSTS = env.words(
    "BROADCAST_PLAYER_HOSTS",
    "thainguyentv.vn,www.thainguyentv.vn,vtv.vn,vtvgo.vn,vov.vn,www.youtube-nocookie.com",
)
BROADCAST_AIRINGS_AHEAD_DAYS = 28  # regular-slot airings are generated this far ahead

# --- outgoing requests ----------------------------------------------------------------------
# Every request to another host (harvests, link checks) goes through portal.core.outgoing: http(s)
# only, public addresses only (the address checked is the one connected to), redirects followed one
# at a time and checked alike, each answer read within a wall-clock deadline and a size limit.
# Hosts named in OUTGOING_ALLOWED_HOSTS (an internal repository to harvest, comma-separated) may
# resolve to private addresses; no other may.
OUTGOING_ALLOWED_HOSTS = env.words("OUTGOING_ALLOWED_HOSTS")
OUTGOING_CONNECT_TIMEOUT = 10  # seconds to connect, and at most between two pieces of an answer
OUTGOING_DEADLINE = env.count("OUTGOING_DEADLINE", 60)  # seconds for a whole answer, redirects included
OUTGOING_MAX_BYTES = env.count("OUTGOING_MAX_BYTES", 20 * 1024 * 1024)
OUTGOING_MAX_REDIRECTS = 5

# --- link health ----------------------------------------------------------------------------
# Resources' outside addresses are checked weekly, one request every LINK_CHECK_PAUSE seconds, at
# most LINK_CHECK_PER_ROUND per round (the oldest checks first), through portal.core.outgoing:
# addresses on private networks are never fetched.
LINK_CHECK_PAUSE = float(env.text("LINK_CHECK_PAUSE", "2") or 2)
LINK_CHECK_PER_ROUND = int(env.text("LINK_CHECK_PER_ROUND", "500") or 500)
LINK_CHECK_TIMEOUT = 10  # seconds for a whole answer

# --- OAI-PMH harvests -----------------------------------------------------------------------
# One harvest stops after HARVEST_TIME_BUDGET seconds, HARVEST_PAGE_BUDGET pages or
# HARVEST_RECORD_BUDGET records, or when the repository repeats a resumption token: what it
# harvested is kept, and its stored datestamp stays where it was, so nothing unseen is skipped.
HARVEST_TIME_BUDGET = env.count("HARVEST_TIME_BUDGET", 30 * 60)
HARVEST_PAGE_BUDGET = env.count("HARVEST_PAGE_BUDGET", 1000)
HARVEST_RECORD_BUDGET = env.count("HARVEST_RECORD_BUDGET", 20_000)

# --- OAI-PMH provider -------------------------------------------------------------------------
OAI_PAGE_SIZE = int(env.text("OAI_PAGE_SIZE", "100") or 100)  # records per ListRecords/ListIdentifiers page
