#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-demo.py: the example organisation in data/demo is complete and consistent.
#
# Usage: check-demo.py DEMO_DIR
# Checks what the loader and the face-book rely on: the file format, unique ids, known types,
# every reference resolving, valid roles and visibilities, dates the loader understands, the
# portraits present as small 320×320 JPEGs, two linking pins, a few terms ending soon.

import json
import os
import re
import struct
import sys

DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|today[+-]\d+)$")
ROLES = {"chair", "vice-chair", "secretary", "member", "support", "advisor"}
MEMBERSHIPS = {"client", "relative", "external"}
VISIBILITIES = {"organisation", "council", "private"}
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
    if set(by_type) - {"organisation", "council", "member"}:
        fail(f"unknown types {set(by_type) - {'organisation', 'council', 'member'}}")
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
