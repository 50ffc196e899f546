#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-flatpak.py: the Flatpak manifest is valid JSON with what the app needs and no more.
#
# Usage: check-flatpak.py MANIFEST APP_ID
# flatpak-builder cannot build here (no runtime offline); this checks the shape, and a second
# test runs `flatpak-builder --show-manifest` where flatpak-builder is installed.

import json
import sys

FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri",
               "--share=network"}


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"id is not {app_id}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if not str(manifest.get("runtime-version", "")).isdigit():
        problems.append("runtime-version must be a GNOME release such as \"51\"")
    if manifest.get("command") != "raadswerk":
        problems.append("command must be raadswerk")
    extra = set(manifest.get("finish-args", [])) ^ FINISH_ARGS
    if extra:
        problems.append(f"finish-args differ from what the app needs: {sorted(extra)}")
    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "raadswerk":
        problems.append("the last module must be raadswerk")
    else:
        app = modules[-1]
        if app.get("buildsystem") != "meson" or "-Dtests=false" not in app.get("config-opts", []):
            problems.append("raadswerk must build with meson and -Dtests=false")
    for module in modules:
        if not isinstance(module, dict):
            continue
        for source in module.get("sources", []):
            if source.get("type") in ("archive", "file") and not source.get("sha256"):
                problems.append(f"{module.get('name')}: a download without sha256")
    for problem in problems:
        print("FAIL:", problem)
    print(f"{len(modules)} modules, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
