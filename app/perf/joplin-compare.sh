#!/usr/bin/env bash
# Compares Joplin's command line with Tandem's, whole processes timed from outside, alternated run by run
# (Joplin, Tandem, Joplin, Tandem, ...) so both share the machine's load.
#
#   Part 1, "ITEMS items A -> remote -> fresh B", for each backend (a folder, and S3Proxy over http): device A
#   holds ITEMS open to-dos in one notebook/list, made untimed from one generated Joplin RAW folder (Joplin:
#   `import --format raw`; Tandem: `import --format joplin-raw`), once, and copied afresh for each run. Timed: A's
#   `sync` (push, one process), then a new, empty B's `sync` (pull, one process, which also creates B's profile),
#   against a new, empty remote each run. Then, untimed, B's own list must show the ITEMS items, else it stops.
#   Part 2, "a 10 MB attachment A -> fresh B over S3Proxy": A (one to-do, made untimed) attaches one 10 MB random
#   file (`attach`), syncs, and a new B syncs and downloads the file: Joplin's sync does (its command line fetches
#   every resource before it exits), Tandem's with `sync --attachments`. Each step is one process, timed; their
#   sum is the total. The file's SHA-256 on B (Tandem's saved out untimed, with no remote) must be the original's.
#
# Usage: app/perf/joplin-compare.sh                     (part 1 with 1,000 items, 5 runs; part 2, 3 runs)
#   TANDEM=/opt/tandem/bin/tandem-cli app/perf/joplin-compare.sh
#   ITEMS=50 RUNS=1 PARTS="1 2" BACKENDS="folder s3" app/perf/joplin-compare.sh      (a quick trial)
# Environment:
#   TANDEM    Tandem's command line (default: this checkout's app/tandem; it must be built)
#   JOPLIN    Joplin's command line (default: `joplin` on the PATH; `npm install joplin@3.5.1` brings it)
#   RUNS      runs per tool and backend (default 5 for part 1, 3 for part 2); RUNS2 sets part 2's alone
#   ITEMS     items in part 1 (default 1000); MB the attachment's size in part 2 (default 10)
#   PARTS     "1 2" (default), BACKENDS "folder s3" (default; part 1 only, part 2 is S3 only)
#   WARMUP    untimed rounds of 1-item syncs per tool and backend before the timed ones (default 1): S3Proxy's
#             JIT and the page cache are then warm for the first tool as for the second
#   S3PROXY_JAR  S3Proxy 4.1 with its dependencies (default: ~/.m2's s3proxy-4.1.0-jar-with-dependencies.jar,
#             else the engine build's engine/target/s3proxy/s3proxy.jar); JAVA runs it (default java, JDK 17)
#   WORK      scratch folder (default a new mktemp folder); what the script makes there is deleted at the end
# Needs: bash, awk, coreutils (sha256sum, date), a JDK for S3Proxy, Node for Joplin; /usr/bin/time optional
# (it adds each process's CPU time, user+sys, to the output).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TANDEM=${TANDEM:-$ROOT/app/tandem}
JOPLIN=${JOPLIN:-$(command -v joplin || echo joplin)}
ITEMS=${ITEMS:-1000}
RUNS1=${RUNS:-5}
RUNS2=${RUNS2:-${RUNS:-3}}
MB=${MB:-10}
PARTS=${PARTS:-1 2}
BACKENDS=${BACKENDS:-folder s3}
WARMUP=${WARMUP:-1}
JAVA=${JAVA:-java}
if [[ -z ${S3PROXY_JAR:-} ]]; then
  S3PROXY_JAR=$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar
  [[ -f $S3PROXY_JAR ]] || S3PROXY_JAR=$ROOT/engine/target/s3proxy/s3proxy.jar
fi
for f in "$TANDEM" "$JOPLIN"; do [[ -x $f ]] || { echo "not executable: $f" >&2; exit 1; }; done
[[ -f $S3PROXY_JAR ]] || { echo "no S3Proxy jar at $S3PROXY_JAR (set S3PROXY_JAR)" >&2; exit 1; }

