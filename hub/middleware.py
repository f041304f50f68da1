import json
import logging
import time

from django.conf import settings

request_log = logging.getLogger("wegwijs.request")


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestLogMiddleware:
    """One structured (JSON) log line per request: what was asked, the answer, how long it
    took. No personal data: no addresses, no query strings, no cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        if request_log.isEnabledFor(logging.INFO):
            request_log.info(
                json.dumps(
                    {
                        "method": request.method,
                        "path": request.path[:200],
                        "status": response.status_code,
                        "ms": round((time.perf_counter() - start) * 1000, 2),
                        "cache": response.get("X-Cache", ""),
                        "bytes": len(response.content) if not response.streaming else None,
                    }
                )
            )
        return response
