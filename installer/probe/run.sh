#!/usr/bin/env bash
# Runs RuntimeProbe inside a copy of the built Linux app image, with the app's own jars, to check that the
# trimmed runtime has what the libraries load at run time (jdeps only sees static references). About 5 s.
#
#   mvn -Pinstaller -DskipTests -Dinstaller.type=app-image package && installer/probe/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

image=installer/target/jpackage/image/Tandem
input=installer/target/jpackage/input
[[ -x "$image/bin/Tandem" ]] || { echo "probe: no app image; build it first (see above)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "$input/*" installer/probe/RuntimeProbe.java
cp -a "$image" "$work/image"
jar cf "$work/image/lib/app/probe.jar" -C "$work/classes" .
# Same launcher and runtime, other main class: put the probe first on the class path and make it the main class.
sed -i 's/^app.mainclass=.*/app.mainclass=RuntimeProbe/; s/^\[Application\]$/[Application]\napp.classpath=$APPDIR\/probe.jar/' \
  "$work/image/lib/app/Tandem.cfg"
"$work/image/bin/Tandem" 2>&1 | grep -vE '^(INFO: |[A-Z][a-z]{2} [0-9]+, [0-9]{4} )' | tee "$work/probe.log"
grep -q '^PROBE OK$' "$work/probe.log" || { echo "probe: FAIL" >&2; exit 1; }
