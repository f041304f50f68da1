"""Offline practice: the page that runs a round on the device, the bank it downloads, and
the door its answers come back through."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from core.breadcrumbs import crumbs
from core.origin import same_origin

from .learners import current_learner
from .models import DocumentKind
from .offline import UploadRefused, bank_file, offline_answers_record, upload_parse
from .views import KNM_CRUMB


def offline_strings() -> dict:
    """The words knm-offline.js shows, in the page's language (a JSON data block in the page,
    so the script needs no catalogue of its own). "{n}" and the other names in braces are
    filled in by the script; "_one" and "_many" are the forms for 1 and for other numbers."""
    return {
        "lang": translation.get_language(),
        # On English pages the options show their English next to the Dutch; elsewhere
        # it is behind "Show in English" with the situation and the question.
        "english_inline": translation.get_language() == "en",
        "cannot_keep": _(
            "This browser cannot keep questions for offline practice. "
            "You can still practise online on the KNM practice page."
        ),
        "questions_one": _("1 question"),
        "questions_many": _("{n} questions"),
        "ready_one": _(
            "1 practice question saved on this device, ready without a connection "
            "(last updated {date})."
        ),
        "ready_many": _(
            "{n} practice questions saved on this device, ready without a connection "
            "(last updated {date})."
        ),
        "plain_text": _("Read the document as plain text"),
        "show_english": _("Show in English"),
        "all_themes": _("all themes"),
        "eyebrow": _("Offline practice: {theme}"),
        "question_of": _("Question {n} of {total}"),
        "check": _("Check my answer"),
        "theme": _("Theme: {theme}"),
        "correct": _("Correct answer"),
        "yours": _("Your answer"),
        "see_result": _("See your result"),
        "next": _("Next question"),
        "right": _("Right!"),
        "not_quite": _("Not quite."),
        "read_more": _("Read more:"),
        "of": _("{right} of {total}"),
        "again": _("Practise again"),
        "result": _("Your result: {right} of {total} right"),
        "offline_practice": _("Offline practice"),
        "percent": _("That is {percent}%."),
        "per_theme": _("Right answers per theme"),
        "theme_column": _("Theme"),
        "right_column": _("Right"),
        "kept": _(
            "Your answers are kept on this device and added to your progress when you are "
            "online. Questions you missed come first in your next offline round."
        ),
        "progress": _("See your progress"),
        "all_added": _("All your answers have been added to your progress."),
        "dropped_one": _("1 answer to a question no longer in the practice bank was not counted."),
        "dropped_many": _(
            "{n} answers to a question no longer in the practice bank were not counted."
        ),
        "sending_one": _("1 answer saved on this device will be sent now."),
        "sending_many": _("{n} answers saved on this device will be sent now."),
        "waiting_one": _("1 answer saved on this device will be sent when you are online again."),
        "waiting_many": _(
            "{n} answers saved on this device will be sent when you are online again."
        ),
        "not_sent": _(
            "Your answers could not be sent yet. They stay on this device and are sent later."
        ),
        "not_saved": _(
            "The questions are not saved on this device yet. Open this page once with an "
            "internet connection; after that it works offline."
        ),
        "cannot_open": _("The saved questions could not be opened in this browser."),
        # The document kinds' names (the bank has them in English).
        "kinds": {value: str(label) for value, label in DocumentKind.choices},
    }


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
            "offline_strings": offline_strings(),
            "breadcrumbs": crumbs(KNM_CRUMB, (_("Offline practice"), None)),
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
