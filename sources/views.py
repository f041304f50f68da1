from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.breadcrumbs import crumbs
from core.paging import IdsFirst, page_of
from guides.models import Guide
from topics.models import CollectionEntry, SourceCollection, Topic

from .models import Source


@require_safe
def source_list(request):
    """The directory: each topic's source collections, then every source by kind."""
    topics = Topic.objects.published().prefetch_related(
        Prefetch(
            "collections",
            SourceCollection.objects.order_by("order").prefetch_related(
                Prefetch("entries", CollectionEntry.objects.listed())
            ),
        )
    )
    sources = Source.objects.published().with_mentions().order_by("title")
    groups = [
        (label, [s for s in sources if s.kind == kind]) for kind, label in Source.Kind.choices
    ]
    return render(
        request,
        "sources/source_list.html",
        {
            "topics": topics,
            "groups": [(label, items) for label, items in groups if items],
            "breadcrumbs": crumbs((_("Sources"), None)),
        },
    )


# A source page lists this many citing guides at a time (a last page of up to
# GUIDES_ORPHANS more joins the one before); the count is the whole number.
GUIDES_PER_PAGE = 10
GUIDES_ORPHANS = 4


@require_safe
def source_detail(request, slug):
    source = get_object_or_404(Source.objects.published().with_mentions(), slug=slug)
    entries = CollectionEntry.objects.listing(source)
    # Cards show a title and a summary: the long text stays in the database.
    citing = Guide.objects.citing(source).defer("body", "body_html")
    # Counted already, by the same rule ("published guides citing it"): no second count.
    guides = page_of(
        IdsFirst(citing),
        request.GET.get("page"),
        GUIDES_PER_PAGE,
        GUIDES_ORPHANS,
        count=source.article_mentions,
    )
    questions = source.questions.published().for_listing()
    return render(
        request,
        "sources/source_detail.html",
        {
            "source": source,
            "entries": entries,
            "guides": guides,
            "questions": questions,
            "breadcrumbs": crumbs((_("Sources"), reverse("sources:index")), (source.title, None)),
        },
    )
