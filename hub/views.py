import difflib
from itertools import groupby
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from taggit.models import Tag

from core import faults
from core.breadcrumbs import crumbs
from core.i18n import in_language_of
from core.origin import same_origin
from faq.models import Question
from glossary.models import GlossaryTerm
from guides.models import Guide
from steps.models import Step
from topics.models import Topic

from . import search
from .feedback import MAX_COMMENT, FeedbackRefused, feedback_record, is_rateable
from .models import Feedback


@require_safe
def home(request):
    topics = Topic.objects.published()
    questions = Question.objects.on_home().for_listing()
    return render(
        request,
        "hub/home.html",
        {"topics": topics, "questions": questions, "breadcrumbs": crumbs()},
    )


def page_not_found(request, exception=None):
    """A 404 that helps: guides whose address looks like the one asked for, and the way on."""
    words = request.path.strip("/").split("/")[-1]
    suggestions = []
    if words:
        slugs = list(Guide.objects.published().values_list("slug", flat=True))
        close = difflib.get_close_matches(words.lower(), slugs, n=3, cutoff=0.5)
        suggestions = sorted(
            Guide.objects.published().filter(slug__in=close), key=lambda g: close.index(g.slug)
        )
    html = loader.render_to_string(
        "404.html",
        {
            "suggestions": suggestions,
            "path": request.path,
            "breadcrumbs": crumbs((_("Page not found"), None)),
        },
        request,
    )
    return HttpResponseNotFound(html)


def csrf_failure(request, reason=""):
    """A failed CSRF check, explained in plain words (cookies off, an old tab), not in
    Django's debug wording. The way back is the page the form was on, if it was ours."""
    referer = urlsplit(request.headers.get("Referer", ""))
    back = referer.path if referer.netloc == request.get_host() else reverse("hub:home")
    html = loader.render_to_string(
        "403_csrf.html",
        {"back": back, "breadcrumbs": crumbs((_("Please try again"), None))},
        request,
    )
    return HttpResponseForbidden(html)


def server_error(request):
    """A 500 page that needs no database and shows nothing of the error, in the language of
    the address (the error may have come before or after the language was chosen). When the
    error is that the database cannot be reached, a 503 with Retry-After instead: it passes."""
    if faults.current_error_is_database_down():
        return faults.database_unavailable()
    with in_language_of(getattr(request, "path", "/")):
        return HttpResponseServerError(loader.get_template("500.html").render({}))


@require_safe
def healthz(request):
    """Readiness, at the address monitors have always used (see healthz_ready)."""
    return faults.readiness()


@require_safe
def healthz_live(request):
    """Liveness: the process answers. Restart it only when this fails."""
    return faults.liveness()


@require_safe
def healthz_ready(request):
    """Readiness: 200 when pages can be served (cache "degraded" still serves), 503 JSON
    naming what failed ("database") when not. Take the instance out of the balancer."""
    return faults.readiness()


@require_safe
def glossary(request):
    terms = GlossaryTerm.objects.published().order_by(Lower("title"))
    letters = [(letter, list(items)) for letter, items in groupby(terms, key=lambda t: t.letter)]
    return render(
        request,
        "hub/glossary.html",
        {"letters": letters, "breadcrumbs": crumbs((_("Glossary"), None))},
    )


@require_safe
def glossary_term(request, slug):
    term = get_object_or_404(GlossaryTerm.objects.published().select_related("guide"), slug=slug)
    return render(
        request,
        "hub/glossary_term.html",
        {
            "term": term,
            "breadcrumbs": crumbs((_("Glossary"), reverse("hub:glossary")), (term.title, None)),
        },
    )


@require_safe
def steps(request):
    plan = Step.objects.published().with_guides()
    return render(
        request,
        "hub/steps.html",
        {"steps": plan, "breadcrumbs": crumbs((_("Step-by-step plan"), None))},
    )


SEARCH_PAGE_SIZE = 20


