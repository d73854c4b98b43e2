#!/usr/bin/env bash
# Measures the figures in docs/PERFORMANCE.md (section App): cold start to first frame and RSS with 10,000 todos,
# with the real app under Xvfb, in each configuration side by side (run i of every configuration, then run i+1, so
# they share the machine's load).
#
# Configurations:
#   packaged    the jpackage app image's launcher, as a user gets it (AppCDS archive, launcher JVM options).
#               Build it first: mvn -Pinstaller -Dinstaller.type=app-image -DskipTests package
#   classpath   plain `java -cp` of the app jar and its dependencies with default JVM options (app/tandem, an IDE).
#   baseline    optional: another app image to compare against, BASELINE_IMAGE=/path/to/Tandem (its bin/Tandem).
#   baseline-cp optional: another build on the plain class path, BASELINE_CP=jar:jar:... (e.g. an older commit's).
#
# Environment: RUNS (default 7), RSS_RUNS (3; 0 skips RSS), RSS_SETTLE (seconds before RSS is read, 8), CONFIGS
# (default "packaged classpath", plus the baselines that are set), DATA ("empty 10k"; any "<N>k" is seeded with
# N thousand todos, e.g. DATA="empty 10k 100k"), WORK (scratch dir). Needs Xvfb and /usr/bin/time
# (apt-get install xvfb xauth time). Run from anywhere after `mvn -q install -DskipTests && mvn -q -pl app test-compile`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${WORK:-$(mktemp -d)}
RUNS=${RUNS:-7}
RSS_RUNS=${RSS_RUNS:-3}
DATA=${DATA:-empty 10k}
IMAGE=${IMAGE:-$ROOT/installer/target/jpackage/image/Tandem}
default_configs="packaged classpath"
[[ -n ${BASELINE_IMAGE:-} ]] && default_configs="baseline $default_configs"
[[ -n ${BASELINE_CP:-} ]] && default_configs="$default_configs baseline-cp"
CONFIGS=${CONFIGS:-$default_configs}

mvn -q -o -pl app dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime >/dev/null
mvn -q -o -pl app dependency:build-classpath -Dmdep.outputFile="$WORK/testcp.txt" -DincludeScope=test >/dev/null
APP_JAR=$(ls app/target/tandem-app-*.jar | head -1)
# This checkout's own modules, not whatever another checkout last installed into ~/.m2.
own() { sed -E -e "s#[^:]*/(tandem-engine-[^:/]*\.jar)#$ROOT/engine/target/\1#" \
             -e "s#[^:]*/(tandem-ui-resources-[^:/]*\.jar)#$ROOT/ui-resources/target/\1#" "$1"; }
CP="$APP_JAR:$(own "$WORK/cp.txt")"
SEED_CP="$ROOT/app/target/classes:$ROOT/app/target/test-classes:$(own "$WORK/testcp.txt")"

for c in $CONFIGS; do
  case $c in
    packaged) [[ -x $IMAGE/bin/Tandem ]] || { echo "no app image at $IMAGE: mvn -Pinstaller -Dinstaller.type=app-image -DskipTests package" >&2; exit 1; } ;;
    baseline) [[ -x ${BASELINE_IMAGE:-}/bin/Tandem ]] || { echo "BASELINE_IMAGE has no bin/Tandem" >&2; exit 1; } ;;
    baseline-cp) [[ -n ${BASELINE_CP:-} ]] || { echo "BASELINE_CP is not set" >&2; exit 1; } ;;
    classpath) ;;
    *) echo "unknown configuration $c" >&2; exit 1 ;;
  esac
done

# Prints the command line that starts configuration $1; timing goes in through JAVA_TOOL_OPTIONS for the launchers
# (they ignore JDK_JAVA_OPTIONS and take no -D on their command line).
launch() {
  case $1 in
    packaged) echo "$IMAGE/bin/Tandem" ;;
    baseline) echo "$BASELINE_IMAGE/bin/Tandem" ;;
    classpath) echo "java -cp $CP dev.tandem.app.Main" ;;
    baseline-cp) echo "java -cp $BASELINE_CP dev.tandem.app.Main" ;;
  esac
}

