"""The Dutch content (content/nl/): complete, current, addressed to "je", and plain."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.conf import settings

from core import registry
from core.loader import read_content

CONTENT = Path(settings.CONTENT_DIR)


@pytest.fixture(scope="module")
def content():
    found, problems = read_content(CONTENT)
    assert problems == []
    return found


@pytest.fixture(scope="module")
def reading_level():
    spec = importlib.util.spec_from_file_location(
        "reading_level", Path(settings.BASE_DIR) / "tools" / "reading_level.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_record_people_read_has_a_current_dutch_translation(content):
    translated = {(t.kind, t.slug): t for t in content.translations if t.language == "nl"}
    for kind in registry.kinds():
        if kind.translate is None:
            continue
        missing = sorted(set(content.of(kind.name)) - {s for k, s in translated if k == kind.name})
        assert missing == [], f"content/nl/{kind.name}/ lacks {missing}"
    behind = sorted(t.path for t in translated.values() if not t.current)
    assert behind == [], "translations behind their English file: update them, then re-stamp"


def test_the_dutch_addresses_the_reader_as_je_never_u():
    verbs = "kunt|moet|hebt|heeft|bent|wilt|krijgt|mag|kan|gaat|vindt|leest"
    formal = re.compile(rf"\b(u ({verbs})|({verbs}) u|uw)\b", re.I)
    # Quoted words are somebody else's ('U moet het paspoort zelf ophalen', a KNM letter).
    quoted = re.compile(r"(?<=[\s:(])'[^']{1,120}'")
    found = [
        f"{path.relative_to(CONTENT)}:{n}: {line.strip()[:80]}"
        for path in sorted((CONTENT / "nl").rglob("*.md"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if formal.search(quoted.sub("", line))
    ]
    assert found == []


def test_the_dutch_reads_at_about_b1(reading_level):
    files = sorted((CONTENT / "nl").rglob("*.md"))
    figures = reading_level.measure(files)
    # Short sentences (the style guide asks for 10-15 words, never over 20) and an easy LIX.
    assert figures["words per sentence"] <= 12, figures
    assert float(figures["over 20 words"].rstrip("%")) <= 5, figures
    assert figures["LIX"] <= 40, figures
