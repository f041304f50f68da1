"""The route check as a person uses it without JavaScript: one question per screen, Back
and Start again, bad input asked again, the result, the calendar file, privacy, and the
"show only what applies to me" cookie that never leaks into the shared page cache."""

import datetime as dt
import logging
from urllib.parse import urlencode

import icalendar
import pytest
from django.utils import timezone

from routecheck.services import add_years

pytestmark = pytest.mark.usefixtures("check_site")

Q = "/check/questions/"
R = "/check/result/"


def today():
    return timezone.localdate()


def result_query(pip: dt.date, start=dt.date(2022, 3, 1)) -> str:
    return urlencode(
        {"nationality": "other", "start-date": start.isoformat(), "pip-date": pip.isoformat()}
    )


def text(response) -> str:
    return response.content.decode()


def test_the_start_page_explains_the_check_and_that_nothing_is_stored(client):
    page = text(client.get("/check/"))
    assert "<h1>Do I have to integrate?</h1>" in page
    assert f'href="{Q}"' in page
    assert "We do not store them, we do not write them in our logs" in page


def test_a_walk_through_the_check_one_question_per_screen(client):
    first = client.get(Q)
    assert "What is your nationality?" in text(first)
    assert 'type="radio"' in text(first) and "Start again" in text(first)
    assert "Nationals of EU countries do not have to integrate" in text(first)  # why we ask
    answered = client.get(Q, {"nationality": "other", "step": "nationality"})
    assert answered.status_code == 302
    assert answered["Location"] == f"{Q}?nationality=other"
    second = client.get(answered["Location"])
    page = text(second)
    assert "When did your right to stay start?" in page
    assert f'href="{Q}"' in page  # Back goes to the first question
    assert '<input type="hidden" name="nationality" value="other">' in page
    dated = client.get(
        Q,
        {
            "nationality": "other",
            "start-date-day": "1",
            "start-date-month": "3",
            "start-date-year": "2022",
            "step": "start-date",
        },
    )
    assert dated["Location"] == f"{Q}?nationality=other&start-date=2022-03-01"
    third = text(client.get(dated["Location"]))
    assert "What is the date of your first PIP?" in third
    assert "I do not have a PIP yet" in third
    pip = today() - dt.timedelta(days=30)
    done = client.get(
        Q,
        {
            "nationality": "other",
            "start-date": "2022-03-01",
            "pip-date-day": str(pip.day),
            "pip-date-month": str(pip.month),
            "pip-date-year": str(pip.year),
            "step": "pip-date",
        },
    )
    assert done.status_code == 302
    assert done["Location"] == f"{R}?{result_query(pip)}"


def test_the_result_gives_verdict_act_deadline_steps_and_references(client):
    pip = today() - dt.timedelta(days=30)
    page = text(client.get(f"{R}?{result_query(pip)}"))
    last_day = add_years(pip + dt.timedelta(days=1), 3) - dt.timedelta(days=1)
    assert "You must integrate under the 2021 act" in page
    assert "The <strong>Civic Integration Act 2021</strong>" in page
    assert f'datetime="{last_day.isoformat()}"' in page
    assert "Your 3 years end on" in page
    assert 'href="/guides/get-digid/"' in page and 'href="/guides/register-your-address/"' in page
    assert "Add to my calendar" in page
    assert "Checked <time" in page and 'id="result-ref-1"' in page
    assert "Show only what applies to me" in page
    assert (
        "When did your right to stay start? <strong>1 March 2022 (on or after 1 January 2022)"
        in page
    )
    assert "Change<span" in page


def test_without_a_pip_yet_the_result_says_when_the_years_start(client):
    page = text(
        client.get(R, {"nationality": "other", "start-date": "2022-03-01", "pip-date": "unknown"})
    )
    assert "Your 3 years start on the day after your first PIP." in page
    assert "Add to my calendar" not in page


def test_a_deadline_in_the_past_gets_no_calendar_file(client):
    pip = dt.date(2022, 6, 1)
    page = text(client.get(f"{R}?{result_query(pip)}"))
    assert "Your 3 years ended on" in page
    assert "Add to my calendar" not in page
    calendar = client.get(f"/check/calendar.ics?{result_query(pip)}")
    assert calendar.status_code == 302


@pytest.mark.parametrize(
    "query, message",
    [
        ({"nationality": "martian"}, "We did not recognise that answer"),
        ({"step": "nationality"}, "Choose one of the answers."),
        ({"nationality": "other", "step": "start-date"}, "Enter the date: day, month and year."),
        ({"nationality": "other", "start-date": "2999-01-01"}, "The date cannot be in the future."),
        (
            {"nationality": "other", "start-date": "1989-12-31"},
            "Enter a date on or after 1 January 1990",
        ),
        ({"nationality": "other", "start-date": "2022-13-45"}, "Enter the date as numbers"),
        (
            {
                "nationality": "other",
                "start-date-day": "31",
                "start-date-month": "2",
                "start-date-year": "2023",
            },
            "Enter a real date",
        ),
        (
            {
                "nationality": "other",
                "start-date-day": "x",
                "start-date-month": "2",
                "start-date-year": "2023",
            },
            "Enter the date as numbers",
        ),
        (
            {"nationality": "other", "start-date": "2023-05-01", "pip-date": "2023-01-01"},
            "This date cannot be before 1 May 2023",
        ),
    ],
)
def test_bad_input_asks_the_question_again_with_a_clear_message(client, query, message):
    response = client.get(Q, query)
    assert response.status_code == 200
    page = text(response)
    assert message in page
    assert "There is a problem" in page and "<title>Error:" in page


