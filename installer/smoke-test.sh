#!/usr/bin/env bash
# Smoke test of the packaged app: builds the Linux app image (no .deb, to save ~45 s) and starts its launcher
# under Xvfb with a throwaway data directory and home, asking the app to quit after its first frame. Passes when
# the launcher exits 0 and the app printed its "first frame" line.
#
#   installer/smoke-test.sh                       build the app image, then test its launcher
#   installer/smoke-test.sh /opt/tandem/bin/Tandem    test an already built or installed launcher (no build)
#
# Needs xvfb-run, xauth, GTK 3 and (to build) objcopy; when they are missing and we are root on Debian/Ubuntu,
# installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

FIRST_FRAME_LINE='Tandem started: first frame shown'
TIMEOUT_SECONDS="${TANDEM_SMOKE_TIMEOUT:-120}"
started=$SECONDS

die() {
  echo "smoke-test: FAIL: $*" >&2
  exit 1
}

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
ldconfig -p | grep -q libgtk-3.so.0 || missing+=(libgtk-3-0)
# objcopy strips the runtime's native libraries while building the image.
[[ $# -gt 0 ]] || command -v objcopy >/dev/null || missing+=(binutils)
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "smoke-test: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing ${missing[*]}: sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
fi

if [[ $# -gt 0 ]]; then
  launcher="$1"
else
  echo "smoke-test: building the app image (mvn -Pinstaller -Dinstaller.type=app-image package)"
  build_started=$SECONDS
  mvn -B -ntp -q -Pinstaller -DskipTests -Dinstaller.type=app-image package \
    || die "the installer build failed (see above)"
  echo "smoke-test: app image built in $((SECONDS - build_started)) s"
  launcher=installer/target/jpackage/image/Tandem/bin/Tandem
fi
[[ -x "$launcher" ]] || die "no launcher at $launcher"

# A throwaway data directory (TANDEM_DATA_DIR) and a throwaway home, so neither a test run nor a bug in the
# data-dir handling can touch a real user's notes. Java takes user.home from the password database, not from
# $HOME, so it is also set through JAVA_TOOL_OPTIONS, which the launcher honours (unlike JDK_JAVA_OPTIONS).
# JavaFX unpacks its native libraries under user.home (~/.openjfx/cache), so that lands in the scratch home too.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/home" "$scratch/remote"
log="$scratch/launcher.log"
# Stand-ins for the package managers, first on the PATH: the launchers start Java without asking rpm or dpkg
# which package owns them, as jpackage's own launcher did before every start (docs/INSTALL.md, "Launchers").
mkdir -p "$scratch/spy"
for tool in rpm dpkg dpkg-query; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 1\n' "$tool" "$scratch/spy/asked" >"$scratch/spy/$tool"
  chmod +x "$scratch/spy/$tool"
done
spy_path="$scratch/spy:$PATH"

echo "smoke-test: starting $launcher under Xvfb"
run_started=$SECONDS
# An image on JDK 25 carries ahead-of-time caches: -XX:AOTMode=on fails rather than start without the cache.
appdir="$(dirname "$launcher")/../lib/app"
aot=""
[[ ! -f "$appdir/tandem.aot" ]] || aot="-XX:AOTMode=on"
set +e
HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" XDG_CONFIG_HOME="$scratch/home/.config" \
  XDG_CACHE_HOME="$scratch/home/.cache" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home $aot" \
  TANDEM_DATA_DIR="$scratch/data" PATH="$spy_path" \
  timeout "$TIMEOUT_SECONDS" xvfb-run -a -s "-screen 0 1280x1024x24" \
  "$launcher" --exit-after-first-frame >"$log" 2>&1
status=$?
set -e
run_seconds=$((SECONDS - run_started))
sed 's/^/  | /' "$log"

[[ $status -ne 124 ]] || die "the app did not quit within ${TIMEOUT_SECONDS} s"
[[ $status -eq 0 ]] || die "the launcher exited with status $status"
grep -qF "$FIRST_FRAME_LINE" "$log" || die "the app exited 0 but never printed \"$FIRST_FRAME_LINE\""
# Nothing but the app's own lines: a JVM warning (native access, sun.misc.Unsafe) means an option is missing.
jvm_warning='^WARNING: .*(restricted method|sun\.misc\.Unsafe|native access|terminally deprecated)'
! grep -qE "$jvm_warning" "$log" || die "the launcher printed the JVM's warnings"
[[ -z $aot ]] || echo "smoke-test: PASS: the window started with its ahead-of-time cache ($(sed -n 's/^JAVA_VERSION=//p' "$(dirname "$launcher")/../lib/runtime/release"))"


# The command line's launcher (bin/tandem-cli): a command works, with its class archive or ahead-of-time cache when
# the image has one (-Xshare:on and -XX:AOTMode=on fail rather than start without it), and the app's launcher never
# names them.
cli="$(dirname "$launcher")/tandem-cli"
if [[ -x "$cli" ]]; then
  share=""
  [[ ! -f "$appdir/tandem-cli.jsa" ]] || share="-Xshare:on"
  [[ ! -f "$appdir/tandem-cli.aot" ]] || share="-XX:AOTMode=on"
  cli_env=(env HOME="$scratch/home" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home $share" TANDEM_DATA_DIR="$scratch/data"
    PATH="$spy_path")
  # A title the shell would change if the launcher passed it on unquoted: a glob, a variable, quotes, a backslash.
  title="Smoke test todo: a * and \$HOME, \"quoted\" \\n's end"
  "${cli_env[@]}" "$cli" add "$title" >"$log" 2>&1 || { sed 's/^/  | /' "$log"; die "tandem-cli add failed"; }
  "${cli_env[@]}" "$cli" list >"$log" 2>&1 || { sed 's/^/  | /' "$log"; die "tandem-cli list failed"; }
  grep -qF -- "$title" "$log" || { sed 's/^/  | /' "$log"; die "tandem-cli list did not show the todo it added, as typed"; }
  # An idle sync of a folder: on Linux with sync's own cache (tandem-cli-sync.aot), which the launcher picks.
  "${cli_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home $share -Xlog:aot=info" "$cli" sync \
    --remote "folder:$scratch/remote" >"$log" 2>&1 || { sed 's/^/  | /' "$log"; die "tandem-cli sync failed${share:+ with its cache ($share)}"; }
  if [[ -f "$appdir/tandem-cli-sync.aot" ]]; then
    grep -qE 'Opened AOT cache .*/tandem-cli-sync\.aot' "$log" \
      || { grep -i 'aot cache' "$log" | sed 's/^/  | /'; die "tandem-cli sync did not map sync's own cache"; }
  fi
  # An assistant's session: on Linux with mcp's own cache (tandem-cli-mcp.aot), which the launcher picks.
  if [[ -f "$appdir/tandem-cli-mcp.aot" ]]; then
    printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}' \
        '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
        '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"find_todos","arguments":{"query":"Smoke"}}}' \
      | "${cli_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home $share -Xlog:aot=info" "$cli" mcp >"$log" 2>&1 \
      || { sed 's/^/  | /' "$log"; die "tandem-cli mcp failed with its cache ($share)"; }
    grep -qE 'Opened AOT cache .*/tandem-cli-mcp\.aot' "$log" \
      || { grep -i 'aot cache' "$log" | sed 's/^/  | /'; die "tandem-cli mcp did not map mcp's own cache"; }
    grep -qF 'Smoke test todo' "$log" || { sed 's/^/  | /' "$log"; die "tandem-cli mcp did not find the todo added"; }
  fi
  ! grep -qF "tandem-cli.jsa" "$appdir/$(basename "$launcher").cfg" || die "the app's launcher maps the command line's archive"
  ! grep -qF "tandem-cli.aot" "$appdir/$(basename "$launcher").cfg" || die "the app's launcher maps the command line's cache"
  ! grep -qE "$jvm_warning" "$log" || { sed 's/^/  | /' "$log"; die "tandem-cli printed the JVM's warnings"; }
  echo "smoke-test: PASS: tandem-cli added, listed and synced a todo${share:+ with its class archive or cache ($share)}"

  # Which JIT each launcher runs, as the JVM reads its options: on JDK 25 the app's launcher (the window, and the
  # server and the agent it starts) the full JIT, the command line's C1 only (PERFORMANCE.md, "Which runtime, which
  # JIT").
  if [[ -n $aot ]]; then
    jit() { env -u DISPLAY "${cli_env[@]}" JAVA_TOOL_OPTIONS="-XX:+PrintFlagsFinal" "$1" --help 2>/dev/null \
      | sed -nE 's/^ *intx TieredStopAtLevel *= *([0-9]+).*/\1/p'; }
    app_jit=$(jit "$launcher")
    cli_jit=$(jit "$cli")
    [[ $app_jit == 4 ]] || die "the app's launcher stops at JIT tier ${app_jit:-?}, not the full JIT's 4"
    [[ $cli_jit == 1 ]] || die "the command line's launcher stops at JIT tier ${cli_jit:-?}, not C1's 1"
    echo "smoke-test: PASS: the app's launcher runs the full JIT (tier $app_jit), the command line's C1 only (tier $cli_jit)"
  fi

  # The web companion inside the trimmed runtime, through the app's launcher with no display, as a service runs it:
  # Jetty, a self-signed certificate made by the runtime's own keytool (TLS needs jdk.crypto.ec), ZXing's QR code,
  # and the page served over HTTPS.
  port=$((20000 + RANDOM % 20000))
  env -u DISPLAY "${cli_env[@]}" "$launcher" serve --listen "127.0.0.1:$port" --tls-self-signed </dev/null >"$log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 60); do grep -qF "type the code" "$log" && break; sleep 0.5; done
  page=$(curl -sk "https://127.0.0.1:$port/" || true)
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  grep -qF "type the code" "$log" || { sed 's/^/  | /' "$log"; die "Tandem serve printed no pairing code"; }
  grep -qF "█" "$log" || { sed 's/^/  | /' "$log"; die "Tandem serve printed no QR code"; }
  [[ "$page" == *"<html"* ]] || { sed 's/^/  | /' "$log"; die "Tandem serve did not serve the page over HTTPS"; }
  echo "smoke-test: PASS: Tandem serve served the page over HTTPS with a QR code, with no display"
fi

[[ ! -f "$scratch/spy/asked" ]] || { sed 's/^/  | /' "$scratch/spy/asked"; die "a launcher asked the package manager who owns it"; }
echo "smoke-test: PASS: neither launcher asked rpm or dpkg anything"

echo "smoke-test: PASS: launcher exited 0 after the first frame (app run ${run_seconds} s, total $((SECONDS - started)) s)"
