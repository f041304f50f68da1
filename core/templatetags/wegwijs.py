import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from core.text import plain_text, without_reference_marks

register = template.Library()


@register.filter
def jsonld(data):
    """Structured data for search engines, as a <script type="application/ld+json"> block,
    escaped like json_script so no text can close the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _json_script_escapes
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def breadcrumb_list(context):
    request = context["request"]
    items = []
    for position, (label, url) in enumerate(context.get("breadcrumbs") or [], start=1):
        item = {"@type": "ListItem", "position": position, "name": label}
        item["item"] = request.build_absolute_uri(url or request.path)
        items.append(item)
    return jsonld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )


@register.simple_tag(takes_context=True)
def article_data(context, guide):
    request = context["request"]
    return jsonld(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": guide.title,
            "description": guide.summary,
            "dateModified": guide.reviewed.isoformat(),
            "datePublished": guide.created.date().isoformat(),
            "mainEntityOfPage": request.build_absolute_uri(guide.get_absolute_url()),
            "publisher": {"@type": "Organization", "name": context.get("site_name", "Wegwijs")},
            "inLanguage": "en",
        }
    )


@register.simple_tag
def faq_data(questions):
    return jsonld(
        {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": q.title,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": without_reference_marks(plain_text(q.body_html)),
                    },
                }
                for q in questions
            ],
        }
    )
