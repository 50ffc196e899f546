#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-translations.sh: po/nl.po is valid, complete and up to date with the sources.
#
# Usage: check-translations.sh SOURCE_ROOT
# 1. msgfmt --check --statistics on po/nl.po: no error, no fuzzy, no untranslated message.
# 2. The strings in the files of po/POTFILES.in are extracted afresh and merged into a copy of
#    nl.po: a string added to the sources without a translation counts as untranslated.
# Exits 77 (skipped) while there is no po/nl.po.
set -eu

root=$1
po="$root/po/nl.po"
if [ ! -f "$po" ]; then
  echo "po/nl.po does not exist yet: skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Prints msgfmt's statistics line for $1 and fails when a message is fuzzy or untranslated.
check_stats () {
  if ! msgfmt --check --statistics -o /dev/null "$1" 2> "$tmp/stats"; then
    cat "$tmp/stats"
    return 1
  fi
  stats=$(cat "$tmp/stats")
  echo "$2: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) return 1 ;;
  esac
  return 0
}

status=0
check_stats "$po" "po/nl.po" || status=1

# The same keywords as meson's i18n.gettext(preset: 'glib').
if ! (cd "$root" && xgettext --files-from=po/POTFILES.in --directory=. \
        --output="$tmp/raadswerk.pot" --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
        --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
        --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
        --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
        --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
        --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
        2> "$tmp/xgettext.log"); then
  cat "$tmp/xgettext.log"
  echo "xgettext failed on po/POTFILES.in"
  exit 1
fi
if [ -f "$tmp/raadswerk.pot" ]; then
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/nl.po" "$po" "$tmp/raadswerk.pot"
  if ! check_stats "$tmp/nl.po" "po/nl.po merged with the sources"; then
    echo "messages in the sources without a Dutch translation:"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/nl.po" \
      | grep '^msgid ' | grep -v '^msgid ""$' || true
    status=1
  fi
else
  echo "no translatable strings in the sources yet"
fi
exit $status
