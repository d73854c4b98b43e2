#!/usr/bin/env bash
# Checks the .deb the way a user meets it: installs it with dpkg on this machine, runs the smoke test against the
# installed launcher, then starts Tandem from its installed path under Xvfb and takes a screenshot of its window
# for a person to look at. Also checks that the window's WM_CLASS matches the menu entry's StartupWMClass, and that
# the window of the default profile is titled "Tandem".
#
#   installer/deb-check.sh                 build the .deb (mvn -Pinstaller package), then install and check it
#   installer/deb-check.sh FILE.deb        install and check an existing .deb
#
# Needs root (dpkg) on Debian or Ubuntu. Removes Tandem again at the end (dpkg -r), which must succeed.
# Writes the screenshot to screenshots/installed-deb.png (TANDEM_SCREENSHOT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCHER=/opt/tandem/bin/Tandem
DESKTOP_FILE=/opt/tandem/lib/tandem-Tandem.desktop
SCREENSHOT="${TANDEM_SCREENSHOT:-screenshots/installed-deb.png}"

die() {
  echo "deb-check: FAIL: $*" >&2
  exit 1
}

[[ $EUID -eq 0 ]] || die "run as root: dpkg installs into /opt"
command -v apt-get >/dev/null || die "needs Debian or Ubuntu (apt-get, dpkg)"

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v import >/dev/null || missing+=(imagemagick)
command -v xwininfo >/dev/null && command -v xprop >/dev/null || missing+=(x11-utils)
ldconfig -p | grep -q libgtk-3.so.0 || missing+=(libgtk-3-0)
# Building the .deb: objcopy strips the runtime, fakeroot and dpkg-deb pack it.
if [[ $# -eq 0 ]]; then
  command -v objcopy >/dev/null || missing+=(binutils)
  command -v fakeroot >/dev/null || missing+=(fakeroot)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "deb-check: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ $# -gt 0 ]]; then
  deb="$1"
else
  echo "deb-check: building the .deb (mvn -Pinstaller -DskipTests package)"
  build_started=$SECONDS
  mvn -B -ntp -q -Pinstaller -DskipTests package || die "the installer build failed (see above)"
  echo "deb-check: built in $((SECONDS - build_started)) s"
  deb="$(ls installer/target/installer/*.deb)"
fi
[[ -f "$deb" ]] || die "no .deb at $deb"

# jpackage derives Depends from the launcher's ELF files only; JavaFX's GTK dependency must be there too.
depends="$(dpkg-deb -f "$deb" Depends)"
grep -qE '(^|[ ,])libgtk-3-0([ ,(|]|$)' <<<"$depends" || die "Depends does not name libgtk-3-0: $depends"

echo "deb-check: installing $deb"
# dpkg -i does not fetch dependencies (xdg-utils, for the menu entry, is often missing); apt-get -f does.
if ! dpkg -i "$deb"; then
  echo "deb-check: dpkg -i left dependencies unmet; letting apt-get install them"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends >/dev/null
fi
status="$(dpkg-query -W -f='${Status}' tandem 2>/dev/null || true)"
[[ "$status" == "install ok installed" ]] || die "package tandem is not fully installed: '$status'"
[[ -x "$LAUNCHER" ]] || die "no launcher at $LAUNCHER"
# The command line's launcher has no menu entry: postinst registers the app's only.
grep -qF "$DESKTOP_FILE" /var/lib/dpkg/info/tandem.postinst || die "postinst does not register $DESKTOP_FILE"
! grep -q 'tandem-cli\.desktop' /var/lib/dpkg/info/tandem.postinst || die "postinst gives tandem-cli a menu entry"

installer/smoke-test.sh "$LAUNCHER"

# Screenshot: the installed app, started exactly as the menu entry starts it (no arguments), with throwaway
# home and data directories as in the smoke test.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/data" "$(dirname "$SCREENSHOT")"
cat >"$scratch/shoot.sh" <<'SHOOT'
#!/usr/bin/env bash
# Runs inside Xvfb: start the app, wait for its main window, check WM_CLASS, capture the window, stop the app.
set -euo pipefail
launcher="$1" shot="$2" wm_class_expected="$3"
"$launcher" >"$SCRATCH/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq 1 150); do
  # The stage is the viewable top-level window named Tandem (JavaFX also makes a hidden 10x10 one).
  for id in $(xwininfo -root -children | awk '/"Tandem( — [^"]*)?"/ {print $1}'); do
    if xwininfo -id "$id" | grep -q 'Map State: IsViewable'; then window="$id"; break 2; fi
  done
  kill -0 "$app" 2>/dev/null || { echo "the app exited before showing a window:"; cat "$SCRATCH/app.log"; exit 1; }
  sleep 0.2
done
[[ -n "$window" ]] || { echo "no Tandem window after 30 s"; kill "$app"; exit 1; }
wm_class="$(xprop -id "$window" WM_CLASS | sed -n 's/.*= "\([^"]*\)".*/\1/p')"
# The window maps before the main view has painted, and on a loaded machine that can take several
# seconds: capture until the picture has real content (more than a handful of colours), up to 30 s.
for _ in $(seq 1 30); do
  sleep 1
  import -window "$window" "$shot"
  [[ "$(identify -format %k "$shot")" -gt 32 ]] && break
done
# Read once the view painted (the title names the profile then): started as the menu entry starts it, the
# profile is the default one, titled plain "Tandem".
title="$(xprop -id "$window" -notype _NET_WM_NAME WM_NAME | sed -n 's/^[A-Z_]* = "\(.*\)"$/\1/p' | head -n 1)"
kill "$app"
wait "$app" || true
echo "window $window, title \"$title\", WM_CLASS $wm_class"
if [[ "$title" != "Tandem" ]]; then
  echo "the default profile's window is titled \"$title\", not \"Tandem\" (DataDirs.windowTitle)"
  exit 3
fi
if [[ "$wm_class" != "$wm_class_expected" ]]; then
  echo "WM_CLASS $wm_class does not match StartupWMClass=$wm_class_expected in the menu entry;"
  echo "update StartupWMClass in installer/resources/linux/Tandem.desktop to the app's Application class"
  exit 2
fi
SHOOT
chmod +x "$scratch/shoot.sh"
expected_wm_class="$(sed -n 's/^StartupWMClass=//p' "$DESKTOP_FILE")"
echo "deb-check: starting $LAUNCHER under Xvfb for a screenshot"
SCRATCH="$scratch" HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" \
  XDG_CONFIG_HOME="$scratch/home/.config" XDG_CACHE_HOME="$scratch/home/.cache" \
  JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home" TANDEM_DATA_DIR="$scratch/data" \
  xvfb-run -a -s "-screen 0 1280x1024x24" "$scratch/shoot.sh" "$LAUNCHER" "$SCREENSHOT" "$expected_wm_class" \
  || die "screenshot run failed (see above)"

installed_mib=$(du -sm /opt/tandem | cut -f1)
# And leaves: a prerm that fails makes the package impossible to remove.
dpkg -r tandem >"$scratch/remove.log" 2>&1 || { sed 's/^/  | /' "$scratch/remove.log"; die "dpkg -r tandem failed"; }
[[ ! -e "$LAUNCHER" ]] || die "dpkg -r tandem left $LAUNCHER behind"

echo "deb-check: PASS: $(basename "$deb") ($(du -m "$deb" | cut -f1) MiB) installs to /opt/tandem ($installed_mib MiB), starts, and is removed"
echo "deb-check: screenshot $SCREENSHOT"
