#!/usr/bin/env python3
"""Reads every calendar file a running Veche server gives out with a real iCalendar parser.

    scripts/check_ics.py http://127.0.0.1:18080

For every event in the coming weeks and the past ones: its `.ics` file must parse (the
`icalendar` package), keep RFC 5545's form (CRLF, lines folded at 75 octets), carry a stable UID,
a DTSTAMP and the event's title, and its start, read through the file's own VTIMEZONE, must be
the instant the API states; for a series, the API's date must be one of the dates its RRULE
gives. Then a member's live feed must parse and list the events they are going to.
"""

import datetime as dt
import http.cookiejar
import json
import sys
import urllib.request

from dateutil import rrule
from icalendar import Calendar

base = sys.argv[1].rstrip("/")
api = f"{base}/api/v1"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
problems: list[str] = []


def fetch(path: str, data: dict | None = None, csrf: str | None = None) -> bytes:
    headers = {"Accept-Language": "en"}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    if csrf:
        headers["X-CSRF-Token"] = csrf
    url = path if path.startswith("http") else f"{api}{path}"
    method = "PUT" if path.endswith("/rsvp") else ("POST" if data is not None else "GET")
    with opener.open(urllib.request.Request(url, data=body, headers=headers, method=method)) as response:
        return response.read()


def instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_form(name: str, raw: bytes) -> None:
    text = raw.decode("utf-8")
    if "\n" in text.replace("\r\n", ""):
        problems.append(f"{name}: a line ends without CR")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            problems.append(f"{name}: a line of {len(line)} octets")


def parse(name: str, raw: bytes) -> Calendar:
    check_form(name, raw)
    calendar = Calendar.from_ical(raw)
    for required in ("VERSION", "PRODID"):
        if required not in calendar:
            problems.append(f"{name}: no {required}")
    return calendar


today = dt.date.today()
dates = json.loads(fetch(f"/events?from={today - dt.timedelta(days=60)}&to={today + dt.timedelta(days=60)}"))
events: dict[str, dict] = {}
for date in dates:
    events.setdefault(date["event_id"], date)
if len(events) < 5:
    problems.append(f"only {len(events)} events to check")

uids: dict[str, str] = {}
for event_id in events:
    detail = json.loads(fetch(f"/events/{event_id}"))
    name = f"event {event_id} ({detail['title']})"
    raw = fetch(f"/events/{event_id}/ics")
    calendar = parse(name, raw)
    vevents = calendar.walk("VEVENT")
    if len(vevents) != 1:
        problems.append(f"{name}: {len(vevents)} VEVENTs")
        continue
    vevent = vevents[0]
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if required not in vevent:
            problems.append(f"{name}: no {required}")
    if str(vevent.get("SUMMARY")) != detail["title"]:
        problems.append(f"{name}: SUMMARY {vevent.get('SUMMARY')!r}")
    again = Calendar.from_ical(fetch(f"/events/{event_id}/ics")).walk("VEVENT")[0]
    if str(again["UID"]) != str(vevent["UID"]):
        problems.append(f"{name}: the UID changed between downloads")
    uids[event_id] = str(vevent["UID"])
    start = vevent.decoded("DTSTART")
    if detail["all_day"]:
        continue
    if start.tzinfo is None:
        problems.append(f"{name}: DTSTART has no time zone")
        continue
    wanted = instant(detail["starts_at"])
    if detail.get("recurrence"):
        if "RRULE" not in vevent:
            problems.append(f"{name}: a series without RRULE")
            continue
        rule = rrule.rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=start)
        near = rule.between(wanted - dt.timedelta(days=1), wanted + dt.timedelta(days=1), inc=True)
        if not any(d.astimezone(dt.timezone.utc) == wanted for d in near):
            problems.append(f"{name}: the API's date {wanted} is not a date of {vevent['RRULE'].to_ical()!r} from {start}")
    elif start.astimezone(dt.timezone.utc) != wanted:
        problems.append(f"{name}: DTSTART {start} is not {wanted}")
    if detail["cancelled"] and str(vevent.get("STATUS")) != "CANCELLED":
        problems.append(f"{name}: cancelled without STATUS:CANCELLED")

# A member's live feed, after answering "going" to an upcoming one-off event with places left.
csrf = json.loads(fetch("/auth/me"))["csrf_token"]
signed_in = json.loads(fetch("/auth/login", {"login": "ivan", "password": "veche-demo"}, csrf))
csrf = signed_in["csrf_token"]
upcoming = next(
    (d for d in dates if not d["recurring"] and not d["cancelled"] and instant(d["starts_at"]) > dt.datetime.now(dt.timezone.utc)
     and (d["capacity"] is None or d["going_count"] < d["capacity"])),
    None,
)
if upcoming is None:
    problems.append("no upcoming event to answer")
else:
    fetch(f"/events/{upcoming['event_id']}/rsvp", {"status": "going"}, csrf)
    feed_url = json.loads(fetch("/calendar/feed"))["url"]
    feed = parse("the live feed", fetch(feed_url))
    listed = {str(e["UID"]) for e in feed.walk("VEVENT")}
    if uids.get(upcoming["event_id"]) not in listed:
        problems.append(f"the live feed does not list {upcoming['title']}: {sorted(listed)}")

if problems:
    print("calendar files with problems:", *problems, sep="\n  ")
    sys.exit(1)
print(f"{len(events)} event files and a live feed read by icalendar: all well formed and on the API's dates")
