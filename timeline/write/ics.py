"""`ics`: iCalendar (RFC 5545) through the `icalendar` library, one VEVENT per event.

Every event is all-day: a day is one day, a month, an ISO week or a year its whole span (DTEND is
the day after the last, as the standard has it), `date_end` extends the span. The UID comes from
the event id, which comes from the event's content, so it is the same in every run; DTSTAMP is the
latest publication date of the articles (not the clock), so the same input gives the same file.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from typing import IO

from . import Format
from ._common import days


def calendar(chronology, events, name: str = "Kronologi"):
    from icalendar import Calendar, Event

    dcts = [d.dct for d in chronology.documents if d.dct is not None]
    stamp = datetime.combine(max(dcts), time(0), tzinfo=timezone.utc) if dcts else datetime(1970, 1, 1, tzinfo=timezone.utc)
    cal = Calendar()
    cal.add("prodid", "-//timeline//Indonesian news chronology//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for e in events:
        first, last = days(e)
        ev = Event()
        ev.add("uid", f"{e.id}@timeline")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", first)
        ev.add("dtend", last + timedelta(days=1))
        ev.add("summary", e.title)
        lines = [f"Status: {e.status}", f"Kind: {e.kind}"]
        if e.participants:
            lines.append("Who: " + ", ".join(e.participants))
        lines.append(f"Date as told: {e.date}" + (f" to {e.date_end}" if e.date_end else ""))
        lines.append("Sources: " + ", ".join(e.sources))
        ev.add("description", "\n".join(lines))
        if e.places:
            ev.add("location", ", ".join(e.places))
        ev.add("categories", [e.kind])
        ev.add("status", "TENTATIVE" if e.status in ("planned", "expected", "hypothetical") else
               "CANCELLED" if e.status == "denied" else "CONFIRMED")
        cal.add_component(ev)
    return cal


def write_events(out: IO[str], chronology, events, **_) -> None:
    # iCalendar's lines end in CRLF; `out` is opened without newline translation
    out.write(calendar(chronology, events).to_ical().decode("utf-8"))


FORMAT = Format(
    name="ics",
    summary="iCalendar, to import into a calendar (all-day events; months and weeks as spans)",
    extensions=(".ics", ".ical"),
    events=write_events,
)
