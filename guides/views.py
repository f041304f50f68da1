from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.breadcrumbs import crumbs
from faq.models import Question
from glossary.marking import mark_terms
from glossary.models import GlossaryTerm
from sources.references import link_references
from steps.models import plan_position
from topics.models import Topic

from .models import Citation, Guide, RelatedGuide


@require_safe
def guide_list(request):
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "guides", Guide.objects.published().order_by("order", "title"), to_attr="guide_list"
        )
    )
    return render(
        request,
        "guides/guide_list.html",
        {"topics": topics, "breadcrumbs": crumbs((_("Guides"), None))},
    )


@require_safe
def guide_detail(request, slug):
    # Staff see drafts too (a preview as the public will see it), marked as such.
    guides = Guide.objects.all() if request.user.is_staff else Guide.objects.published()
    guide = get_object_or_404(
        guides.select_related("topic").prefetch_related(
            "sections",
            "tags",
            Prefetch("citations", Citation.objects.select_related("source").order_by("order")),
            Prefetch("related_links", RelatedGuide.objects.shown()),
            Prefetch("questions", Question.objects.published().for_listing()),
        ),
        slug=slug,
    )
    sections = list(guide.sections.all())
    intro_html, *section_html = mark_terms(
        [guide.body_html, *(s.body_html for s in sections)], GlossaryTerm.objects.for_marking()
    )
    citations = guide.citations.all()
    intro_html = link_references(intro_html, citations)
    for section, html in zip(sections, section_html, strict=True):
        section.marked_html = link_references(html, citations)
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
