#!/usr/bin/env python3
"""Checks a calendar written by `retroplan export --format ics` with an
independent parser (the `icalendar` package), against the schedule's JSON.

    ics_check.py FIRST.ics SECOND.ics SCHEDULE.json

FIRST and SECOND are two exports of the same plan (the second in the other
language); SCHEDULE.json is `retroplan export --format json` of it. Checks:
every event has a UID, DTSTAMP, and DTSTART/DTEND as dates (all-day events,
not date-times); UIDs are unique and the same in both exports; each task
that is not cancelled is an event `<id>@<slug>` from its start to the day
after its end (DTEND is exclusive); each meeting occurrence is an event
`<meeting id>-<date>@<slug>`; the D-day event `deadline@<slug>` is on the
deadline. Prints what it checked; exits 1 on the first failure.
"""

import datetime
import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit("ics_check: the Python package `icalendar` is missing (pip install icalendar)")

ONE_DAY = datetime.timedelta(days=1)


def fail(message):
    print(f"ics_check: FAIL: {message}")
    sys.exit(1)


def is_date(value):
    # datetime.datetime is a subclass of datetime.date: an all-day event
    # holds a plain date.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def events(path):
    with open(path, "rb") as f:
        raw = f.read()
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            fail(f"{path}: line {number} is {len(line)} octets, more than 75")
        if b"\n" in line:
            fail(f"{path}: line {number} ends with a bare LF, not CRLF")
    calendar = icalendar.Calendar.from_ical(raw)
    out = {}
    for event in calendar.walk("VEVENT"):
        uid = event.get("UID")
        if uid is None:
            fail(f"{path}: an event without UID: {event.get('SUMMARY')}")
        uid = str(uid)
        if uid in out:
            fail(f"{path}: UID {uid} twice")
        if event.get("DTSTAMP") is None:
            fail(f"{path}: {uid} has no DTSTAMP")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if not (is_date(start) and is_date(end)):
            fail(f"{path}: {uid} is not an all-day event ({start!r}, {end!r})")
        if end <= start:
            fail(f"{path}: {uid} ends on {end}, not after its start {start}")
        out[uid] = (start, end, str(event.get("SUMMARY", "")))
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    first_path, second_path, json_path = sys.argv[1:]
    first, second = events(first_path), events(second_path)
    with open(json_path, encoding="utf-8") as f:
        schedule = json.load(f)
    if sorted(first) != sorted(second):
        fail(f"the UIDs differ between {first_path} and {second_path}: "
             f"{sorted(set(first) ^ set(second))[:5]}")

    deadline = datetime.date.fromisoformat(schedule["deadline"])
    dday = [uid for uid in first if uid.startswith("deadline@")]
    if len(dday) != 1:
        fail(f"{first_path}: expected one D-day event deadline@..., found {dday}")
    slug = dday[0].split("@", 1)[1]
    if first[dday[0]][:2] != (deadline, deadline + ONE_DAY):
        fail(f"the D-day event is {first[dday[0]][:2]}, not {deadline}")

    expected = {dday[0]}
    tasks = 0
    for task in schedule["tasks"]:
        if task["status"] == "cancelled":
            continue
        uid = f"{task['id']}@{slug}"
        if uid not in first:
            fail(f"no event for task {task['id']} ({uid})")
        start = datetime.date.fromisoformat(task["start"])
        end = datetime.date.fromisoformat(task["end"])
        if first[uid][:2] != (start, end + ONE_DAY):
            fail(f"{uid}: DTSTART/DTEND {first[uid][:2]}, expected {start} and {end + ONE_DAY} "
                 f"(the day after its end, {end})")
        expected.add(uid)
        tasks += 1
    occurrences = 0
    for meeting in schedule.get("meetings", []):
        for day in meeting["dates"]:
            uid = f"{meeting['id']}-{day}@{slug}"
            date = datetime.date.fromisoformat(day)
            if first.get(uid, (None, None))[:2] != (date, date + ONE_DAY):
                fail(f"meeting occurrence {uid} missing or not on {day}")
            expected.add(uid)
            occurrences += 1
    if set(first) != expected:
        fail(f"unexpected events: {sorted(set(first) - expected)[:5]}")

    print(f"ics_check: {first_path}: {len(first)} events ({tasks} tasks with DTEND = end + 1 day, "
          f"{occurrences} meeting occurrences, the D-day on {deadline}), all-day dates, "
          f"UIDs unique and identical in {second_path}")


if __name__ == "__main__":
    main()
