"""Page feedback: "Is this page useful?" with an optional comment.

Stored without personal data. A visitor is limited by a short-lived counter in the cache,
keyed by a hash of their address and browser (never written to the database), and by the
pages they already rated in their session.
"""

import hashlib

from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import in_language_of

from .models import Feedback

MAX_COMMENT = 1000
MAX_PER_HOUR = 20
RATEABLE = {
    "hub:home",
    "hub:glossary",
    "hub:glossary-term",
    "hub:steps",
    "topics:index",
    "topics:detail",
    "guides:index",
    "guides:detail",
    "sources:index",
    "sources:detail",
    "faq:index",
    "knm:index",
    "knm:theme",
    "hub:tag",
}


class FeedbackRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _visitor_key(request) -> str:
    raw = f"{request.META.get('REMOTE_ADDR', '')}|{request.META.get('HTTP_USER_AGENT', '')}"
    hour = timezone.now().strftime("%Y%m%d%H")
    return "feedback:" + hashlib.sha256(f"{raw}|{hour}".encode()).hexdigest()[:32]


def is_rateable(path: str) -> bool:
    if not path.startswith("/") or path.startswith("//"):
        return False
    try:
        with in_language_of(path):
            return resolve(path).view_name in RATEABLE
    except Resolver404:
        return False


def feedback_record(request, path: str, useful: str, comment: str) -> Feedback:
    """Check and store one answer, or refuse it with a reason."""
    path = (path or "").replace("\x00", "")[:300]
    if not is_rateable(path):
        raise FeedbackRefused(_("We could not tell which page this feedback is about."))
    if useful not in ("yes", "no"):
        raise FeedbackRefused(_("Choose Yes or No."))
    comment = (comment or "").replace("\x00", "").strip()
    if len(comment) > MAX_COMMENT:
        raise FeedbackRefused(
            _("Please keep your comment under %(count)s characters.") % {"count": MAX_COMMENT}
        )
    rated = request.session.get("feedback_pages", [])
    if path in rated:
        raise FeedbackRefused(_("You have already given feedback on this page. Thank you!"))
    key = _visitor_key(request)
    count = cache.get_or_set(key, 0, timeout=3600)
    if count >= MAX_PER_HOUR:
        raise FeedbackRefused(
            _("You have sent a lot of feedback in a short time. Please try again later.")
        )
    cache.incr(key)
    request.session["feedback_pages"] = [*rated, path][-200:]
    return Feedback.objects.create(path=path, useful=useful == "yes", comment=comment)
