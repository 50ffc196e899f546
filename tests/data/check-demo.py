#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-demo.py: the example organisation in data/demo is complete and consistent.
#
# Usage: check-demo.py DEMO_DIR
# Checks what the loader and the face-book rely on: the file format, unique ids, known types,
# every reference resolving, valid roles and visibilities, dates the loader understands, the
# portraits present as small 320×320 JPEGs, two linking pins, a few terms ending soon; a
# playing field with contacts and signals private to their council, with known values.

import json
import os
import re
import struct
import sys

DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|today[+-]\d+)$")
ROLES = {"chair", "vice-chair", "secretary", "member", "support", "advisor"}
MEMBERSHIPS = {"client", "relative", "external"}
VISIBILITIES = {"organisation", "council", "private"}
TYPES = {"organisation", "council", "member", "stakeholder", "contact", "signal"}
CATEGORIES = {"director", "supervisory-board", "works-council", "staff", "clients", "relatives",
              "care-purchaser", "inspectorate", "municipality", "support-officer",
              "other-council", "own"}
RELATIONS = {"good", "neutral", "strained"}
RIGHTS = {"information", "consultation", "advice", "consent", "none"}
CONTACT_KINDS = {"meeting", "call", "visit", "email", "purchase-talk", "inspection-visit"}
SOURCES = {"living-room", "department-meeting", "exit-visit", "survey", "email",
           "mystery-guest", "other"}
