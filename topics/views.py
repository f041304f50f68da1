from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.breadcrumbs import crumbs
from guides.models import Guide

from .models import CollectionEntry, Topic


@require_GET
def topic_list(request):
    topics = Topic.objects.published()
    return render(
        request,
        "topics/topic_list.html",
        {"topics": topics, "breadcrumbs": crumbs((_("Topics"), None))},
    )


@require_GET
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    guides = Guide.objects.listed_in(topic)
    collections = topic.collections.order_by("order").prefetch_related(
        Prefetch(
            "entries",
            CollectionEntry.objects.listed(),
        )
    )
    questions = topic.questions.published().for_listing()
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "guides": guides,
            "collections": collections,
            "questions": questions,
            "breadcrumbs": crumbs((_("Topics"), reverse("topics:index")), (topic.title, None)),
        },
    )
