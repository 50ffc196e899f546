#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make-portraits.sh: draws the illustrated portraits of the example organisation (data/demo).
#
# The portraits are drawings, not photos of anyone: a pastel background, a body, a neck, a
# round head, a hair shape, two eyes and a smile. They are committed; run this again only when
# the list below changes:  build-aux/make-portraits.sh [OUTPUT_DIR]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-"$here/../data/demo/portraits"}
convert=/usr/bin/convert
if ! [ -x "$convert" ]; then
  echo "make-portraits.sh: ImageMagick is needed (apt-get install imagemagick)" >&2
  exit 1
fi
mkdir -p "$out"

# file name | background | skin | hair | hair style | shirt | glasses (yes/no)
portraits='
anneke-van-der-meer|#dbe9f6|#f6d5b5|#c0a16b|bob|#c01c28|no
henk-jansen|#e6f4d7|#eec39a|#9a9996|short|#1a5fb4|yes
samira-el-idrissi|#fbe3d6|#b07850|#2b1d16|long|#2ec27e|no
gerda-de-boer|#f3e3f7|#f3cfb0|#deddda|bun|#9141ac|yes
evert-jan-van-t-hof|#fdf0c8|#e8b48a|#63452c|curly|#e66100|no
metin-aydin|#d9f0ee|#c68a5c|#241f31|short|#613583|no
fenna-postma|#fde2e4|#f9dcc4|#e5a50a|long|#26a269|no
'

draw_portrait () {
  local file=$1 bg=$2 skin=$3 hair=$4 style=$5 shirt=$6 glasses=$7
  local -a back=() front=() extra=()

  case "$style" in
    long)
      back=(-fill "$hair" -draw 'roundrectangle 88,78 232,262 64,64')
      front=(-fill "$hair" -draw 'path "M 97,150 A 63,63 0 0,1 223,150 C 200,132 172,118 158,96 C 146,122 122,140 97,150 Z"')
      ;;
    bob)
      back=(-fill "$hair" -draw 'roundrectangle 90,82 230,206 54,54')
      front=(-fill "$hair" -draw 'path "M 96,160 A 64,64 0 0,1 224,160 L 224,140 C 190,140 150,126 132,100 C 122,122 110,140 96,146 Z"')
      ;;
    bun)
      back=(-fill "$hair" -draw 'circle 160,74 160,46')
      front=(-fill "$hair" -draw 'path "M 97,148 A 63,63 0 0,1 223,148 C 196,130 170,124 160,106 C 150,124 124,130 97,148 Z"')
      ;;
    curly)
      front=(-fill "$hair"
             -draw 'circle 112,118 112,92' -draw 'circle 140,96 140,70' -draw 'circle 172,92 172,66'
             -draw 'circle 202,106 202,80' -draw 'circle 216,134 216,112' -draw 'circle 104,142 104,122')
      ;;
    short|*)
      front=(-fill "$hair" -draw 'path "M 97,146 A 63,63 0 0,1 223,146 C 216,124 200,112 176,110 C 150,108 128,118 118,100 C 106,112 99,128 97,146 Z"')
      ;;
  esac

  if [ "$glasses" = yes ]; then
    extra=(-fill none -stroke '#3d3846' -strokewidth 5
           -draw 'circle 136,156 136,176' -draw 'circle 184,156 184,176'
           -draw 'line 156,154 164,154' -stroke none)
  fi

  "$convert" -size 320x320 "xc:$bg" \
    "${back[@]}" \
    -fill "$shirt" -draw 'roundrectangle 54,236 266,420 96,96' \
    -fill "$skin" -draw 'roundrectangle 136,180 184,252 20,20' \
    -fill '#00000022' -draw 'roundrectangle 136,200 184,224 12,12' \
    -fill '#ffffff' -draw 'polygon 134,238 160,272 186,238' \
    -fill "$skin" -draw 'polygon 140,236 160,262 180,236' \
    -fill "$skin" -draw 'circle 160,150 160,87' \
    -draw 'circle 97,156 97,170' -draw 'circle 223,156 223,170' \
    "${front[@]}" \
    -fill '#f6615155' -draw 'circle 128,182 128,170' -draw 'circle 192,182 192,170' \
    -fill '#241f31' -draw 'circle 136,156 136,163' -draw 'circle 184,156 184,163' \
    -fill none -stroke '#241f31' -strokewidth 5 -draw 'path "M 140,190 Q 160,206 180,190"' \
    -stroke none "${extra[@]}" \
    -strip -sampling-factor 4:2:0 -quality 82 "jpeg:$out/$file.jpg"
}

while IFS='|' read -r file bg skin hair style shirt glasses; do
  [ -n "$file" ] || continue
  draw_portrait "$file" "$bg" "$skin" "$hair" "$style" "$shirt" "$glasses"
  echo "$out/$file.jpg"
done <<< "$portraits"
