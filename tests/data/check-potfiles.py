#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-potfiles.py: po/POTFILES.in lists every file with translatable strings, and only files
# that exist.
#
# Usage: check-potfiles.py SOURCE_ROOT
# Scans src/, ui/, resources/ and data/ for translation markers: _("…"), N_("…"), C_("…"),
# NC_(…), ngettext (…) in C, translatable="yes" in GtkBuilder files, and the files gettext
# extracts by their type (desktop files, metainfo, GSettings schemas).

import os
import re
import sys

SCANNED = ("src", "ui", "resources", "data")
SOURCE_SUFFIXES = (".c", ".h", ".ui", ".xml", ".in")
MARKERS = re.compile(
    r"""(?:(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(\s*")"""
    r"""|(?:n|dn|dcn)?gettext\s*\("""
    r"""|translatable\s*=\s*["']yes["']""")


def extracted_by_type(path):
    """Files gettext takes whole, without markers in them."""
    name = os.path.basename(path)
    return (name.endswith(".desktop.in") or name.endswith(".metainfo.xml.in")
            or name.endswith(".appdata.xml.in") or name.endswith(".gschema.xml"))


def has_markers(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    # Comments may mention the markers themselves; strip C comments before looking.
    if path.endswith((".c", ".h")):
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        text = re.sub(r"//[^\n]*", "", text)
    return MARKERS.search(text) is not None


def main():
    if len(sys.argv) != 2:
        print("usage: check-potfiles.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]
    potfiles_in = os.path.join(root, "po", "POTFILES.in")

    listed = []
    with open(potfiles_in, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            listed.append((number, line))

    failures = 0
    seen = set()
    for number, path in listed:
        if path in seen:
            print(f"po/POTFILES.in:{number}: {path} is listed twice")
            failures += 1
        seen.add(path)
        if not os.path.isfile(os.path.join(root, path)):
            print(f"po/POTFILES.in:{number}: {path} does not exist")
            failures += 1

    found = []
    for top in SCANNED:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                if extracted_by_type(rel) or (name.endswith(SOURCE_SUFFIXES) and has_markers(full)):
                    found.append(rel)

    for rel in found:
        if rel not in seen:
            print(f"{rel} has translatable strings but is not in po/POTFILES.in")
            failures += 1

    print(f"{len(found)} files with translatable strings, {len(listed)} listed, "
          f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
