from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.breadcrumbs import crumbs
from topics.models import Topic

from .models import Question


@require_GET
def faq_index(request):
    """Every quick answer, grouped by topic; answers that belong to no topic come last."""
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "questions",
            Question.objects.published().for_listing(),
            to_attr="question_list",
        )
    )
    others = list(Question.objects.published().filter(topics=None).for_listing())
    topics = list(topics)
    seen, all_questions = set(), []
    for question in [q for t in topics for q in t.question_list] + others:
        if question.pk not in seen:
            seen.add(question.pk)
            all_questions.append(question)
    return render(
        request,
        "faq/faq_index.html",
        {
            "topics": topics,
            "others": others,
            "all_questions": all_questions,
            "breadcrumbs": crumbs(("Quick answers", None)),
        },
    )