if [[ -n ${WORK:-} ]]; then mkdir -p "$WORK"; W=$(mktemp -d "$WORK/joplin-compare.XXXXXX"); else W=$(mktemp -d); fi
S3PID=
cleanup() {
  if [[ -n $S3PID ]]; then kill "$S3PID" 2>/dev/null || true; wait "$S3PID" 2>/dev/null || true; fi
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$W/tmp"
# Joplin keeps its sync lock file in the temporary folder (os.tmpdir()): one per profile path, deleted with $W.
export TMPDIR=$W/tmp
S3_USER=bench-access
S3_SECRET=bench-secret
export AWS_ACCESS_KEY_ID=$S3_USER AWS_SECRET_ACCESS_KEY=$S3_SECRET AWS_REGION=us-east-1
RESULTS=$W/results.txt
: > "$RESULTS"

die() { echo "FAILED: $*" >&2; exit 1; }
secs() { awk -v n="$1" 'BEGIN {printf "%.3f", n / 1e9}'; }
median() { sort -g | awk '{a[NR]=$1} END {if (!NR) print "-"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }

# timed LOG CMD...: runs one process, its output in LOG; sets NS (wall nanoseconds) and CPU (user+sys seconds, or
# "-" without /usr/bin/time). A failed process stops the script with its output.
NS=0 CPU=-
timed() {
  local log=$1 t0 t1 rc=0; shift
  if [[ -x /usr/bin/time ]]; then
    t0=$(date +%s%N); /usr/bin/time -f '%U %S' -o "$log.cpu" "$@" >"$log" 2>&1 || rc=$?; t1=$(date +%s%N)
    CPU=$(awk '{printf "%.2f", $1 + $2}' "$log.cpu")
  else
    t0=$(date +%s%N); "$@" >"$log" 2>&1 || rc=$?; t1=$(date +%s%N)
  fi
  NS=$((t1 - t0))
  if ((rc != 0)); then tail -20 "$log" >&2; die "exit $rc: $*"; fi
}
quiet() { local log=$W/quiet.log; "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; die "$*"; }; }

# ---- S3Proxy: filesystem backend (a bucket is a folder under its base), fixed credentials, a free port.
S3DIR=$W/s3
PORT=
start_s3proxy() {
  mkdir -p "$S3DIR"
  local attempt p
  for attempt in 1 2 3 4 5; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue  # taken
    cat > "$W/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$p
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_USER
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3DIR
jclouds.identity=$S3_USER
jclouds.credential=$S3_SECRET
EOF
    "$JAVA" -Xmx512m -XX:+UseSerialGC -Djava.io.tmpdir="$W/tmp" -jar "$S3PROXY_JAR" \
      --properties "$W/s3proxy.properties" >"$W/s3proxy.log" 2>&1 &
    S3PID=$!
    local i
    for i in $(seq 150); do
      kill -0 "$S3PID" 2>/dev/null || break
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && grep -q "Started" "$W/s3proxy.log"; then PORT=$p; return; fi
      sleep 0.1
    done
    kill "$S3PID" 2>/dev/null || true; wait "$S3PID" 2>/dev/null || true; S3PID=
  done
  tail -20 "$W/s3proxy.log" >&2
  die "S3Proxy did not start"
}

# ---- Remotes: a fresh one per run. new_remote BACKEND NAME: makes it, prints its folder (folder) or bucket (s3).
new_remote() {
  case $1 in
    folder) rm -rf "$W/remote-$2"; mkdir -p "$W/remote-$2"; echo "$W/remote-$2" ;;
    s3) rm -rf "${S3DIR:?}/$2"; mkdir -p "$S3DIR/$2"; echo "$2" ;;  # S3Proxy's filesystem backend: a bucket
  esac
}
drop_remote() {
  case $1 in folder) rm -rf "$W/remote-$2" ;; s3) rm -rf "${S3DIR:?}/$2" ;; esac
}

