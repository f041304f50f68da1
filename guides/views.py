from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from faq.models import Question
from hub.breadcrumbs import crumbs
from hub.glossary import Term, mark_terms
from hub.models import GlossaryTerm, Step, StepGuide
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
    # Staff see drafts too (a preview as the public will see it), marked as such.
    guides = Guide.objects.all() if request.user.is_staff else Guide.objects.published()
    guide = get_object_or_404(
        guides.select_related("topic").prefetch_related(
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
    sections = list(guide.sections.all())
    intro_html, *section_html = mark_terms(
        [guide.body_html, *(s.body_html for s in sections)], glossary_terms()
    )
    for section, html in zip(sections, section_html, strict=True):
        section.marked_html = html
    response = render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "intro_html": intro_html,
            "sections": sections,
            "plan": plan_position(guide),
            "breadcrumbs": crumbs(
                (guide.topic.title, guide.topic.get_absolute_url()), (guide.title, None)
            ),
        },
    )
    if not guide.published:
        add_never_cache_headers(response)
    return response


def glossary_terms() -> list[Term]:
    terms = GlossaryTerm.objects.filter(published=True, mark=True).only(
        "slug", "title", "english", "abbreviation_of"
    )
    return [
        Term(
            t.title,
            t.get_absolute_url(),
            f"{t.abbreviation_of}: {t.english}" if t.abbreviation_of else t.english,
        )
        for t in terms
    ]


def plan_position(guide):
    """Where the guide sits in the step-by-step plan: its step, and the steps around it."""
    link = (
        StepGuide.objects.filter(guide=guide, step__published=True)
        .select_related("step")
        .order_by("step__order")
        .first()
    )
    if link is None:
        return None
    steps = list(Step.objects.filter(published=True).only("slug", "title", "order"))
    index = next(i for i, s in enumerate(steps) if s.pk == link.step_id)
    return {
        "step": link.step,
        "total": len(steps),
        "previous": steps[index - 1] if index > 0 else None,
        "next": steps[index + 1] if index + 1 < len(steps) else None,
    }
