from django.utils.cache import patch_cache_control, patch_vary_headers

from .acts import route_from_cookie


class RouteMiddleware:
    """Reads the person's remembered act (`request.route`). Pages made with it are theirs
    alone: marked private, so no shared cache (ours or one on the way) keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.route = route_from_cookie(request)
        response = self.get_response(request)
        if request.route:
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, private=True)
        return response
