#!/usr/bin/env bash
# Measures a command's start as a person runs it (docs/PERFORMANCE.md, "Command line: a command's start"): each
# command as a whole process of an app image's bin/tandem-cli, alternated run by run with a baseline image's, on a
# one-todo profile each. Prints every run, then per command the medians (wall, CPU, peak RSS) and the median of the
# per-pair ratios.
#
#   IMAGE=installer/target/jpackage/image/Tandem BASELINE_IMAGE=/path/to/other/Tandem app/perf/cli-start.sh
#
# Environment: RUNS (15), COMMANDS ("list add sync"; sync is an idle sync of a folder remote, s3 an idle sync of
# S3_REMOTE=s3://bucket/prefix with the AWS_* variables set for its server), WORK (scratch dir). Needs /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE=${IMAGE:-$PWD/installer/target/jpackage/image/Tandem}
: "${BASELINE_IMAGE:?BASELINE_IMAGE=/path/to/an/app/image to compare with}"
RUNS=${RUNS:-15}
COMMANDS=${COMMANDS:-list add sync}
WORK=${WORK:-$(mktemp -d)}

declare -A cli=([now]="$IMAGE/bin/tandem-cli" [baseline]="$BASELINE_IMAGE/bin/tandem-cli")
for side in now baseline; do
  [[ -x ${cli[$side]} ]] || { echo "no launcher at ${cli[$side]}" >&2; exit 1; }
  "${cli[$side]}" --data-dir "$WORK/$side" add "Water the plants" >/dev/null
  mkdir -p "$WORK/remote-$side"
  "${cli[$side]}" --data-dir "$WORK/$side" sync --remote "folder:$WORK/remote-$side" >/dev/null
  if [[ " $COMMANDS " == *" s3 "* ]]; then
    "${cli[$side]}" --data-dir "$WORK/$side" sync --remote "${S3_REMOTE:?S3_REMOTE=s3://bucket/prefix}-$side" >/dev/null
  fi
done

words() {
  case $1 in
    list) echo list ;;
    add) echo add "Call the plumber tomorrow" ;;
    sync) echo sync --remote "folder:$WORK/remote-$2" ;;
    s3) echo sync --remote "$S3_REMOTE-$2" ;;
  esac
}

# One run: prints "WALL CPU PEAK_KB".
one() {
  local side=$1 command=$2 args
  read -ra args <<<"$(words "$command" "$side")"
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "${cli[$side]}" --data-dir "$WORK/$side" "${args[@]}" >/dev/null 2>&1
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$WORK/time"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }

for command in $COMMANDS; do
  one now "$command" >/dev/null
  one baseline "$command" >/dev/null
  : >"$WORK/$command.txt"
  for i in $(seq "$RUNS"); do
    # The side that goes first alternates too.
    if ((i % 2)); then order="now baseline"; else order="baseline now"; fi
    declare -A r=()
    for side in $order; do r[$side]=$(one "$side" "$command"); done
    echo "${r[now]} ${r[baseline]}" >>"$WORK/$command.txt"
    printf '%-5s run %2d: now %s  baseline %s  (load %s)\n' "$command" "$i" "${r[now]}" "${r[baseline]}" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

echo "== medians: wall s, CPU s, peak MB; ratio: the median of now/baseline per pair"
printf '| %-5s | %-22s | %-22s | %-6s | %-6s |\n' command now baseline wall CPU
for command in $COMMANDS; do
  f=$WORK/$command.txt
  col() { awk -v c="$1" '{print $c}' "$f" | median; }
  ratio() { awk -v a="$1" -v b="$2" '{printf "%.3f\n", $a / $b}' "$f" | median; }
  printf '| %-5s | %5s s, %4s s, %5.1f MB | %5s s, %4s s, %5.1f MB | %6s | %6s |\n' "$command" \
    "$(col 1)" "$(col 2)" "$(awk -v k="$(col 3)" 'BEGIN {print k / 1024}')" "$(col 4)" "$(col 5)" "$(awk -v k="$(col 6)" 'BEGIN {print k / 1024}')" \
    "$(ratio 1 4)" "$(ratio 2 5)"
done
