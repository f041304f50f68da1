"""The rules of the real route check (content/check-*), walked path by path without a
database, against what the official pages say; and the loader's refusals."""

import datetime as dt

import pytest
from django.conf import settings

from core.loader.read import read_content
from routecheck import rules
from routecheck.content import rulebook_from_content

from .conftest import add_check

UNKNOWN = rules.UNKNOWN
MAY_2020, JAN_2022, JAN_2013 = dt.date(2020, 5, 1), dt.date(2022, 1, 1), dt.date(2013, 1, 1)


@pytest.fixture(scope="module")
def real():
    content, problems = read_content(settings.CONTENT_DIR)
    return content, problems, rulebook_from_content(content)


def expected(a: dict) -> str:
    """The outcome the cited pages give, written out independently of the content's rules."""
    nationality, age = a["nationality"], a.get("age")
    if nationality == "dutch":
        return "dutch-national"  # Assen: no Dutch passport is a condition
    if nationality == "eu":
        return "eu-eea-swiss"  # Leiden: EU, Liechtenstein, Norway, Iceland, Switzerland
    if age == "pension":
        return "pension-age"
    if age == "under-16":
        return "under-16"
    if age == "16-17":
        return "age-16-17"  # Leiden (under 16) and Assen (older than 18) disagree: ask DUO
    purpose = a["purpose"]
    if purpose in ("work", "study"):
        return "temporary-purpose"  # IND: temporary purposes under the Civic Integration Act
    if purpose == "other":
        return "purpose-unclear"
    if purpose == "family":
        member = a["family-member"]
        if member == "eu":
            return "family-of-eu-citizen"
        if member == "temporary":
            return "family-of-temporary"  # IND: family of someone here temporarily
        if member == "not-sure":
            return "purpose-unclear"
    date = a["start-date"]
    if nationality == "turkish" and date != UNKNOWN:
        if purpose == "asylum" and date < MAY_2020:
            return "turkish-asylum-before-may-2020"
        if purpose == "family" and date < MAY_2020:
            return "turkish-not-obliged"
        if purpose == "religious" and date < JAN_2022:
            return "turkish-not-obliged"
        if purpose == "family" and date < JAN_2022 and a["family-member"] != "asylum":
            return "turkish-not-obliged"  # from 1 May 2020 only family of asylum status holders
    if date == UNKNOWN:
        return "start-date-unknown"
    if date < JAN_2013:
        return "before-2013"
    if a["exemption"] == "diploma":
        return "exempt-by-diploma"
    if a["exemption"] == "school-years":
        return "school-years"
    return "must-2013" if date < JAN_2022 else "must-2021"


def test_the_real_rules_load_without_a_problem(real):
    _content, problems, _book = real
    assert [str(p) for p in problems] == []


def test_every_path_through_the_rules_ends_where_the_sources_say(real):
    content, _problems, book = real
    paths = list(book.walk())
    assert len(paths) > 100
    reached = set()
    for answers, step in paths:
        assert isinstance(step, rules.Decided), answers
        assert step.rule.result == expected(answers), answers
        reached.add(step.rule.result)
        if step.rule.result == "must-2021":
            assert "pip-date" in answers  # the deadline counts from the first PIP
        if step.rule.result == "must-2013":
            assert "duo-start" in answers  # the deadline counts from DUO's start date
    assert reached == set(content.of("check-results"))  # every result can be reached


@pytest.mark.parametrize(
    "answers, result, asked",
    [
        ({"nationality": "eu"}, "eu-eea-swiss", ["nationality"]),
        ({"nationality": "dutch"}, "dutch-national", ["nationality"]),
        ({"nationality": "other", "age": "pension"}, "pension-age", ["nationality", "age"]),
        (
            {"nationality": "other", "age": "adult", "purpose": "study"},
            "temporary-purpose",
            ["nationality", "age", "purpose"],
        ),
        (
            {
                "nationality": "turkish",
                "age": "adult",
                "purpose": "family",
                "family-member": "dutch",
                "start-date": dt.date(2019, 6, 1),
            },
            "turkish-not-obliged",
            ["nationality", "age", "purpose", "family-member", "start-date"],
        ),
        (
            {
                "nationality": "turkish",
                "age": "adult",
                "purpose": "family",
                "family-member": "settled",
                "start-date": dt.date(2022, 1, 1),
                "exemption": "none",
                "pip-date": UNKNOWN,
            },
            "must-2021",
            [
                "nationality",
                "age",
                "purpose",
                "family-member",
                "start-date",
                "exemption",
                "pip-date",
            ],
        ),
        (
            {
                "nationality": "other",
                "age": "adult",
                "purpose": "asylum",
                "start-date": dt.date(2021, 12, 31),
                "exemption": "none",
                "duo-start": dt.date(2021, 12, 31),
            },
            "must-2013",
            ["nationality", "age", "purpose", "start-date", "exemption", "duo-start"],
        ),
        (
            {
                "nationality": "other",
                "age": "adult",
                "purpose": "religious",
                "start-date": dt.date(2012, 12, 31),
            },
            "before-2013",
            ["nationality", "age", "purpose", "start-date"],
        ),
    ],
)
def test_only_what_changes_the_answer_is_asked(real, answers, result, asked):
    _content, _problems, book = real
    path, step = book.path(answers)
    assert step.rule.result == result
    assert path == asked


