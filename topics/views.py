from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from guides.models import Guide
from hub.breadcrumbs import crumbs

from .models import CollectionEntry, Topic


@require_GET
def topic_list(request):
    topics = Topic.objects.published()
    return render(
        request,
        "topics/topic_list.html",
        {"topics": topics, "breadcrumbs": crumbs(("Topics", None))},
    )


@require_GET
def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    # The topic's own guides first, then guides from other topics that it also lists.
    guides = sorted(
        Guide.objects.published().filter(Q(topic=topic) | Q(other_topics=topic)).distinct(),
        key=lambda g: (g.topic_id != topic.pk, g.order, g.title),
    )
    collections = topic.collections.order_by("order").prefetch_related(
        Prefetch(
            "entries",
            CollectionEntry.objects.listed(),
        )
    )
    questions = topic.questions.published().select_related("read_more")
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "guides": guides,
            "collections": collections,
            "questions": questions,
            "breadcrumbs": crumbs(("Topics", "/topics/"), (topic.title, None)),
        },
    )
