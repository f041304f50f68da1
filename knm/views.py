import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.breadcrumbs import crumbs

from . import services
from .exam_views import exam_next
from .learners import SESSION_KEY, current_learner
from .models import Attempt, AttemptItem, Learner, Theme
from .progress import (
    attempt_score,
    learner_forget,
    learner_offline_answers,
    learner_progress,
    learner_reading_list,
)

KNM_CRUMB = (gettext_lazy("KNM practice"), reverse_lazy("knm:index"))
SLUG_RE = re.compile(r"[-a-z0-9]{1,120}")


def _themes():
    return Theme.objects.published().with_question_counts().order_by("order")


@require_safe
def index(request):
    learner = current_learner(request)
    now = timezone.now()
    return render(
        request,
        "knm/index.html",
        {
            "themes": _themes(),
            "review_due": services.review_due_count(learner, now),
            "review_next": services.review_next_due(learner, now),
            "now": now,
            "progress": learner_progress(learner) if learner else None,
            "exam_minutes": settings.KNM_EXAM_MINUTES,
            "exam_questions": services.exam_size(),
            "practice_length": settings.KNM_PRACTICE_LENGTH,
            "breadcrumbs": crumbs((_("KNM practice"), None)),
        },
    )


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(_themes(), slug=slug)
    return render(
        request,
        "knm/theme.html",
        {
            "theme": theme,
            "practice_length": settings.KNM_PRACTICE_LENGTH,
            "breadcrumbs": crumbs(KNM_CRUMB, (theme.title, None)),
        },
    )


@require_POST
def start(request):
    mode = request.POST.get("mode", Attempt.Mode.PRACTICE)
    if mode not in Attempt.Mode.values:
        messages.error(request, _("Choose practice, review or the practice exam."))
        return redirect("knm:index")
    theme = None
    theme_slug = request.POST.get("theme", "all")
    if mode == Attempt.Mode.PRACTICE and theme_slug != "all":
        # Only a slug is looked up: PostgreSQL refuses text with a NUL byte (a 500).
        is_slug = SLUG_RE.fullmatch(theme_slug)
        theme = Theme.objects.published().filter(slug=theme_slug).first() if is_slug else None
        if theme is None:
            messages.error(request, _("That theme does not exist. Choose one from the list."))
            return redirect("knm:index")
    learner = current_learner(request, create=True)
    now = timezone.now()
    source = None
    if mode == Attempt.Mode.REVIEW and request.POST.get("from_round"):
        source = _finished_round(learner, request.POST["from_round"])
        if source is None:
            messages.error(request, _("That round was not found. Choose what to practise here."))
            return redirect("knm:index")
    attempt = services.attempt_start(learner, mode, now, theme=theme, source=source)
    if attempt is None:
        if mode == Attempt.Mode.REVIEW:
            messages.info(request, _nothing_to_review(learner, now))
        else:
            messages.error(request, _("There are no questions to practise yet."))
        return redirect("knm:index")
    return redirect(attempt.get_absolute_url())


def _finished_round(learner: Learner, value: str) -> Attempt | None:
    try:
        pk = uuid.UUID(value)
    except ValueError:
        return None
    return Attempt.objects.filter(pk=pk, learner=learner, finished__isnull=False).first()


def _nothing_to_review(learner: Learner, now) -> str:
    next_due = services.review_next_due(learner, now)
    if next_due is None:
        return _(
            "You have no mistakes to review right now. Practise a theme, and questions you "
            "miss will come back here."
        )
    return _(
        "No missed question is due yet: they come back a little later, so that you try "
        "them again from memory. The next one is ready at %(time)s. To go over a round's "
        "mistakes now, use “Review these mistakes now” on that round's result page."
    ) % {"time": f"{timezone.localtime(next_due):%H:%M}"}


def _attempt_for(request, attempt_id) -> Attempt:
    learner = current_learner(request)
    if learner is None:
        raise Http404("No practice round here.")
    return get_object_or_404(
        Attempt.objects.select_related("theme"), pk=attempt_id, learner=learner
    )


def _next_open(attempt: Attempt) -> int | None:
    return (
        attempt.items.filter(answered__isnull=True)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )


