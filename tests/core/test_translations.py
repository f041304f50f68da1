"""Translations in content/<language>/: read in the active language, never saved over the
English, checked against their English file, and flagged when the English changes."""

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from core.models import Translation
from guides.models import Guide
from knm.models import Question
from topics.models import Topic

pytestmark = pytest.mark.django_db


def stamp(content_dir, kind, slug):
    """Make the Dutch file translate the English file as it is now."""
    english = (content_dir / kind / f"{slug}.md").read_bytes()
    dutch = content_dir / "nl" / kind / f"{slug}.md"
    text = dutch.read_text()
    start = text.index("translation_of: ")
    end = text.index("\n", start)
    digest = hashlib.sha256(english).hexdigest()[:12]
    dutch.write_text(f"{text[:start]}translation_of: '{digest}'{text[end:]}")


def test_records_read_in_dutch_under_dutch_and_in_english_otherwise(loaded):
    guide = Guide.objects.get(slug="get-digid")
    assert guide.title == "How do you get DigiD?"
    with translation.override("nl"):
        assert guide.title == "Hoe krijg je DigiD?"
        section = guide.sections.get(number=2)
        assert section.heading == "Activeren"
        assert "binnen vijf werkdagen" in section.body_html
        assert guide.related_links.get().reason == "Je moet eerst ingeschreven zijn."
        assert guide.citations.get().note == "Voor de aanvraag."
        topic = Topic.objects.get(slug="arrival")
        assert topic.key_point_list[0] == "Schrijf je eerst in op je adres."
        assert topic.collections.get().entries.first().note == "Schrijf je adres hier in."
        question = Question.objects.get(qid="housing-01")
        assert question.explanation.startswith("Antwoord 1 is goed")
        # A link to the site in a translation leads to the page in that language.
        assert question.read_url == "/nl/guides/get-digid/"
        assert guide.is_translated and not guide.translation_behind
    assert Question.objects.get(qid="housing-01").read_url == "/guides/get-digid/"


def test_saving_while_dutch_is_active_keeps_the_english_columns(loaded):
    guide = Guide.objects.get(slug="get-digid")
    with translation.override("nl"):
        guide.save()
        guide.sections.get(number=2).save()
    guide.refresh_from_db()
    assert guide.title == "How do you get DigiD?"
    assert guide.sections.get(number=2).heading == "Activate it"
    with translation.override("nl"):
        assert Guide.objects.get(slug="get-digid").title == "Hoe krijg je DigiD?"


def test_a_record_without_a_translation_shows_its_english(loaded):
    guide = Guide.objects.get(slug="register-your-address")
    with translation.override("nl"):
        assert guide.title == Guide.objects.get(slug="register-your-address").__dict__["title"]
        assert not guide.is_translated


def test_a_changed_english_file_flags_its_translation_as_behind(load, content_dir):
    out = load()
    assert "translations written    7" in out
    assert Translation.objects.filter(current=True).count() == 7
    english = content_dir / "guides" / "get-digid.md"
    english.write_text(english.read_text().replace("Go to the DigiD website.", "Go online."))
    out = load()
    assert "1 behind the English" in out
    row = Translation.objects.get(kind="guides", slug="get-digid")
    assert not row.current and row.path.endswith("content/nl/guides/get-digid.md")
    guide = Guide.objects.get(slug="get-digid")
    with translation.override("nl"):
        assert guide.translation_behind
        assert guide.title == "Hoe krijg je DigiD?"  # still shown, marked as behind
    stamp(content_dir, "guides", "get-digid")
    load()
    assert Translation.objects.get(kind="guides", slug="get-digid").current


def test_a_load_that_changes_nothing_writes_no_translations(load):
    load()
    assert "translations written" not in load()


def test_check_names_the_orphan_file_and_what_is_wrong(content_dir, capsys):
    orphan = content_dir / "nl" / "guides" / "no-such-guide.md"
    orphan.write_text((content_dir / "nl" / "guides" / "get-digid.md").read_text())
    with pytest.raises(CommandError, match="1 problem found; nothing was written"):
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    err = capsys.readouterr().err
    assert "content/nl/guides/no-such-guide.md:1: translates content/guides/no-such-guide.md" in err


def test_a_current_translation_must_copy_what_is_not_words(content_dir, capsys):
    dutch = content_dir / "nl" / "guides" / "get-digid.md"
    dutch.write_text(dutch.read_text().replace("topic: arrival", "topic: exams"))
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    err = capsys.readouterr().err
    assert "'topic' must be the same as in the English file ('arrival'), not 'exams'" in err


def test_a_translation_behind_the_english_that_no_longer_fits_it_never_blocks_a_load(
    load, content_dir, capsys
):
    english = content_dir / "guides" / "get-digid.md"
    english.write_text(english.read_text() + "\n\n## Keep it safe\n\nNever share your code.\n")
    call_command("load_content", "--content-dir", str(content_dir))
    out, err = capsys.readouterr()
    assert "Content loaded." in out
    assert "get-digid.md:1: warning: this translation is behind" in err
    guide = Guide.objects.get(slug="get-digid")
    with translation.override("nl"):
        assert guide.title == "How do you get DigiD?"  # left out: the English is shown
    assert not Translation.objects.filter(kind="guides", slug="get-digid").exists()


def test_a_hash_of_digits_only_must_be_quoted(content_dir, capsys):
    dutch = content_dir / "nl" / "sources" / "digid.md"
    text = dutch.read_text()
    start = text.index("translation_of: ")
    dutch.write_text(
        text[:start] + "translation_of: 641420868897" + text[text.index("\n", start) :]
    )
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    assert "put the hash in quotes" in capsys.readouterr().err


def test_a_translation_in_a_folder_of_no_kind_is_refused(content_dir, capsys):
    (content_dir / "nl" / "recipes").mkdir()
    (content_dir / "nl" / "recipes" / "soup.md").write_text("---\ntitle: Soep\n---\n")
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--content-dir", str(content_dir))
    assert "unexpected place for a translation" in capsys.readouterr().err


def test_a_dutch_page_behind_its_english_page_says_so_and_links_to_it(load, content_dir, client):
    load()
    page = client.get("/nl/guides/get-digid/").content.decode()
    assert "translation-notice" not in page
    english = content_dir / "guides" / "get-digid.md"
    english.write_text(english.read_text().replace("Go to the DigiD website.", "Go online."))
    load()
    page = client.get("/nl/guides/get-digid/").content.decode()
    assert '<html lang="nl"' in page
    assert "De Engelse pagina is veranderd sinds deze vertaling is gemaakt." in page
    assert '<a href="/guides/get-digid/" hreflang="en" lang="en">Lees de Engelse pagina</a>' in page
    assert "<h1>Hoe krijg je DigiD?</h1>" in page
    assert "translation-notice" not in client.get("/guides/get-digid/").content.decode()


def test_a_dutch_page_without_a_translation_says_it_shows_the_english(loaded, client):
    page = client.get("/nl/guides/register-your-address/").content.decode()
    assert "Deze pagina is nog niet vertaald. Je leest de Engelse tekst." in page
    assert 'href="/guides/register-your-address/" hreflang="en"' in page
    assert "nog niet vertaald" not in client.get("/nl/guides/get-digid/").content.decode()
