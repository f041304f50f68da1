"""Cross-site request protection for POSTs that carry no CSRF token."""

from urllib.parse import urlsplit

from django.conf import settings


def same_origin(request) -> bool:
    """True when the request comes from a page of this site. Browsers send the page's origin
    with every form POST and every fetch() POST (or, at least, the referring page); a POST
    from any other site is refused. Used where a token cannot be: forms on cached pages (page
    feedback) and uploads from a page that may have been saved on the device for days."""
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in allowed
    referer = urlsplit(request.headers.get("Referer", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in allowed


def client_address(request) -> str:
    """The visitor's address, for rate limits only (it is hashed, never stored). Behind
    WEGWIJS_TRUSTED_PROXIES proxies that each append to X-Forwarded-For (nginx's
    $proxy_add_x_forwarded_for), the address the first trusted proxy saw; otherwise
    REMOTE_ADDR. Addresses further left in the header are the client's to invent."""
    hops = settings.TRUSTED_PROXIES
    if hops > 0:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")
