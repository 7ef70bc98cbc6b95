"""The outermost middleware: reads the usage mark a view put on its response, and counts it.

It sits first in ``MIDDLEWARE`` so it sees every response on its way out, including those a page
cache answers without running the view (the mark is stored with the cached response). The mark
never reaches the visitor.
"""

import logging

from portal.core import usage_marks as marks
from portal.usage import recording

logger = logging.getLogger(__name__)


class UsageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = response.headers.get(marks.HEADER)
        if mark is not None:
            del response.headers[marks.HEADER]
        if mark is not None and response.status_code == 200:
            try:
                self.count(request, marks.read(mark))
            except Exception:  # counting must never cost a visitor their page
                logger.exception("usage mark not counted")
        try:
            recording.flush_if_due()
        except Exception:
            logger.exception("usage counts not flushed")
        return response

    @staticmethod
    def count(request, event) -> None:
        if event is None or not recording.is_counted(request):
            return
        if event[0] == "view":
            recording.record_view(event[1], event[2])
        elif event[0] == "search":
            recording.record_search(request, event[2], event[1])
