#!/usr/bin/env bash
# Makes the web page's PNG icons from web/icon.svg with headless Chromium (Debian's chromium package); the
# PNGs are committed, so this runs only when icon.svg changes: ui-resources/tools/make-icons.sh
#   icon-192.png, icon-512.png  purpose "any": icon.svg as drawn, its rounded corners transparent.
#   icon-maskable-512.png       purpose "maskable": icon.svg's square without its rounded corners (full bleed)
#                               and the glyph drawn at 80 % about the centre, so that it (190 of 256 px from
#                               the centre at full size, 152 here) stays inside the safe circle of radius
#                               40 % (205 px) whatever shape a launcher cuts.
#   apple-touch-icon.png (180)  the maskable drawing: iOS rounds the corners itself, and would fill
#                               transparent ones with black.
set -euo pipefail
web="$(cd "$(dirname "$0")/../src/main/resources/dev/tandem/ui/web" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$web/icon.svg" "$work/"
# The maskable drawing: the first element (the square) loses its corner radius, the rest is scaled in a group.
sed -E -e '/<rect /{s/ rx="[0-9.]+"//;a <g transform="translate(256 256) scale(0.8) translate(-256 -256)">' -e '}' \
  -e 's#</svg>#</g></svg>#' "$web/icon.svg" > "$work/full-bleed.svg"

# shot NAME SIZE SVG: the SVG drawn on SIZE x SIZE pixels, transparent where it draws nothing.
shot() {
  local name=$1 size=$2 svg=$3
  cat > "$work/$name.html" <<HTML
<!doctype html><html><head><style>
html, body { margin: 0; width: ${size}px; height: ${size}px; overflow: hidden; background: transparent; }
img { display: block; width: ${size}px; height: ${size}px; }
</style></head><body><img src="$svg" alt=""></body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --force-device-scale-factor=1 --window-size="$size,$size" --screenshot="$web/$name.png" \
    "file://$work/$name.html" 2>/dev/null
}

shot icon-192 192 icon.svg
shot icon-512 512 icon.svg
shot icon-maskable-512 512 full-bleed.svg
shot apple-touch-icon 180 full-bleed.svg
ls -l "$web"/*.png