source app/perf/xvfb.sh

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
best() { sort -n | head -1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# One start to first frame: prints "FIRST_FRAME_MS CPU_MS LAUNCH_MS PHASES" (CPU: user+sys of the whole process, to
# exit; LAUNCH: the wall clock from just before the launcher started to the JVM's start, which the app reports).
one_start() {
  local config=$1 dir=$2 out t0
  t0=$(date +%s%3N)
  out=$( { JAVA_TOOL_OPTIONS="-Dtandem.timing=true" timeout 120 /usr/bin/time -f "time-cpu=%U+%S" \
           $(launch "$config") --data-dir "$dir" --exit-after-first-frame; } 2>&1 ) || true
  local ff cpu phases jvm launch=FAIL
  ff=$(grep -o 'first-frame-ms=[0-9]*' <<<"$out" | cut -d= -f2 || true)
  jvm=$(grep -o 'jvm-start-epoch=[0-9]*' <<<"$out" | cut -d= -f2 || true)
  [[ -z $jvm ]] || launch=$((jvm - t0))
  cpu=$(grep -o 'time-cpu=[0-9.+]*' <<<"$out" | cut -d= -f2 | awk -F+ '{printf "%d", ($1+$2)*1000}' || true)
  phases=$(grep -o '[a-z-]*-ms=[0-9]*' <<<"$out" | grep -v first-frame | sed 's/-ms=/=/' | tr '\n' ' ' || true)
  echo "${ff:-FAIL} ${cpu:-0} $launch $phases"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "configurations: $CONFIGS; runs: $RUNS; load average at start: $(load)"
for data in $DATA; do
  if [[ $data =~ ^([0-9]+)k$ && ! -d $WORK/$data ]]; then
    java -cp "$SEED_CP" dev.tandem.app.tools.SeedData "$WORK/$data" "${BASH_REMATCH[1]}000" 2>/dev/null | tail -1
  fi
  echo "== cold start to first frame, data: $data"
  # Not counted: the first start on a new X server and after a build pays for caches (fonts, page cache) once.
  for c in $CONFIGS; do one_start "$c" "$WORK/warm-up-$c" >/dev/null; done
  for i in $(seq "$RUNS"); do
    for c in $CONFIGS; do
      if [[ $data == empty ]]; then dir=$WORK/empty-$c; rm -rf "$dir"; else dir=$WORK/$data; fi
      read -r ff cpu launch phases < <(one_start "$c" "$dir")
      total=FAIL
      [[ $ff == FAIL || $launch == FAIL ]] || total=$((ff + launch))
      printf '%-11s run %d: first frame %5s ms (%5s from the launcher'"'"'s start), CPU %5s ms  %s (load %s)\n' \
        "$c" "$i" "$ff" "$total" "$cpu" "$phases" "$(load)"
      echo "$ff" >> "$WORK/ff-$c-$data.txt"
      echo "$total" >> "$WORK/total-$c-$data.txt"
      echo "$cpu" >> "$WORK/cpu-$c-$data.txt"
      echo "$phases" >> "$WORK/phases-$c-$data.txt"
    done
  done
done

echo "== summary (ms; load average at the end: $(load))"
printf '| %-11s | %-5s | %-6s | %-5s | %-13s | %-6s | %s |\n' configuration data median best "from launcher" CPU failed
for data in $DATA; do
  for c in $CONFIGS; do
    ok=$(grep -v FAIL "$WORK/ff-$c-$data.txt" || true)
    printf '| %-11s | %-5s | %-6s | %-5s | %-13s | %-6s | %s |\n' "$c" "$data" "$(median <<<"$ok")" "$(best <<<"$ok")" \
      "$(grep -v FAIL "$WORK/total-$c-$data.txt" | median)" "$(median < "$WORK/cpu-$c-$data.txt")" \
      "$(grep -c FAIL "$WORK/ff-$c-$data.txt" || true)"
  done
done

echo "== median of each start-up phase (ms from JVM start; cpu: the app's own CPU time at its first frame)"
for data in $DATA; do
  for c in $CONFIGS; do
    line="$c $data:"
    for k in $(tr ' ' '\n' < "$WORK/phases-$c-$data.txt" | grep = | cut -d= -f1 | awk '!seen[$0]++'); do
      line="$line $k=$(tr ' ' '\n' < "$WORK/phases-$c-$data.txt" | grep "^$k=" | cut -d= -f2 | median)"
    done
    echo "$line first-frame=$(grep -v FAIL "$WORK/ff-$c-$data.txt" | median)"
  done
done

for data in $DATA; do
  [[ $RSS_RUNS -gt 0 && $data != empty ]] || continue
  echo "== RSS with $data todos, ${RSS_SETTLE:-8} s after start, the Inbox showing 90 % of them ($RSS_RUNS runs each)"
  for c in $CONFIGS; do
    : > "$WORK/rss-$c-$data.txt"
    for _ in $(seq "$RSS_RUNS"); do
      $(launch "$c") --data-dir "$WORK/$data" >/dev/null 2>&1 &
      app=$!
      sleep "${RSS_SETTLE:-8}"
      # The launcher is the JVM's own process (it loads libjvm), so its RSS is the app's.
      awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status" >> "$WORK/rss-$c-$data.txt"
      kill "$app"
      wait "$app" 2>/dev/null || true
    done
    echo "$c $data: $(tr '\n' ' ' < "$WORK/rss-$c-$data.txt")MB, median $(median < "$WORK/rss-$c-$data.txt") MB (load $(load))"
  done
done
