from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.breadcrumbs import crumbs
from core.paging import IdsFirst, page_of
from faq.models import Question
from guides.models import Guide

from .models import CollectionEntry, Topic


@require_safe
def topic_list(request):
    topics = Topic.objects.published()
    return render(
        request,
        "topics/topic_list.html",
        {"topics": topics, "breadcrumbs": crumbs((_("Topics"), None))},
    )


# A topic page shows this many guides at a time (its own first; a last page of up to
# GUIDES_ORPHANS more joins the one before) and this many quick answers, with the way to
# the rest: its cost stays the same however much content there is, and a phone shows a
# page in about two screens.
GUIDES_PER_PAGE = 10
GUIDES_ORPHANS = 4
QUESTIONS_SHOWN = 5


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    # Cards show a title and a summary: the long text stays in the database.
    listed = Guide.objects.listed_in(topic).defer("body", "body_html")
    guides = page_of(IdsFirst(listed), request.GET.get("page"), GUIDES_PER_PAGE, GUIDES_ORPHANS)
    collections = topic.collections.order_by("order").prefetch_related(
        Prefetch(
            "entries",
            CollectionEntry.objects.listed(),
        )
    )
    # One more than shown: whether to link to the rest, without counting them all. Chosen
    # by a subquery that sorts only ids, then read whole: a topic may have thousands.
    first = topic.questions.published().values("pk")[: QUESTIONS_SHOWN + 1]
    questions = list(Question.objects.filter(pk__in=first).for_listing())
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "guides": guides,
            "collections": collections,
            "questions": questions[:QUESTIONS_SHOWN],
            "more_questions": len(questions) > QUESTIONS_SHOWN,
            "breadcrumbs": crumbs((_("Topics"), reverse("topics:index")), (topic.title, None)),
        },
    )
