"""Random query strings at the route check's pages: never a 500, never a verdict for
answers that do not fit."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KEYS = st.sampled_from(
    [
        "nationality",
        "start-date",
        "start-date-day",
        "start-date-month",
        "start-date-year",
        "pip-date",
        "pip-date-day",
        "pip-date-month",
        "pip-date-year",
        "step",
        "x",
    ]
)
VALUES = st.one_of(
    st.sampled_from(["eu", "other", "unknown", "2022-03-01", "2021-12-31", "1989-01-01", "31"]),
    st.dates().map(lambda d: d.isoformat()),
    st.text(max_size=30),
)
QUERIES = st.lists(st.tuples(KEYS, VALUES), max_size=8)


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pairs=QUERIES,
    page=st.sampled_from(["/check/questions/", "/check/result/", "/check/calendar.ics"]),
)
def test_random_query_strings_never_break_the_check(check_site, client, pairs, page):
    response = client.get(page, data={}, QUERY_STRING=urlencode(pairs))
    assert response.status_code in (200, 302)
    if page == "/check/result/" and response.status_code == 200:
        # A verdict only for answers that reach one: the canonical address, nothing else.
        assert "Your result" in response.content.decode()
