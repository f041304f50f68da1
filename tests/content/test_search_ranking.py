"""Real queries newcomers type, and the guide that must come first (SQLite and PostgreSQL)."""

import pytest
from django.conf import settings
from django.core.management import call_command

from hub.search import search

pytestmark = pytest.mark.django_db

EXPECTED = {
    "MVV": "when-do-you-need-an-mvv-or-exam-abroad",
    "machtiging tot voorlopig verblijf": "when-do-you-need-an-mvv-or-exam-abroad",
    "entry visa": "when-do-you-need-an-mvv-or-exam-abroad",
    "PIP": "what-is-the-pip",
    "zorgtoeslag": "health-insurance-and-healthcare-allowance",
    "healthcare allowance": "health-insurance-and-healthcare-allowance",
    "BSN": "registering-with-the-municipality-brp-bsn",
    "DigiD": "getting-digid",
    "MAP": "what-is-map",
    "PVT": "what-is-pvt",
    "participatieverklaring": "what-is-pvt",
    "Z-route": "the-z-route",
    "zelfredzaamheidsroute": "the-z-route",
    "onderwijsroute": "the-education-route",
    "huurtoeslag": "housing-rent-and-rent-allowance",
    "huisarts": "finding-a-gp-and-dutch-healthcare",
    "MijnOverheid": "mijnoverheid-and-official-post",
    "brede intake": "broad-intake-and-learnability-test",
    "leerbaarheidstoets": "broad-intake-and-learnability-test",
    "KNM": "how-to-study-for-knm",
    "naturalisatie": "permanent-residence-or-naturalisation",
    "naturalisaton": "permanent-residence-or-naturalisation",
}


@pytest.fixture
def site(db, capsys):
    call_command("load_content", "--content-dir", str(settings.CONTENT_DIR))
    capsys.readouterr()


def test_each_word_from_a_letter_finds_its_guide_first(site):
    wrong = {}
    for query, slug in EXPECTED.items():
        results = search(query).results
        first = results[0].url if results else None
        if first != f"/guides/{slug}/":
            wrong[query] = first
    assert wrong == {}
