from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from faq.models import Question
from hub.breadcrumbs import crumbs
from topics.models import Topic

from .models import Citation, Guide, RelatedGuide


@require_GET
def guide_list(request):
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "guides", Guide.objects.published().order_by("order", "title"), to_attr="guide_list"
        )
    )
    return render(
        request,
        "guides/guide_list.html",
        {"topics": topics, "breadcrumbs": crumbs(("Guides", None))},
    )


@require_GET
def guide_detail(request, slug):
    guide = get_object_or_404(
        Guide.objects.published()
        .select_related("topic")
        .prefetch_related(
            "sections",
            "tags",
            Prefetch("citations", Citation.objects.select_related("source").order_by("order")),
            Prefetch(
                "related_links",
                RelatedGuide.objects.filter(to_guide__published=True)
                .select_related("to_guide")
                .order_by("order"),
            ),
            Prefetch(
                "questions",
                Question.objects.published().select_related("read_more").order_by("order", "title"),
            ),
        ),
        slug=slug,
    )
    return render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "breadcrumbs": crumbs(
                (guide.topic.title, guide.topic.get_absolute_url()), (guide.title, None)
            ),
        },
    )
