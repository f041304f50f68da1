"""HEAD answers like GET, without the body.

Views accept HEAD wherever they accept GET (`require_safe`), and Django runs them as for
GET. Django's test client and runserver drop the body of a HEAD response, but a WSGI
server such as gunicorn sends whatever the application returns, so the body is dropped
here, outermost, once every other middleware has seen the page. Content-Length stays the
length of the GET body, as HTTP asks; every whole response states it (pages from the page
cache skip CommonMiddleware, which would), so GET and HEAD carry the same headers.
"""

from __future__ import annotations


class HeadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.streaming and not response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        if request.method != "HEAD":
            return response
        if response.streaming:
            close = getattr(response, "close", None)
            if close:
                close()
            response.streaming_content = []
            return response
        response.content = b""
        return response