# ---- Joplin: the sync target goes into the profile's settings.json before the process starts, so a fresh B's
# profile (database, migrations) is made inside its timed sync, as Tandem's is.
joplin_target() { # PROFILE BACKEND REMOTE
  local p=$1 keys rest
  mkdir -p "$p"
  case $2 in
    folder) keys="\"sync.target\": 2,
\"sync.2.path\": \"$3\"" ;;
    s3) keys="\"sync.target\": 8,
\"sync.8.path\": \"$3\",
\"sync.8.url\": \"http://127.0.0.1:$PORT\",
\"sync.8.region\": \"us-east-1\",
\"sync.8.username\": \"$S3_USER\",
\"sync.8.password\": \"$S3_SECRET\",
\"sync.8.forcePathStyle\": true" ;;
  esac
  if [[ -f $p/settings.json ]]; then rest=$(tail -n +2 "$p/settings.json"); else rest='"$schema": "https://joplinapp.org/schema/settings.json"
}'; fi
  printf '{\n%s,\n%s\n' "$keys" "$rest" > "$p/settings.json"
}
joplin_count() { # PROFILE: the to-dos in notebook Bench, as the command line lists them
  quiet "$JOPLIN" --profile "$1" use Bench
  "$JOPLIN" --profile "$1" ls -n 100000000 -t nt | grep -c . || true
}
tandem_remote() { # BACKEND REMOTE: the remote options of a sync
  case $1 in
    folder) echo "--remote folder:$2" ;;
    s3) echo "--remote s3://$2 --endpoint http://127.0.0.1:$PORT --region us-east-1" ;;
  esac
}
tandem_count() { "$TANDEM" --data-dir "$1" list --json | grep -c '"kind":"todo"' || true; }

# ---- Setup (untimed, once): a Joplin RAW folder with N open to-dos in notebook "Bench", imported by both.
gen_raw() { # DIR N
  mkdir -p "$1/resources"
  awk -v dir="$1" -v n="$2" 'BEGIN {
    ts = "2025-01-01T00:00:00.000Z"; nb = "0b0b0b0b0b0b4b0b8b0b0b0b0b0b0b0b"
    f = dir "/" nb ".md"
    printf "Bench\n\nid: %s\ncreated_time: %s\nupdated_time: %s\nuser_created_time: %s\nuser_updated_time: %s\nencryption_cipher_text: \nencryption_applied: 0\nparent_id: \nis_shared: 0\nshare_id: \nmaster_key_id: \nicon: \nuser_data: \ndeleted_time: 0\ntype_: 2", nb, ts, ts, ts, ts > f
    close(f)
    for (i = 1; i <= n; i++) {
      id = sprintf("be0c%04x%04x4%03x8%03x%012x", int(i / 65536) % 65536, i % 65536, i % 4096, i % 4096, i)
      f = dir "/" id ".md"
      printf "To-do %d: check item %d of the benchmark\n\nDetails for item %d.\n\nid: %s\nparent_id: %s\ncreated_time: %s\nupdated_time: %s\nis_conflict: 0\nlatitude: 0.00000000\nlongitude: 0.00000000\naltitude: 0.0000\nauthor: \nsource_url: \nis_todo: 1\ntodo_due: 0\ntodo_completed: 0\nsource: joplin\nsource_application: net.cozic.joplin-cli\napplication_data: \norder: %.0f\nuser_created_time: %s\nuser_updated_time: %s\nencryption_cipher_text: \nencryption_applied: 0\nmarkup_language: 1\nis_shared: 0\nshare_id: \nconflict_original_id: \nmaster_key_id: \nuser_data: \ndeleted_time: 0\ntype_: 1", i, i, i, id, nb, ts, ts, 1735689600000 + i, ts, ts > f
      close(f)
    }
  }'
}