@require_safe
def search_page(request):
    query = request.GET.get("q", "").replace("\x00", "")
    outcome = search.search(query) if query.strip() else None
    page = None
    if outcome and outcome.results:
        page = Paginator(outcome.results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hub/search.html",
        {
            "query": query[: search.MAX_QUERY],
            "shortened": len(query) > search.MAX_QUERY,
            "max_query": search.MAX_QUERY,
            "outcome": outcome,
            "page": page,
            "breadcrumbs": crumbs((_("Search"), None)),
        },
    )


@csrf_exempt  # every page carries this form and is cached whole: checked by origin instead
@require_POST
def feedback(request):
    path = request.POST.get("page", "")
    if not same_origin(request):
        return HttpResponse(
            _("Feedback can only be sent from this website.") + "\n",
            status=403,
            content_type="text/plain",
        )
    comment = request.POST.get("comment", "")
    try:
        answer = feedback_record(request, path, request.POST.get("useful", ""), comment)
    except FeedbackRefused as refusal:
        messages.error(request, refusal.message)
    else:
        if not answer.useful and not comment.strip():
            # "No": ask what was missing, on a page of its own (works without JavaScript).
            request.session[FEEDBACK_TO_COMPLETE] = answer.pk
            return redirect("hub:feedback-comment")
        messages.success(request, _("Thank you for your feedback. It helps us improve this page."))
    return redirect(f"{path}#feedback" if is_rateable(path) else reverse("hub:home"))


FEEDBACK_TO_COMPLETE = "feedback_to_complete"


@require_http_methods(["GET", "HEAD", "POST"])
def feedback_comment(request):
    """After "No": an optional comment on what was missing, for the answer just given."""
    answer = Feedback.objects.filter(pk=request.session.get(FEEDBACK_TO_COMPLETE)).first()
    if answer is None:
        return redirect("hub:home")
    error = ""
    if request.method == "POST":
        comment = request.POST.get("comment", "").replace("\x00", "").strip()
        if len(comment) > MAX_COMMENT:
            error = _("Please keep your comment under %(count)s characters.") % {
                "count": MAX_COMMENT
            }
        else:
            if comment:
                Feedback.objects.filter(pk=answer.pk).update(comment=comment)
            request.session.pop(FEEDBACK_TO_COMPLETE, None)
            messages.success(
                request, _("Thank you for your feedback. It helps us improve this page.")
            )
            return redirect(f"{answer.path}#feedback")
    return render(
        request,
        "hub/feedback_comment.html",
        {
            "answer": answer,
            "error": error,
            "max_comment": MAX_COMMENT,
            "breadcrumbs": crumbs((_("Your feedback"), None)),
        },
    )


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:  # /knm/rounds/, /nl/knm/rounds/ …
        prefix = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        lines += [f"Disallow: {prefix}knm/rounds/", f"Disallow: {prefix}search/"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    guides = Guide.objects.published().filter(tags__slug=slug).select_related("topic").distinct()
    questions = Question.objects.published().filter(tags__slug=slug).for_listing().distinct()
    if not guides and not questions:
        raise Http404("No published page has this tag.")
    return render(
        request,
        "hub/tag.html",
        {
            "tag": tag,
            "guides": guides,
            "questions": questions,
            "breadcrumbs": crumbs((_("Tag: %(name)s") % {"name": tag.name}, None)),
        },
    )


@require_safe
def search_suggest(request):
    """Up to six pages for search-as-you-type (the JSON behind static/js/search.js)."""
    query = request.GET.get("q", "")
    if len(query.strip()) < 2:
        return JsonResponse({"results": []})
    outcome = search.search(query, limit=6)
    results = [
        {"title": t.title, "url": t.get_absolute_url(), "kind": _("Glossary")}
        for t in outcome.terms[:1]
    ] + [{"title": r.title, "url": r.url, "kind": _(r.kind_label)} for r in outcome.results]
    return JsonResponse({"results": results[:6]})
