from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from guides.models import Guide
from hub.breadcrumbs import crumbs
from topics.models import CollectionEntry

from .models import Source


@require_GET
def source_list(request):
    sources = Source.objects.published().with_mentions().order_by("title")
    groups = [
        (label, [s for s in sources if s.kind == kind]) for kind, label in Source.Kind.choices
    ]
    return render(
        request,
        "sources/source_list.html",
        {
            "groups": [(label, items) for label, items in groups if items],
            "breadcrumbs": crumbs(("Sources", None)),
        },
    )


@require_GET
def source_detail(request, slug):
    source = get_object_or_404(Source.objects.published().with_mentions(), slug=slug)
    entries = (
        CollectionEntry.objects.filter(source=source, collection__topic__published=True)
        .select_related("collection__topic")
        .order_by("collection__topic__order", "collection__order")
    )
    guides = (
        Guide.objects.published()
        .filter(citations__source=source)
        .select_related("topic")
        .distinct()
        .order_by("topic__order", "order", "title")
    )
    questions = source.questions.published().select_related("read_more")
    return render(
        request,
        "sources/source_detail.html",
        {
            "source": source,
            "entries": entries,
            "guides": guides,
            "questions": questions,
            "breadcrumbs": crumbs(("Sources", "/sources/"), (source.title, None)),
        },
    )