# A checkout's app/tandem makes its command-line class archive in the background on its first command after a
# build (about 15 s of CPU): wait for that to end so it runs during no timed step.
wait_for_tandem_training() {
  local lock
  lock=$(dirname "$(readlink -f "$TANDEM")")/target/tandem-cli.lock
  [[ -d $lock ]] || return 0
  echo "waiting for app/tandem's class-archive training to finish ($lock)"
  for _ in $(seq 600); do [[ -d $lock ]] || return 0; sleep 1; done
  die "the class-archive training did not finish in 10 minutes"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
JVERSION=$(grep -m1 '"version"' "$(dirname "$(readlink -f "$JOPLIN")")/package.json" 2>/dev/null | cut -d'"' -f4 || true)
echo "joplin: $JOPLIN (${JVERSION:-version unknown}); node $(node --version 2>/dev/null || echo ?)"
# An installed launcher runs its image's own runtime (lib/runtime); app/tandem runs the PATH's java.
RELEASE=$(dirname "$(dirname "$(readlink -f "$TANDEM")")")/lib/runtime/release
if [[ -f $RELEASE ]]; then TVERSION="runtime $(grep -m1 JAVA_VERSION "$RELEASE" | cut -d'"' -f2)"
else TVERSION=$(java -version 2>&1 | head -1); fi
echo "tandem: $TANDEM; $TVERSION"
echo "work: $W"
start_s3proxy
echo "S3Proxy on 127.0.0.1:$PORT (filesystem backend under $S3DIR)"

# The 1-item profiles (part 2's A before it attaches; the warm-up's A), both tools.
echo "setup: 1-item profiles"
quiet "$JOPLIN" --profile "$W/jsmall.saved" mkbook Bench
quiet "$JOPLIN" --profile "$W/jsmall.saved" mktodo "Attach here"
TSMALL_ID=$("$TANDEM" --data-dir "$W/tsmall.saved" add "Attach here" | tail -1)
[[ -n $TSMALL_ID ]] || die "tandem add printed no id"

# ---- Part 1: one run. run1 TOOL BACKEND SAVED_A N RUN_NAME: prints "push_ns pull_ns cpu_push cpu_pull".
run1() {
  local tool=$1 backend=$2 saved=$3 n=$4 name=$5 remote a b got push pull cpua cpub
  remote=$(new_remote "$backend" "$tool-$name")
  a=$W/$tool-A; b=$W/$tool-B
  rm -rf "$a" "$b"; cp -a "$saved" "$a"
  if [[ $tool == joplin ]]; then
    joplin_target "$a" "$backend" "$remote"; joplin_target "$b" "$backend" "$remote"
    timed "$W/push.log" "$JOPLIN" --profile "$a" sync; push=$NS; cpua=$CPU
    timed "$W/pull.log" "$JOPLIN" --profile "$b" sync; pull=$NS; cpub=$CPU
    got=$(joplin_count "$b")
  else
    # shellcheck disable=SC2046
    timed "$W/push.log" "$TANDEM" --data-dir "$a" sync $(tandem_remote "$backend" "$remote"); push=$NS; cpua=$CPU
    # shellcheck disable=SC2046
    timed "$W/pull.log" "$TANDEM" --data-dir "$b" sync $(tandem_remote "$backend" "$remote"); pull=$NS; cpub=$CPU
    got=$(tandem_count "$b")
  fi
  if [[ $got != "$n" ]]; then
    echo "--- A's sync:" >&2; tail -5 "$W/push.log" >&2; echo "--- B's sync:" >&2; tail -5 "$W/pull.log" >&2
    die "$tool over $backend: B lists $got items, not $n"
  fi
  drop_remote "$backend" "$tool-$name"
  echo "$push $pull $cpua $cpub"
}

if [[ " $PARTS " == *" 1 "* ]]; then
  echo "== part 1: $ITEMS items A -> remote -> fresh B (A's sync + B's sync, one process each), $RUNS1 runs"
  echo "setup: $ITEMS to-dos for each tool (untimed)"
  gen_raw "$W/raw" "$ITEMS"
  quiet "$JOPLIN" --profile "$W/jA.saved" import --format raw "$W/raw"
  quiet "$TANDEM" --data-dir "$W/tA.saved" import "$W/raw" --format joplin-raw
  [[ $(joplin_count "$W/jA.saved") == "$ITEMS" ]] || die "Joplin's A does not list $ITEMS items after the import"
  [[ $(tandem_count "$W/tA.saved") == "$ITEMS" ]] || die "Tandem's A does not list $ITEMS items after the import"
  wait_for_tandem_training
  for backend in $BACKENDS; do
    for w in $(seq "$WARMUP"); do
      run1 joplin "$backend" "$W/jsmall.saved" 1 "warm$w" >/dev/null
      run1 tandem "$backend" "$W/tsmall.saved" 1 "warm$w" >/dev/null
    done
    for i in $(seq "$RUNS1"); do
      for tool in joplin tandem; do
        if [[ $tool == joplin ]]; then saved=$W/jA.saved; else saved=$W/tA.saved; fi
        read -r push pull cpua cpub < <(run1 "$tool" "$backend" "$saved" "$ITEMS" "run$i") || exit 1
        [[ -n ${push:-} ]] || exit 1
        total=$((push + pull))
        printf '%-6s %-6s run %d: push %7s s  pull %7s s  total %7s s  (CPU push %s s, pull %s s)  B lists %d\n' \
          "$tool" "$backend" "$i" "$(secs "$push")" "$(secs "$pull")" "$(secs "$total")" "$cpua" "$cpub" "$ITEMS"
        echo "p1 $tool $backend $(secs "$push") $(secs "$pull") $(secs "$total")" >> "$RESULTS"
      done
    done
  done
fi

if [[ " $PARTS " == *" 2 "* ]]; then
  echo "== part 2: a $MB MB attachment A -> S3Proxy -> fresh B (attach + A's sync + B's sync [+ Tandem's download]), $RUNS2 runs"
  FILE=$W/attachment-$MB-MB.bin
  head -c $((MB * 1048576)) /dev/urandom > "$FILE"
  SUM=$(sha256sum "$FILE" | cut -d' ' -f1)
  wait_for_tandem_training
  if [[ " $PARTS " != *" 1 "* ]]; then
    for w in $(seq "$WARMUP"); do
      run1 joplin s3 "$W/jsmall.saved" 1 "warm$w" >/dev/null
      run1 tandem s3 "$W/tsmall.saved" 1 "warm$w" >/dev/null
    done
  fi
  for i in $(seq "$RUNS2"); do
    for tool in joplin tandem; do
      bucket=$(new_remote s3 "$tool-att$i")
      a=$W/$tool-A; b=$W/$tool-B
      rm -rf "$a" "$b"
      if [[ $tool == joplin ]]; then
        cp -a "$W/jsmall.saved" "$a"
        joplin_target "$a" s3 "$bucket"; joplin_target "$b" s3 "$bucket"
        timed "$W/attach.log" "$JOPLIN" --profile "$a" attach "Attach here" "$FILE"; attach=$NS; cpu0=$CPU
        timed "$W/push.log" "$JOPLIN" --profile "$a" sync; push=$NS; cpua=$CPU
        timed "$W/pull.log" "$JOPLIN" --profile "$b" sync; pull=$NS; cpub=$CPU
        got=$(find "$b/resources" -type f -size "$((MB * 1048576))c" 2>/dev/null | head -1)
      else
        cp -a "$W/tsmall.saved" "$a"
        remote=$(tandem_remote s3 "$bucket")
        timed "$W/attach.log" "$TANDEM" --data-dir "$a" attach "$TSMALL_ID" "$FILE"; attach=$NS; cpu0=$CPU
        # shellcheck disable=SC2086
        timed "$W/push.log" "$TANDEM" --data-dir "$a" sync $remote; push=$NS; cpua=$CPU
        # shellcheck disable=SC2086
        timed "$W/pull.log" "$TANDEM" --data-dir "$b" sync $remote --attachments; pull=$NS; cpub=$CPU
        # Untimed, and with no remote: the copy B holds now, saved out to be compared.
        "$TANDEM" --data-dir "$b" attachments "$TSMALL_ID" --save "$W/saved-$i" >"$W/fetch.log" 2>&1
        got=$(find "$W/saved-$i" -type f -size "$((MB * 1048576))c" 2>/dev/null | head -1)
      fi
      [[ -n $got ]] || { tail -5 "$W/pull.log" >&2; die "$tool: B has no $MB MB file after the steps"; }
      bsum=$(sha256sum "$got" | cut -d' ' -f1)
      [[ $bsum == "$SUM" ]] || die "$tool: B's file $got has SHA-256 $bsum, not $SUM"
      rm -rf "$W/saved-$i"
      drop_remote s3 "$tool-att$i"
      total=$((attach + push + pull))
      printf '%-6s s3     run %d: attach %6s s  push %6s s  pull %6s s  total %7s s  (CPU %s+%s+%s s)  SHA-256 ok\n' \
        "$tool" "$i" "$(secs "$attach")" "$(secs "$push")" "$(secs "$pull")" "$(secs "$total")" "$cpu0" "$cpua" "$cpub"
      echo "p2 $tool s3 $(secs "$attach") $(secs "$push") $(secs "$pull") $(secs "$total")" >> "$RESULTS"
    done
  done
fi

echo "== medians (seconds, wall time of whole processes) and the ratio Joplin / Tandem"
col() { awk -v p="$1" -v t="$2" -v b="$3" -v c="$4" '$1 == p && $2 == t && $3 == b {print $c}' "$RESULTS" | median; }
# The ratio Joplin / Tandem of each run's pair (the tools alternate, so run i of one is beside run i of the other):
# "median (lowest-highest)".
per_run() {
  awk -v p="$1" -v b="$2" -v c="$3" '$1 == p && $3 == b { if ($2 == "joplin") j[++nj] = $c; else t[++nt] = $c }
    END { for (i = 1; i <= nj && i <= nt; i++) if (t[i] > 0) printf "%.2f\n", j[i] / t[i] }' "$RESULTS" \
    | sort -g | awk '{a[NR] = $1} END { if (NR) printf "%s (%s-%s)", a[int((NR + 1) / 2)], a[1], a[NR]; else print "-" }'
}
if grep -q '^p1 ' "$RESULTS"; then
  printf '%-32s %9s %9s %9s\n' "part 1, $ITEMS items" push pull total
  for backend in $BACKENDS; do
    for tool in joplin tandem; do
      printf '%-32s %9s %9s %9s\n' "$tool, $backend" "$(col p1 $tool "$backend" 4)" "$(col p1 $tool "$backend" 5)" "$(col p1 $tool "$backend" 6)"
    done
    printf '%-32s %9s %9s %9s\n' "Joplin / Tandem, $backend" \
      "$(ratio "$(col p1 joplin "$backend" 4)" "$(col p1 tandem "$backend" 4)")" \
      "$(ratio "$(col p1 joplin "$backend" 5)" "$(col p1 tandem "$backend" 5)")" \
      "$(ratio "$(col p1 joplin "$backend" 6)" "$(col p1 tandem "$backend" 6)")"
    echo "Joplin / Tandem per run, $backend: total $(per_run p1 "$backend" 6)"
  done
fi
if grep -q '^p2 ' "$RESULTS"; then
  printf '%-32s %9s %9s %9s %9s\n' "part 2, $MB MB attachment" attach push pull total
  for tool in joplin tandem; do
    printf '%-32s %9s %9s %9s %9s\n' "$tool, s3" "$(col p2 $tool s3 4)" "$(col p2 $tool s3 5)" "$(col p2 $tool s3 6)" \
      "$(col p2 $tool s3 7)"
  done
  printf '%-32s %9s %9s %9s %9s\n' "Joplin / Tandem, s3" \
    "$(ratio "$(col p2 joplin s3 4)" "$(col p2 tandem s3 4)")" "$(ratio "$(col p2 joplin s3 5)" "$(col p2 tandem s3 5)")" \
    "$(ratio "$(col p2 joplin s3 6)" "$(col p2 tandem s3 6)")" "$(ratio "$(col p2 joplin s3 7)" "$(col p2 tandem s3 7)")"
  echo "Joplin / Tandem per run, s3: total $(per_run p2 s3 7)"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
