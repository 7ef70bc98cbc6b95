from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LogoutView, PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import lockout
from portal.core.ratelimit import ADMIN_TEMPLATE, rate_limited
from portal.organisations.reports import OwnPageTypesUsageReportView

urlpatterns = [
    # Wagtail's own view, with asking for reset e-mails limited per address (before the admin's routes).
    path(
        "admin/password_reset/",
        rate_limited("password_reset", methods=("POST",), template=ADMIN_TEMPLATE)(
            PasswordResetView.as_view()
        ),
    ),
    # Wagtail's page-types report, without other organisations' draft titles (before the admin's routes).
    path(
        "admin/reports/page-types-usage/",
        never_cache(require_admin_access(OwnPageTypesUsageReportView.as_view())),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        never_cache(require_admin_access(OwnPageTypesUsageReportView.as_view(results_only=True))),
    ),
    path("admin/unlock/<str:token>/", lockout.unlock, name="signin_unlock"),
    # Wagtail's sign-out answers a GET with 405 yet drops the session cookie: only a POST signs out,
    # so a link or image on another site cannot.
    path("admin/logout/", never_cache(require_POST(LogoutView.as_view()))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("media.urls")),
    path("", include("portal.interop.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("portal.registrations.urls")),
    path("", include("portal.core.page_files")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