@require_safe
def attempt_detail(request, attempt_id):
    attempt = _attempt_for(request, attempt_id)
    services.attempt_close_if_expired(attempt, timezone.now())
    position = _next_open(attempt) if attempt.finished is None else None
    if position is None:
        if attempt.finished is None:  # an exam with every question answered: check, hand in
            return redirect("knm:overview", attempt_id=attempt.pk)
        return redirect("knm:result", attempt_id=attempt.pk)
    return redirect("knm:question", attempt_id=attempt.pk, position=position)


def _item(attempt: Attempt, position: int) -> AttemptItem:
    item = AttemptItem.objects.with_question().filter(attempt=attempt, position=position).first()
    if item is None:
        raise Http404("This round has no question with that number.")
    return item


@require_http_methods(["GET", "HEAD", "POST"])
def question(request, attempt_id, position):
    attempt = _attempt_for(request, attempt_id)
    now = timezone.now()
    is_exam = attempt.mode == Attempt.Mode.EXAM
    if request.method == "POST":
        try:
            if is_exam:
                services.exam_answer(
                    attempt, position, request.POST.get("option"), "mark" in request.POST, now
                )
            else:
                services.attempt_answer(attempt, position, request.POST.get("option"), now)
        except services.AnswerRefused as refusal:
            attempt.refresh_from_db()
            return render(
                request,
                "knm/refused.html",
                {
                    "attempt": attempt,
                    "message": refusal.message,
                    "breadcrumbs": crumbs(KNM_CRUMB, (_("Answer not accepted"), None)),
                },
                status=refusal.status,
            )
        if is_exam:
            return exam_next(attempt, position, request.POST.get("go", "next"))
        return redirect("knm:question", attempt_id=attempt.pk, position=position)

    if services.attempt_close_if_expired(attempt, now):
        messages.warning(request, _("The time for this exam is up."))
        return redirect("knm:result", attempt_id=attempt.pk)
    item = _item(attempt, position)
    if is_exam and attempt.finished is not None:
        return redirect("knm:result", attempt_id=attempt.pk)
    if item.answered is None and attempt.finished is not None:
        return redirect("knm:result", attempt_id=attempt.pk)
    total = attempt.items.count()
    return render(
        request,
        "knm/question.html",
        {
            "attempt": attempt,
            "item": item,
            "question": item.question,
            "options": item.shown_options(),
            "total": total,
            "is_last": position >= total,
            "next_position": position + 1,
            "seconds_left": max(0, int((attempt.deadline - now).total_seconds()))
            if attempt.deadline
            else None,
            "breadcrumbs": crumbs(
                KNM_CRUMB,
                (
                    _("Question %(position)s of %(total)s")
                    % {"position": position, "total": total},
                    None,
                ),
            ),
        },
    )


@require_safe
def result(request, attempt_id):
    attempt = _attempt_for(request, attempt_id)
    services.attempt_close_if_expired(attempt, timezone.now())
    if attempt.finished is None:
        messages.info(
            request, _("Answer the remaining questions first; then you will see your score.")
        )
        return redirect("knm:attempt", attempt_id=attempt.pk)
    items = list(attempt.items.with_question())
    return render(
        request,
        "knm/result.html",
        {
            "attempt": attempt,
            "score": attempt_score(items),
            "target_percent": round(settings.KNM_PRACTICE_TARGET * 100),
            "breadcrumbs": crumbs(KNM_CRUMB, (_("Your result"), None)),
        },
    )


@require_safe
def progress(request):
    learner = current_learner(request)
    rows = learner_progress(learner)
    return render(
        request,
        "knm/progress.html",
        {
            "learner": learner,
            "progress": rows,
            "answer_total": sum(row.answers for row in rows),
            "offline_answers": learner_offline_answers(learner),
            "reading": learner_reading_list(learner),
            "review_due": services.review_due_count(learner, timezone.now()),
            "breadcrumbs": crumbs(KNM_CRUMB, (_("Your progress"), None)),
        },
    )


@require_POST
def forget(request):
    learner = current_learner(request)
    if learner is not None:
        learner_forget(learner)
    request.session.pop(SESSION_KEY, None)
    messages.success(request, _("Your practice history on this browser has been deleted."))
    return redirect(reverse("knm:progress"))
