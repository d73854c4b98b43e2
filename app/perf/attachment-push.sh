#!/usr/bin/env bash
# A large attachment pushed to an encrypted folder remote by the command line, whole processes, against the floor of
# the same bytes hashed, encrypted and written durably by the system's own tools, alternated run by run.
#
#   Setup (untimed, once): a profile whose sync settings are saved (a folder remote, encrypted, the passphrase saved),
#   synced twice (so its key-cache holds the stretched key, as on any device after its first sync), then a file of MB
#   random MiB attached. Each run restores the profile and the remote from that copy, then times:
#     now       `tandem-cli --data-dir P sync`: what a person runs
#     before    the same with `-Dtandem.systemCrypto=false` and no key-cache: the JDK's AES-GCM and a stretch
#     floor     sha256sum of the file, then openssl enc -aes-256-ctr of it piped into dd conv=fsync
#   and prints each run, then the medians and the per-run ratios to the floor.
#
# Usage: IMAGE=installer/target/jpackage/image/Tandem app/perf/attachment-push.sh
# Environment: TANDEM (default $IMAGE/bin/tandem-cli, else app/tandem), MB (default 90), RUNS (default 7),
#   VARIANTS (default "now before floor"), WORK (default a new mktemp folder, deleted at the end).
# Needs: bash, coreutils, openssl, bc.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if [[ -n ${IMAGE:-} ]]; then TANDEM=${TANDEM:-$IMAGE/bin/tandem-cli}; else TANDEM=${TANDEM:-$HERE/../tandem}; fi
MB=${MB:-90}
RUNS=${RUNS:-7}
VARIANTS=${VARIANTS:-now before floor}
if [[ -n ${WORK:-} ]]; then mkdir -p "$WORK"; W=$(mktemp -d "$WORK/push.XXXXXX"); else W=$(mktemp -d); fi
trap 'rm -rf "$W"' EXIT
export TANDEM_PASSPHRASE="correct horse battery staple"

head -c $((MB * 1024 * 1024)) /dev/urandom > "$W/file.bin"
mkdir "$W/remote"
"$TANDEM" --data-dir "$W/profile" add "A large file" >/dev/null
"$TANDEM" --data-dir "$W/profile" sync --remote "folder:$W/remote" --save >/dev/null 2>&1
unset TANDEM_PASSPHRASE
"$TANDEM" --data-dir "$W/profile" sync >/dev/null
id=$("$TANDEM" --data-dir "$W/profile" list --json | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
"$TANDEM" --data-dir "$W/profile" attach "$id" "$W/file.bin" >/dev/null
[[ -f $W/profile/key-cache ]] || { echo "no key-cache after two syncs from the saved settings" >&2; exit 1; }
mv "$W/profile" "$W/profile.base"
mv "$W/remote" "$W/remote.base"

seconds() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }

run() {
  local v=$1 s e
  rm -rf "$W/profile" "$W/remote" "$W/floor.out"
  if [[ $v != floor ]]; then
    cp -a "$W/profile.base" "$W/profile"
    cp -a "$W/remote.base" "$W/remote"
  fi
  [[ $v == before ]] && rm -f "$W/profile/key-cache"
  sync
  s=$(date +%s%N)
  case $v in
    now) "$TANDEM" --data-dir "$W/profile" sync >/dev/null ;;
    before) JAVA_TOOL_OPTIONS=-Dtandem.systemCrypto=false "$TANDEM" --data-dir "$W/profile" sync >/dev/null 2>&1 ;;
    floor)
      sha256sum "$W/file.bin" >/dev/null
      openssl enc -aes-256-ctr -K "$(printf '%064d' 0)" -iv "$(printf '%032d' 0)" -in "$W/file.bin" \
        | dd of="$W/floor.out" bs=1M conv=fsync status=none ;;
  esac
  e=$(date +%s%N)
  if [[ $v != floor ]] && (( $(du -sm "$W/remote" | cut -f1) < MB )); then
    echo "$v: the file did not reach the remote" >&2
    exit 1
  fi
  seconds "$s" "$e"
}

echo "tandem: $TANDEM; $MB MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A all
for ((i = 1; i <= RUNS; i++)); do
  line="run $i:"
  declare -A this=()
  for v in $VARIANTS; do
    this[$v]=$(run "$v")
    all[$v]="${all[$v]:-} ${this[$v]}"
    line+="  $v ${this[$v]} s"
  done
  if [[ -n ${this[floor]:-} ]]; then
    for v in $VARIANTS; do
      [[ $v == floor ]] && continue
      r=$(echo "scale=2; ${this[$v]} / ${this[floor]}" | bc)
      all[$v/floor]="${all[$v/floor]:-} $r"
      line+="  $v/floor ${r}x"
    done
  fi
  echo "$line"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for k in "${!all[@]}"; do
  echo "median $k: $(echo "${all[$k]}" | median)"
done | sort
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
