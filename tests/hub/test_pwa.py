"""The installable app: manifest, icons, service worker and the offline page."""

import json
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

IMG = Path(settings.BASE_DIR) / "static" / "img"


def exists(client, url: str) -> bool:
    """A page answers 200; a static file is one the site has (the test client serves no
    static files)."""
    if url.startswith(settings.STATIC_URL):
        return finders.find(url.removeprefix(settings.STATIC_URL)) is not None
    return client.get(url).status_code == 200


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_makes_the_knm_trainer_installable(loaded, client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"].startswith("Wegwijs") and manifest["short_name"] == "Wegwijs"
    assert manifest["start_url"] == "/knm/" and manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0b4f6c" and manifest["background_color"] == "#ffffff"
    icons = {(i["sizes"], i.get("purpose", "any")): i["src"] for i in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _), src in icons.items():
        width, height = png_size(IMG / Path(src).name)
        assert f"{width}x{height}" == sizes
        assert exists(client, src)


def test_every_page_links_the_manifest_and_the_worker_script(loaded, client):
    for url in ["/", "/guides/get-digid/", "/knm/", "/knm/offline/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html, url
        assert '<meta name="theme-color" content="#0b4f6c">' in html, url
        assert 'data-service-worker="/sw.js"' in html and "js/pwa.js" in html, url


def test_the_worker_is_served_from_the_root_never_cached_and_with_no_inline_config(loaded, client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert "X-Cache" not in response  # never from the page cache
    body = response.content.decode()
    config = json.loads(body.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    dutch, english = config["languages"]  # the longer prefix first
    assert english["practice"] == "/knm/offline/" and english["offline"] == "/offline/"
    assert dutch["practice"] == "/nl/knm/offline/" and dutch["offline"] == "/nl/offline/"
    assert dutch["prefix"] == "/nl/" and english["prefix"] == "/"
    assert "Opgeslagen" in dutch["saved"] and "Saved copy" in english["saved"]
    assert {"/knm/", "/nl/knm/", "/search/", "/nl/search/"} <= set(config["not_saved"])
    assert config["page_limit"] == 60 and config["byte_limit"] == 6 * 1024 * 1024
    for url in config["precache"]:  # install fails if any of these does
        assert exists(client, url), url
    assert "{%" not in body and "{{" not in body


def test_the_content_security_policy_allows_only_this_sites_worker_and_manifest(loaded, client):
    csp = client.get("/knm/offline/")["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_the_offline_page_points_to_what_works_offline(loaded, client):
    html = client.get("/offline/").content.decode()
    assert "<h1>You are offline</h1>" in html
    assert 'href="/knm/offline/"' in html
    assert "Is this page useful?" not in html


def test_the_icons_are_what_the_drawing_script_makes():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "draw_icons", Path(settings.BASE_DIR) / "tools" / "draw_icons.py"
    )
    draw_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw_icons)
    size, mark, corner = draw_icons.ICONS["icon-192.png"]
    drawn = draw_icons.png(size, draw_icons.draw(size, mark_share=mark, corner_share=corner))
    assert drawn == (IMG / "icon-192.png").read_bytes()


def test_favicon_ico_answers_at_the_root_with_the_drawn_icons(loaded, client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    data = response.content
    assert data == (IMG / "favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, *_, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append((width, height))
    assert sizes == [(16, 16), (32, 32), (48, 48)]
    assert client.head("/favicon.ico").status_code == 200


def test_shared_pages_carry_an_absolute_social_card_of_the_right_size(loaded, client):
    html = client.get("/guides/get-digid/").content.decode()
    start = html.index('property="og:image" content="') + len('property="og:image" content="')
    url = html[start : html.index('"', start)]
    assert url.startswith("http://testserver/static/") and url.endswith(".png")
    assert finders.find(url.removeprefix("http://testserver" + settings.STATIC_URL))
    assert png_size(IMG / "social-card.png") == (1200, 630)
    assert '<meta property="og:image:width" content="1200">' in html
