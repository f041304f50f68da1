from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hub.breadcrumbs import crumbs
from topics.models import Topic

from .models import Question


@require_GET
def faq_index(request):
    """Every quick answer, grouped by topic; answers that belong to no topic come last."""
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "questions",
            Question.objects.published().select_related("read_more").order_by("order", "title"),
            to_attr="question_list",
        )
    )
    others = Question.objects.published().filter(topics=None).select_related("read_more")
    return render(
        request,
        "faq/faq_index.html",
        {"topics": topics, "others": others, "breadcrumbs": crumbs(("Quick answers", None))},
    )