STATUSES = {"new", "on-agenda", "handled", "feedback-given"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def jpeg_size(path):
    """Width and height from a JPEG's first SOF marker, or None when it is no JPEG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def days_from_today(value):
    if value.startswith("today"):
        return int(value[5:])
    return None


def check_private(doc, councils):
    """A council's private record: scope "council" and an existing council."""
    if doc.get("scope") != "council":
        fail(f"{doc['_id']}: a {doc['type']} must have \"scope\": \"council\"")
    if doc.get("council_id") not in councils:
        fail(f"{doc['_id']}: unknown council {doc.get('council_id')!r}")


def check_playing_field(by_type, councils):
    parties = {p["_id"]: p for p in by_type.get("stakeholder", [])}
    per_council = {}
    for p in parties.values():
        pid = p["_id"]
        check_private(p, councils)
        per_council.setdefault(p.get("council_id"), set()).add(p.get("category"))
        if not p.get("name"):
            fail(f"{pid}: no name")
        if p.get("category") not in CATEGORIES:
            fail(f"{pid}: unknown category {p.get('category')!r}")
        if p.get("relation") not in RELATIONS:
            fail(f"{pid}: unknown relation {p.get('relation')!r}")
        if p.get("formal_right") not in RIGHTS:
            fail(f"{pid}: unknown formal right {p.get('formal_right')!r}")
        for field in ("influence", "interest"):
            if not isinstance(p.get(field), int) or not 1 <= p[field] <= 5:
                fail(f"{pid}: {field} must be 1 to 5")
        if p.get("category") == "other-council" and p.get("other_council_id") not in councils:
            fail(f"{pid}: another council's party must name that council")
    # The CCR's field is full: every category the map knows but "own" may be left out.
    ccr = next((c for c in councils.values() if c.get("kind") == "central"), None)
    if ccr is not None and len(per_council.get(ccr["_id"], set())) < 11:
        fail("the central council's playing field lacks categories")
    contacted = set()
    for c in by_type.get("contact", []):
        check_private(c, councils)
        party = parties.get(c.get("stakeholder_id"))
        if party is None:
            fail(f"{c['_id']}: unknown party {c.get('stakeholder_id')!r}")
            continue
        if party.get("council_id") != c.get("council_id"):
            fail(f"{c['_id']}: in another council than its party")
        if c.get("kind") not in CONTACT_KINDS:
            fail(f"{c['_id']}: unknown kind {c.get('kind')!r}")
        if not DATE.match(c.get("date", "")) or not c.get("summary"):
            fail(f"{c['_id']}: needs a date and a summary")
        contacted.add(party["_id"])
    if len(parties) - len(contacted) < 1:
        fail("no party was never spoken to: the overdue list would not show that case")


def check_signals(by_type, councils):
    signals = by_type.get("signal", [])
    if len(signals) < 10:
        fail(f"{len(signals)} signals, wanted at least 10")
    for s in signals:
        sid = s["_id"]
        check_private(s, councils)
        if s.get("source") not in SOURCES:
            fail(f"{sid}: unknown source {s.get('source')!r}")
        if s.get("status") not in STATUSES:
            fail(f"{sid}: unknown status {s.get('status')!r}")
        for field in ("theme", "location", "text"):
            if not s.get(field):
                fail(f"{sid}: no {field}")
        for field in ("received", "feedback_due", "handled", "feedback_given"):
            if field in s and not DATE.match(s[field]):
                fail(f"{sid}: {field} {s[field]!r} is neither YYYY-MM-DD nor today±N")
        if s.get("raised_by_kind") != "group":
            fail(f"{sid}: example signals are raised by a group, never a named person")
        if s.get("status") in ("handled", "feedback-given") and not s.get("outcome"):
            fail(f"{sid}: handled without an outcome")
        if s.get("status") == "feedback-given" and not s.get("feedback_given"):
            fail(f"{sid}: feedback given without a date")


def main():
    demo = sys.argv[1]
    with open(os.path.join(demo, "organisation.json"), encoding="utf-8") as f:
        top = json.load(f)
    if top.get("format") != "raadswerk-demo-1":
        fail(f"format is {top.get('format')!r}, not 'raadswerk-demo-1'")
    docs = top.get("documents", [])
    ids = [d.get("_id") for d in docs]
    if len(ids) != len(set(ids)) or None in ids:
        fail("document ids are missing or not unique")
    by_type = {}
    for d in docs:
        by_type.setdefault(d.get("type"), []).append(d)
    if set(by_type) - TYPES:
        fail(f"unknown types {set(by_type) - TYPES}")
    if len(by_type.get("organisation", [])) != 1:
        fail("there must be exactly one organisation")

    councils = {c["_id"]: c for c in by_type.get("council", [])}
    central = [c for c in councils.values() if c.get("kind") == "central"]
    local = [c for c in councils.values() if c.get("kind") == "local"]
    if len(central) != 1 or len(local) != 4:
        fail(f"{len(central)} central and {len(local)} local councils, wanted 1 and 4")
    for c in local:
        if c.get("parent_id") not in councils or not c.get("location"):
            fail(f"{c['_id']}: a local council needs a location and an existing parent")

    members = by_type.get("member", [])
    if not 30 <= len(members) <= 40:
        fail(f"{len(members)} members, wanted about 35")
    roles_per_council = {cid: set() for cid in councils}
    pins = []
    soon = 0
    portraits = 0
    for m in members:
        mid = m["_id"]
        for field in ("name", "council_id", "role", "membership", "email", "phone"):
            if not m.get(field):
                fail(f"{mid}: no {field}")
        if m.get("council_id") not in councils:
            fail(f"{mid}: unknown council {m.get('council_id')!r}")
            continue
        roles_per_council[m["council_id"]].add(m.get("role"))
        if m.get("role") not in ROLES:
            fail(f"{mid}: unknown role {m.get('role')!r}")
        if m.get("membership") not in MEMBERSHIPS:
            fail(f"{mid}: unknown membership {m.get('membership')!r}")
        for field in ("email_visibility", "phone_visibility"):
            if m.get(field) not in VISIBILITIES:
                fail(f"{mid}: {field} is {m.get(field)!r}")
        if not m["email"].endswith("@example.org"):
            fail(f"{mid}: e-mail address outside example.org")
        if not re.match(r"^06-12345\d{3}$", m["phone"]):
            fail(f"{mid}: phone number {m['phone']!r} is not a 06-12345xxx number")
        for field in ("attention_areas", "expertise", "linking_pins"):
            if not isinstance(m.get(field, []), list):
                fail(f"{mid}: {field} is not an array")
        for field in ("term_start", "term_end"):
            if field in m and not DATE.match(m[field]):
                fail(f"{mid}: {field} {m[field]!r} is neither YYYY-MM-DD nor today±N")
        end = days_from_today(m.get("term_end", ""))
        if end is not None and 0 <= end <= 91:
            soon += 1
        for pin in m.get("linking_pins", []):
            if pin not in councils or pin == m["council_id"]:
                fail(f"{mid}: linking pin to {pin!r}")
            pins.append(mid)
        photo = m.get("_attachments", {}).get("photo")
        if photo:
            portraits += 1
            path = os.path.join(demo, photo.get("file", ""))
            if photo.get("content_type") != "image/jpeg" or not os.path.isfile(path):
                fail(f"{mid}: portrait {photo!r} missing or not image/jpeg")
                continue
            if jpeg_size(path) != (320, 320):
                fail(f"{mid}: {photo['file']} is not a 320×320 JPEG")
            if os.path.getsize(path) >= 30 * 1024:
                fail(f"{mid}: {photo['file']} is 30 KB or more")

    check_playing_field(by_type, councils)
    check_signals(by_type, councils)

    for cid, roles in roles_per_council.items():
        for needed in ("chair", "secretary", "support"):
            if needed not in roles:
                fail(f"{cid} has no {needed}")
    if len(pins) != 2:
        fail(f"{len(pins)} linking pins, wanted exactly 2")
    if not 4 <= soon <= 7:
        fail(f"{soon} terms end within 3 months, wanted about 5")
    if not 5 <= portraits <= 8:
        fail(f"{portraits} portraits, wanted 5 to 8")

    print(f"{len(councils)} councils, {len(members)} members, {portraits} portraits, "
          f"{len(pins)} linking pins, {soon} terms ending soon")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
