"""The route check's pages: the start, one question per screen, the result, the calendar
file, and remembering (or forgetting) the person's act.

Answers live only in the address. These pages are never stored in the page cache or any
shared cache, never indexed, and the request log keeps no query strings.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.breadcrumbs import crumbs
from sources.references import link_references

from . import rules
from .acts import ACTS
from .answers import encode, missing_message, read_answers
from .calendar import calendar_file
from .services import check_load, deadline_compute, reasons, result_details


def _private(response):
    add_never_cache_headers(response)  # no-store, private: no cache keeps one person's answers
    response["X-Robots-Tag"] = "noindex"
    return response


def _url(name: str, query: str) -> str:
    return reverse(name) + (f"?{query}" if query else "")


def _trail(title: str):
    return crumbs((_("Do I have to integrate?"), reverse("routecheck:start")), (title, None))


@require_safe
def start(request):
    return render(
        request,
        "routecheck/start.html",
        {"breadcrumbs": crumbs((_("Do I have to integrate?"), None))},
    )


@require_safe
def question(request):
    check = check_load()
    book = check.book
    reading = read_answers(book, request.GET, timezone.localdate())
    asked, step = book.path(reading.answers)
    if isinstance(step, rules.Decided):
        return _private(redirect(_url("routecheck:result", encode(book, reading.answers, asked))))
    if step is None:
        page = render(request, "routecheck/no_result.html", {"breadcrumbs": _trail(_("No result"))})
        return _private(page)
    current = step.question
    error = reading.errors.get(current.slug)
    if not error and request.GET.get("step") == current.slug:
        error = missing_message(current)
    canonical = encode(book, reading.answers)
    if not error and request.GET.urlencode() != canonical:
        return _private(redirect(_url("routecheck:question", canonical)))
    others = [
        (slug, value.isoformat() if hasattr(value, "isoformat") else value)
        for slug, value in ((s, reading.answers[s]) for s in book.ordered(reading.answers))
        if slug != current.slug
    ]
    back = _url("routecheck:question", encode(book, reading.answers, asked[:-1])) if asked else ""
    return _private(
        render(
            request,
            "routecheck/question.html",
            {
                "question": check.questions[current.slug],
                "rule_question": current,
                "number": len(asked) + 1,
                "error": error,
                "entered": reading.entered.get(current.slug, {}),
                "chosen": reading.answers.get(current.slug, ""),
                "others": others,
                "back": back if asked else reverse("routecheck:start"),
                "breadcrumbs": _trail(_("Question %(number)s") % {"number": len(asked) + 1}),
            },
        )
    )


def _decided(request):
    """(check, reading, asked, step) when the answers reach a result, else a redirect."""
    check = check_load()
    reading = read_answers(check.book, request.GET, timezone.localdate())
    asked, step = check.book.path(reading.answers)
    if not isinstance(step, rules.Decided) or step.rule.result not in check.results:
        return _private(redirect(_url("routecheck:question", request.GET.urlencode())))
    canonical = encode(check.book, reading.answers, asked)
    if request.GET.urlencode() != canonical:
        return _private(redirect(_url(request.resolver_match.view_name, canonical)))
    return check, reading, asked, step


@require_safe
def result(request):
    decided = _decided(request)
    if isinstance(decided, HttpResponse):
        return decided
    check, reading, asked, step = decided
    book, answers = check.book, reading.answers
    outcome = result_details(check.results[step.rule.result])
    deadline = deadline_compute(outcome, answers)
    query = request.GET.urlencode()
    change = [
        (
            book.questions[slug].text,
            book.questions[slug].label_of(answers[slug]),
            _url("routecheck:question", encode(book, answers, [s for s in asked if s != slug])),
        )
        for slug in asked
    ]
    today = timezone.localdate()
    citations = outcome.citations.all()

    def with_refs(text: str) -> str:
        return link_references(escape(text), citations, prefix="result-")

    steps = [{"html": with_refs(s.text), "guide": s.guide} for s in outcome.steps.all()]
    reminders = [
        (date, r.title, with_refs(r.text))
        for date, r in (deadline.reminders if deadline else [])
        if date >= today
    ]
    return _private(
        render(
            request,
            "routecheck/result.html",
            {
                "result": outcome,
                "explanation_html": outcome.explanation_html,
                "steps": steps,
                "reminders": reminders,
                "reasons": reasons(book, step.rule, answers),
                "deadline": deadline,
                "deadline_passed": bool(deadline and deadline.last_day < today),
                "deadline_unknown": outcome.deadline_unknown if outcome.deadline_from_id else "",
                "answers": change,
                "calendar_url": _url("routecheck:calendar", query),
                "page_url": _url("routecheck:result", query),
                "act_label": ACTS.get(outcome.act, ""),
                "breadcrumbs": _trail(_("Your result")),
            },
        )
    )


@require_safe
def calendar(request):
    decided = _decided(request)
    if isinstance(decided, HttpResponse):
        return decided
    check, reading, asked, step = decided
    outcome = result_details(check.results[step.rule.result])
    deadline = deadline_compute(outcome, reading.answers)
    today = timezone.localdate()
    result_url = _url("routecheck:result", request.GET.urlencode())
    if deadline is None or deadline.last_day < today:
        return _private(HttpResponseRedirect(result_url))
    body = calendar_file(deadline, outcome, request.build_absolute_uri(result_url), today)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="integration-deadline.ics"'
    return _private(response)


def _back(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("routecheck:start")


@require_POST
def remember(request):
    """Keep the person's act in a cookie, because they asked: "show only what applies"."""
    act = request.POST.get("act", "")
    response = HttpResponseRedirect(_back(request))
    if act in ACTS:
        response.set_cookie(
            settings.ROUTE_COOKIE_NAME,
            act,
            max_age=settings.ROUTE_COOKIE_DAYS * 24 * 3600,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return _private(response)


@require_POST
def forget(request):
    response = HttpResponseRedirect(_back(request))
    response.delete_cookie(settings.ROUTE_COOKIE_NAME, samesite="Lax")
    return _private(response)
