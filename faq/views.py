from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.breadcrumbs import crumbs
from topics.models import Topic

from .models import Question


@require_safe
def faq_index(request):
    """Every quick answer once, grouped by topic; answers that belong to no topic come last."""
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "questions",
            Question.objects.published().for_listing(),
            to_attr="question_list",
        )
    )
    others = list(Question.objects.published().filter(topics=None).for_listing())
    topics = list(topics)
    # An answer in two topics is shown under the first only: each has one place (and id).
    seen: set[int] = set()
    for topic in topics:
        topic.question_list = [q for q in topic.question_list if q.pk not in seen]
        seen.update(q.pk for q in topic.question_list)
    all_questions = [q for t in topics for q in t.question_list] + others
    return render(
        request,
        "faq/faq_index.html",
        {
            "topics": topics,
            "others": others,
            "all_questions": all_questions,
            "breadcrumbs": crumbs((_("Quick answers"), None)),
        },
    )
