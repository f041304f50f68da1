"""The person's deadline and reminders as an iCalendar file (RFC 5545), made with the
`icalendar` library: all-day events (DTSTART as a DATE), each with an alarm that morning."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import icalendar
from django.utils.translation import gettext as _

from sources.references import REF_RE

PRODID = "-//Wegwijs//Route check//EN"


def _uid(text: str) -> str:
    # Stable for the same deadline, so importing the file twice updates instead of doubling;
    # made from the dates, never from anything else about the person.
    return hashlib.sha256(text.encode()).hexdigest()[:32] + "@wegwijs"


def _plain(text: str, citations: list) -> str:
    """`[2]` in a reminder's text becomes the address of the second source."""

    def replace(match):
        n = int(match.group(1))
        return f" ({citations[n - 1].link})" if 1 <= n <= len(citations) else ""

    return re.sub(r"\s*" + REF_RE.pattern, replace, text).strip()


def _event(date: dt.date, summary: str, description: str, url: str, now: dt.datetime):
    event = icalendar.Event()
    event.add("uid", _uid(f"{date.isoformat()}|{summary}"))
    event.add("dtstamp", now)
    event.add("dtstart", date)  # a date, not a time: an all-day event
    event.add("dtend", date + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(hours=9))  # 09:00 on the day
    event.add_component(alarm)
    return event


def calendar_file(deadline, result, page_url: str, today: dt.date) -> bytes:
    citations = list(result.citations.all())
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("My integration deadline"))
    cal.add_component(
        _event(
            deadline.last_day,
            _("Last day of my integration period"),
            _(
                "The last day of the 3 years to finish my civic integration (inburgering), "
                "as worked out from my answers on Wegwijs. DUO's letters and Mijn Inburgering "
                "show the date DUO uses. My result: %(url)s"
            )
            % {"url": page_url},
            page_url,
            now,
        )
    )
    for date, reminder in deadline.reminders:
        if date < today:
            continue
        cal.add_component(
            _event(date, reminder.title, _plain(reminder.text, citations), page_url, now)
        )
    return cal.to_ical()
