#!/usr/bin/env bash
# Measures the figures in docs/PERFORMANCE.md (section App): cold start to first frame (median of 7) and RSS with
# 10,000 todos (median of 3), with the real app under Xvfb. Needs: xvfb-run (apt-get install xvfb xauth).
# Run from the repository root after `mvn -q install -DskipTests && mvn -q -pl app test-compile`.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-$(mktemp -d)}
mvn -q -o -pl app dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat "$WORK/cp.txt")"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== cold start to first frame (empty data dir, 7 runs)"
: > "$WORK/start.txt"
for i in 1 2 3 4 5 6 7; do
  rm -rf "$WORK/empty"
  out=$(xvfb-run -a -s "-screen 0 1600x1000x24" java -Dtandem.timing=true -cp "$CP" dev.tandem.app.Main \
        --data-dir "$WORK/empty" --exit-after-first-frame 2>/dev/null)
  echo "$out" | grep -o 'first-frame-ms=[0-9]*' | cut -d= -f2 | tee -a "$WORK/start.txt"
done
echo "median first frame: $(median < "$WORK/start.txt") ms"

echo "== cold start with 10,000 todos (7 runs)"
java -cp "$CP" dev.tandem.app.tools.SeedData "$WORK/10k" 10000
: > "$WORK/start10k.txt"
for i in 1 2 3 4 5 6 7; do
  out=$(xvfb-run -a -s "-screen 0 1600x1000x24" java -Dtandem.timing=true -cp "$CP" dev.tandem.app.Main \
        --data-dir "$WORK/10k" --exit-after-first-frame 2>/dev/null)
  echo "$out" | grep -o 'first-frame-ms=[0-9]*' | cut -d= -f2 | tee -a "$WORK/start10k.txt"
done
echo "median first frame with 10k: $(median < "$WORK/start10k.txt") ms"

echo "== RSS with 10,000 todos, 8 s after start, Inbox showing all of them (3 runs)"
: > "$WORK/rss.txt"
DISP=:${PERF_DISPLAY:-77}
Xvfb "$DISP" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
for i in 1 2 3; do
  DISPLAY=$DISP java -cp "$CP" dev.tandem.app.Main --data-dir "$WORK/10k" >/dev/null 2>&1 &
  app=$!
  sleep 8
  grep VmRSS "/proc/$app/status" | awk '{print int($2/1024)}' | tee -a "$WORK/rss.txt"
  kill "$app"
  wait "$app" || true
done
kill "$xvfb"
echo "median RSS: $(median < "$WORK/rss.txt") MB"