@pytest.mark.parametrize(
    "text, error",
    [
        ("nationality is eu", None),
        ("nationality is eu or dutch and start-date from 2022-01-01", None),
        ("start-date before 2013-01-01", None),
        ("nationality = eu", "cannot read 'nationality = eu'"),
        ("start-date before 1 January 2022", "cannot read"),
        ("start-date before 2022-02-30", "'2022-02-30' is not a real date"),
        ("", "cannot read"),
    ],
)
def test_a_rule_is_read_or_refused_in_plain_words(text, error):
    if error is None:
        assert rules.parse_rule(text)
    else:
        with pytest.raises(rules.RuleError, match=error):
            rules.parse_rule(text)


def _problems(directory):
    _content, problems = read_content(directory)
    return [str(p) for p in problems]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_the_small_check_is_valid(content_dir):
    assert _problems(add_check(content_dir)) == []


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "  - start-date from 2022-01-01",
            "  - start-dat from 2022-01-01",
            "check-results/must-2021.md:8: unknown question 'start-dat'",
        ),
        (
            "  - start-date from 2022-01-01",
            "  - nationality is martian",
            "must-2021.md:8: 'nationality' has no answer 'martian' (its answers are: eu, other)",
        ),
        (
            "  - start-date from 2022-01-01",
            "  - nationality before 2022-01-01",
            "must-2021.md:8: 'nationality' is not a date question",
        ),
        (
            "  - start-date from 2022-01-01",
            "  - start-date after 2022-01-01",
            "must-2021.md:8: rule 1: cannot read 'start-date after 2022-01-01'",
        ),
        (
            "  - start-date from 2022-01-01",
            "  - start-date from 2023-01-01",
            "no result fits these answers: nationality = other, start-date = 2022-01-01",
        ),
        (
            "  - start-date from 2022-01-01",
            "  - start-date from 2022-01-01\n  - nationality is eu",
            "must-2021.md:9: the rule 'nationality is eu' is never used",
        ),
    ],
)
def test_the_loader_refuses_broken_rules_with_path_and_line(content_dir, old, new, message):
    add_check(content_dir)
    _edit(content_dir / "check-results" / "must-2021.md", old, new)
    problems = _problems(content_dir)
    shown = message.split("tests/fixtures/")[-1]
    assert any(shown in p for p in problems), problems


def test_a_question_refuses_options_that_do_not_fit(content_dir):
    add_check(content_dir)
    _edit(content_dir / "check-questions" / "start-date.md", "type: date\n", "")
    problems = _problems(content_dir)
    assert any(
        "start-date.md" in p and "'earliest' is only for date questions" in p for p in problems
    )
    assert any("at least 2 options" in p for p in problems)


def test_a_claim_in_a_step_needs_a_reference(content_dir):
    add_check(content_dir)
    _edit(content_dir / "check-results" / "must-2021.md", "6 weeks ahead [1]", "6 weeks ahead")
    problems = _problems(content_dir)
    assert any(
        "must-2021.md:" in p and "'6 weeks' is an amount or a time limit with no reference" in p
        for p in problems
    ), problems


@pytest.mark.parametrize(
    "value, ok", [("[2021]", True), ("[2013, 2021]", True), ("[2019]", False), ("[b1]", False)]
)
def test_applies_to_takes_only_the_two_acts(content_dir, value, ok):
    guide = content_dir / "guides" / "get-digid.md"
    _edit(guide, "\ncitations:", f"\napplies_to: {value}\ncitations:")
    problems = _problems(content_dir)
    if ok:
        assert problems == []
    else:
        assert any("get-digid.md" in p and "must be one of 2013, 2021" in p for p in problems)


def test_the_small_check_fixture_is_not_left_in_the_shared_tree(content_dir):
    # The tiny tree other tests use stays without a check: they count its records.
    assert not (content_dir / "check-results").exists()
