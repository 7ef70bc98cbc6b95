"""The portal's WSGI application, counting SQL queries for requests that ask for it.

A request carrying ``X-Bench-Count-Queries: 1`` gets the number of queries it ran in
``X-Bench-Queries``; every other request goes straight to Django, so timed requests pay nothing.
"""

from django.core.wsgi import get_wsgi_application
from django.db import connections

portal = get_wsgi_application()


def application(environ, start_response):
    if environ.get("HTTP_X_BENCH_COUNT_QUERIES") != "1":
        return portal(environ, start_response)
    count = [0]

    def counted(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    def start(status, headers, exc_info=None):  # Django answers once the view and middleware ran
        return start_response(status, [*headers, ("X-Bench-Queries", str(count[0]))], exc_info)

    with connections["default"].execute_wrapper(counted):
        return portal(environ, start)
