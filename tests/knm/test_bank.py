"""The KNM question bank: loaded from content/knm/, and refused with path:line when wrong."""

import pytest
from django.core.management import CommandError, call_command

from knm.models import Option, Question, Theme

pytestmark = pytest.mark.django_db


def refuse(content_dir, capsys):
    with pytest.raises(CommandError):
        call_command("load_content", "--content-dir", str(content_dir))
    return capsys.readouterr().err


def edit(path, old, new, count=1):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, count))


def test_the_bank_loads_themes_questions_and_options(load):
    out = load()
    assert "knm      created    2" in out
    theme = Theme.objects.get(slug="housing")
    assert (theme.title, theme.dutch_title, theme.order) == ("Housing", "Wonen", 3)
    assert theme.questions.count() == 6
    question = Question.objects.get(qid="housing-02")
    assert question.question_nl == "Wat doet u bij vraag 2?"
    assert question.question_en == "What do you do in question 2?"
    assert [o.letter for o in question.options.all()] == ["A", "B", "C"]
    assert [o.is_correct for o in question.options.all()] == [False, True, False]
    assert question.read_url == "/guides/get-digid/"
    assert "knm      created    0  updated    0  unchanged    2" in load()


def test_editing_a_question_keeps_its_identity(load, content_dir):
    load()
    pk = Question.objects.get(qid="housing-02").pk
    option_pks = list(Option.objects.filter(question_id=pk).values_list("pk", flat=True))
    edit(
        content_dir / "knm/housing.md", '"Wat doet u bij vraag 2?"', '"Wat doet u nu bij vraag 2?"'
    )
    load()
    question = Question.objects.get(qid="housing-02")
    assert question.pk == pk
    assert question.question_nl == "Wat doet u nu bij vraag 2?"
    assert list(question.options.values_list("pk", flat=True)) == option_pks


def test_a_question_with_two_correct_options_is_refused(content_dir, capsys):
    edit(
        content_dir / "knm/housing.md",
        '        en: "Answer 2 to question 1."',
        '        en: "Answer 2 to question 1."\n        correct: true',
    )
    err = refuse(content_dir, capsys)
    assert (
        "knm/housing.md:13: question 'housing-01' must have exactly one correct option (correct: true), it has 2"
        in err
    )
    assert not Question.objects.exists()


def test_a_question_with_no_correct_option_is_refused(content_dir, capsys):
    edit(content_dir / "knm/housing.md", "        correct: true\n", "")
    err = refuse(content_dir, capsys)
    assert (
        "knm/housing.md:13: question 'housing-01' must have exactly one correct option (correct: true), it has 0"
        in err
    )


def test_a_duplicate_question_id_is_refused(content_dir, capsys):
    edit(content_dir / "knm/health-and-healthcare.md", "id: health-01", "id: housing-01")
    err = refuse(content_dir, capsys)
    assert "knm/housing.md:7: duplicate question id 'housing-01' (also used in" in err


def test_an_unknown_theme_is_refused(content_dir, capsys):
    (content_dir / "knm/housing.md").rename(content_dir / "knm/living.md")
    err = refuse(content_dir, capsys)
    assert (
        "knm/living.md:1: unknown KNM theme 'living': the file name must be one of work-and-income,"
        in err
    )


def test_a_missing_translation_is_refused(content_dir, capsys):
    edit(content_dir / "knm/housing.md", '    question_en: "What do you do in question 1?"\n', "")
    edit(content_dir / "knm/housing.md", '    situation_en: "Situation 2 in Housing."\n', "")
    err = refuse(content_dir, capsys)
    assert "knm/housing.md:7: missing required field 'questions[1].question_en'" in err
    assert "question 'housing-02' is missing its translation 'situation_en'" in err


def test_a_question_needs_three_options(content_dir, capsys):
    edit(
        content_dir / "knm/housing.md",
        '      - nl: "Antwoord 3 bij vraag 1."\n        en: "Answer 3 to question 1."\n',
        "",
    )
    err = refuse(content_dir, capsys)
    assert "knm/housing.md:13: 'questions[1].options' must have exactly 3 items, it has 2" in err


def test_a_read_link_to_a_missing_guide_is_refused(content_dir, capsys):
    edit(content_dir / "knm/housing.md", "read: /guides/get-digid/", "read: /guides/nope/")
    err = refuse(content_dir, capsys)
    assert "knm/housing.md:22: link '/guides/nope/' points to a page that does not exist" in err
