"""Offline practice: the page that runs a round on the device, the bank it downloads, and
the door its answers come back through."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from core.breadcrumbs import crumbs
from core.origin import same_origin

from .learners import current_learner
from .offline import UploadRefused, bank_file, offline_answers_record, upload_parse
from .views import KNM_CRUMB


@require_safe
def practice(request):
    """The offline practice page. It holds no token and nothing personal, so the device can
    keep it and open it with no connection; the round itself runs in knm-offline.js."""
    response = render(
        request,
        "knm/offline.html",
        {
            "bank_url": reverse("knm:offline-bank"),
            "practice_length": settings.KNM_PRACTICE_LENGTH,
            "breadcrumbs": crumbs(KNM_CRUMB, ("Offline practice", None)),
        },
    )
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def bank(request):
    """The practice bank as JSON. Its ETag is the bank's version: a device that has it gets
    a 304 and keeps its copy."""
    version, body = bank_file()
    etag = f'"{version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    return response


def _refusal(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt  # a page kept on the device for days has no fresh token: checked by origin
@require_POST
def answers(request):
    """Answers given offline, as JSON: {"answers": [{id, question, option, answered}]}."""
    if not same_origin(request):
        return _refusal("Answers can only be sent from this website.", 403)
    if request.content_type != "application/json":
        return _refusal("Send the answers as JSON (Content-Type: application/json).", 415)
    try:
        sent = upload_parse(request.body)
    except UploadRefused as refusal:
        return _refusal(refusal.message, refusal.status)
    learner = current_learner(request, create=True)
    outcome = offline_answers_record(learner, sent, timezone.now())
    data = outcome.as_json()
    if outcome.status == 409:
        data["error"] = "These answers were received before. Each answer counts once."
    elif outcome.status == 422:
        data["error"] = "None of these answers could be recorded."
    return JsonResponse(data, status=outcome.status)
