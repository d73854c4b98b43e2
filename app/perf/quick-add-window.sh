#!/usr/bin/env bash
# Measures `tandem add --window` from start to ready for typing (docs/PERFORMANCE.md, "Quick add from anywhere"):
# the tandem.timing quick-add-ready mark (JVM start to the second animation pulse after the window was shown with
# its field focused) and the wall time from the command's start to that line, alternated run by run with the
# desktop app's first frame (--exit-after-first-frame) on the same profile, so both share the machine's load.
#
# Usage: [RUNS=7] [PROFILE=DIR] app/perf/quick-add-window.sh [LAUNCHER...]
#   LAUNCHER: the command to run, default app/tandem (the checkout script, which maps the command line's class
#   archive once it was made); installed: /opt/tandem/bin/tandem-cli for the window and /opt/tandem/bin/Tandem for
#   the app are given as QUICK=… APP=… instead. Needs a display (Xvfb: `Xvfb :77 & DISPLAY=:77`).
set -u
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-7}
PROFILE=${PROFILE:-$(mktemp -d)}
QUICK=${QUICK:-${1:-app/tandem}}
APP=${APP:-${1:-app/tandem}}
out=$(mktemp)
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  JAVA_TOOL_OPTIONS=-Dtandem.timing=true $QUICK --data-dir "$PROFILE" add --window >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do grep -q quick-add-ready "$out" && break; sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  q=$(grep -o 'quick-add-ready-ms=[0-9]*' "$out" | cut -d= -f2)
  qw=$(( (end - start) / 1000000 ))
  JAVA_TOOL_OPTIONS=-Dtandem.timing=true $APP --data-dir "$PROFILE" --exit-after-first-frame >"$out" 2>&1
  a=$(grep -o 'first-frame-ms=[0-9]*' "$out" | cut -d= -f2)
  echo "run $i: quick-add ready ${q} ms (wall ${qw} ms); app first frame ${a} ms; load $(cut -d' ' -f1 /proc/loadavg)"
done
rm -f "$out"