@pytest.mark.parametrize(
    "query",
    [
        {"nationality": "martian", "start-date": "2022-03-01", "pip-date": "unknown"},
        {"nationality": "other", "start-date": "2999-01-01", "pip-date": "unknown"},
        {"nationality": "other"},
        {},
    ],
)
def test_a_tampered_result_address_never_shows_a_verdict(client, query):
    response = client.get(R, query, follow=True)
    assert response.status_code == 200
    assert "Your result" not in text(response)
    assert response.redirect_chain and response.redirect_chain[0][0].startswith(Q)


def test_answers_that_do_not_matter_are_dropped_from_the_result_address(client):
    response = client.get(R, {"nationality": "eu", "start-date": "2022-03-01", "x": "y"})
    assert response["Location"] == f"{R}?nationality=eu"
    assert "You do not have to integrate" in text(client.get(response["Location"]))


def test_nothing_personal_is_cached_or_logged(client, caplog):
    pip = today() - dt.timedelta(days=30)
    with caplog.at_level(logging.INFO, logger="wegwijs.request"):
        first = client.get(f"{R}?{result_query(pip)}")
        second = client.get(f"{R}?{result_query(pip)}")
    for response in (first, second):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "X-Cache" not in response
        assert response["X-Robots-Tag"] == "noindex"
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert '"path": "/check/result/"' in logged
    assert "nationality" not in logged and "pip-date" not in logged
    assert "feedback" not in text(first)  # no comment box on a page with someone's answers


def test_the_calendar_file_is_valid_icalendar_with_the_deadline_as_a_date(client):
    pip = today() - dt.timedelta(days=30)
    response = client.get(f"/check/calendar.ics?{result_query(pip)}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 line folding
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    last_day = add_years(pip + dt.timedelta(days=1), 3) - dt.timedelta(days=1)
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    assert starts["Last day of my integration period"] == last_day
    assert starts["Half a year left"] == last_day - dt.timedelta(weeks=26)
    assert starts["Register for exams now"] == last_day - dt.timedelta(weeks=14)
    for event in events:
        assert type(event.decoded("DTSTART")) is dt.date  # DTSTART;VALUE=DATE, all day
        assert event["UID"] and event["DTSTAMP"]
        assert event.walk("VALARM")
    assert b"DTSTART;VALUE=DATE:" in raw
    register = next(e for e in events if str(e["SUMMARY"]) == "Register for exams now")
    assert "(https://www.example-municipality.nl/integration)" in str(register["DESCRIPTION"])


def test_remembering_the_act_marks_pages_and_never_leaks_into_the_page_cache(
    client, load, check_dir
):
    guide = check_dir / "guides" / "get-digid.md"
    guide.write_text(guide.read_text().replace("\ncitations:", "\napplies_to: [2013]\ncitations:"))
    load()
    url = "/guides/get-digid/"
    anonymous = client.get(url)
    assert anonymous["X-Cache"] == "miss"
    assert "For the 2013 act" in text(anonymous) and "Not for your act" not in text(anonymous)

    pip = today() - dt.timedelta(days=30)
    remembered = client.post(
        "/check/remember/", {"act": "2021", "next": f"{R}?{result_query(pip)}"}
    )
    assert remembered.status_code == 302 and remembered["Location"].startswith(R)
    cookie = remembered.cookies["wegwijs_route"]
    assert cookie.value == "2021" and cookie["httponly"] and cookie["samesite"] == "Lax"

    personal = client.get(url)
    page = text(personal)
    assert "This guide is about the 2013 act." in page
    assert "Your route check says the 2021 act applies to you" in page
    assert "Not for your act" in page and "Forget my act" in page
    assert "X-Cache" not in personal
    assert "private" in personal["Cache-Control"] and "Cookie" in personal["Vary"]

    client.cookies.pop("wegwijs_route")
    again = client.get(url)
    assert again["X-Cache"] == "hit"
    assert "Not for your act" not in text(again) and "Forget my act" not in text(again)


def test_forgetting_the_act_removes_the_cookie(client):
    client.cookies["wegwijs_route"] = "2021"
    response = client.post("/check/forget/", {"next": "/guides/"})
    assert response["Location"] == "/guides/"
    assert response.cookies["wegwijs_route"].value == ""
    assert response.cookies["wegwijs_route"]["max-age"] == 0


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_remember_only_returns_to_this_site(client, target):
    response = client.post("/check/remember/", {"act": "2021", "next": target})
    assert response["Location"] == "/check/"


def test_a_made_up_act_is_never_remembered(client):
    response = client.post("/check/remember/", {"act": "1999", "next": "/"})
    assert "wegwijs_route" not in response.cookies
    client.cookies["wegwijs_route"] = "<script>"
    assert "Forget my act" not in text(client.get("/guides/"))


def test_the_check_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    pip = today() - dt.timedelta(days=30)
    with django_assert_max_num_queries(6):
        client.get(Q, {"nationality": "other"})
    # The result links to guides: one more query to know which are published (#19).
    with django_assert_max_num_queries(11):
        client.get(f"{R}?{result_query(pip)}")
    with django_assert_max_num_queries(10):
        client.get(f"/check/calendar.ics?{result_query(pip)}")
