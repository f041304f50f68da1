import json
import re

import pytest

pytestmark = pytest.mark.django_db


def ld(html):
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def test_sitemap_lists_every_public_page_with_last_modified(loaded, client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in [
        "/",
        "/topics/arrival/",
        "/guides/get-digid/",
        "/sources/digid/",
        "/glossary/brp/",
        "/steps/",
        "/knm/",
        "/knm/themes/housing/",
    ]:
        assert f"<loc>http://testserver{path}</loc>" in xml, path
    assert xml.count("<lastmod>") >= 10
    assert "/admin/" not in xml


def test_unpublished_guides_are_not_in_the_sitemap(loaded, client):
    from guides.models import Guide

    Guide.objects.filter(slug="get-digid").update(published=False)
    assert "/guides/get-digid/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_guide_page_has_canonical_link_open_graph_and_structured_data(loaded, client):
    html = client.get("/guides/get-digid/?utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/guides/get-digid/">' in html
    assert '<meta property="og:title" content="How do you get DigiD?">' in html
    assert '<meta property="og:type" content="article">' in html
    data = {d["@type"]: d for d in ld(html)}
    assert data["Article"]["headline"] == "How do you get DigiD?"
    assert data["Article"]["dateModified"] == "2026-10-15"
    crumbs = [i["name"] for i in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Home", "First steps after arrival", "How do you get DigiD?"]


def test_faq_page_has_faqpage_structured_data(loaded, client):
    data = {d["@type"]: d for d in ld(client.get("/faq/").content.decode())}
    question = data["FAQPage"]["mainEntity"][0]
    assert question["name"] == "Do I need DigiD?"
    assert (
        question["acceptedAnswer"]["text"]
        == "Yes, for most government websites. Applying is free. Read the guide."
    )
