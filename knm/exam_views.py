"""The practice exam's own pages: moving between questions, the overview with marked
questions, and handing in. The server owns the end time and the score throughout."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from core.breadcrumbs import crumbs

from . import services
from .learners import current_learner
from .models import Attempt

KNM_CRUMB = (gettext_lazy("KNM practice"), reverse_lazy("knm:index"))


def _exam_for(request, attempt_id) -> Attempt:
    learner = current_learner(request)
    if learner is None:
        raise Http404("No practice exam here.")
    return get_object_or_404(
        Attempt.objects.all(), pk=attempt_id, learner=learner, mode=Attempt.Mode.EXAM
    )


def exam_next(attempt: Attempt, position: int, go: str):
    """Where an exam goes after saving a question: back, on, or to the overview."""
    total = attempt.items.count()
    if go == "previous" and position > 1:
        return redirect("knm:question", attempt_id=attempt.pk, position=position - 1)
    if go == "overview" or position >= total:
        return redirect("knm:overview", attempt_id=attempt.pk)
    return redirect("knm:question", attempt_id=attempt.pk, position=position + 1)


@require_safe
def overview(request, attempt_id):
    """Every question of the exam: answered or not, marked or not; go back to any of them."""
    attempt = _exam_for(request, attempt_id)
    services.attempt_close_if_expired(attempt, timezone.now())
    if attempt.finished is not None:
        return redirect("knm:result", attempt_id=attempt.pk)
    items = list(attempt.items.order_by("position"))
    return render(
        request,
        "knm/overview.html",
        {
            "attempt": attempt,
            "items": items,
            "answered": sum(1 for i in items if i.answered),
            "marked": sum(1 for i in items if i.marked),
            "seconds_left": max(0, int((attempt.deadline - timezone.now()).total_seconds())),
            "breadcrumbs": crumbs(KNM_CRUMB, (_("Your exam: overview"), None)),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def hand_in(request, attempt_id):
    """Hand in (or leave) an exam before the time is up: confirm first, then score it."""
    attempt = _exam_for(request, attempt_id)
    services.attempt_close_if_expired(attempt, timezone.now())
    if attempt.finished is not None:
        return redirect("knm:result", attempt_id=attempt.pk)
    if request.method == "POST":
        services.attempt_finish(attempt, timezone.now())
        messages.success(request, _("You handed in the exam. Here is your score."))
        return redirect("knm:result", attempt_id=attempt.pk)
    return render(
        request,
        "knm/hand_in.html",
        {
            "attempt": attempt,
            "answered": attempt.items.filter(answered__isnull=False).count(),
            "marked": attempt.items.filter(marked=True).count(),
            "total": attempt.items.count(),
            "breadcrumbs": crumbs(KNM_CRUMB, (_("Hand in the exam"), None)),
        },
    )
