#!/usr/bin/env bash
# JavaFX's own floor under the installed app's first frame (docs/PERFORMANCE.md, "Which runtime, which JIT"):
# FirstFrameFloor.java, a window of the main window's shape with none of the app, run on the app image's own
# runtime with the launcher's JVM options and an ahead-of-time cache trained for it as the app's is, alternated run
# by run with the app's first frame on an empty profile. Figures are ms from the JVM's start to the second pulse
# after the window's root was set; "bare" is the placeholder's frame alone.
#
# Usage: [RUNS=11] [IMAGE=installer/target/jpackage/image/Tandem] [WORK=DIR] app/perf/first-frame-floor.sh
# Needs the app image (see measure.sh), Xvfb, and a JDK 25 javac (JAVAC, default Temurin 25 beside JDK 17).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${RUNS:-11}
IMAGE=${IMAGE:-$ROOT/installer/target/jpackage/image/Tandem}
WORK=${WORK:-$(mktemp -d)}
JAVAC=${JAVAC:-$(ls -d /usr/lib/jvm/temurin-25*/bin/javac 2>/dev/null | head -1)}
JAVA=$IMAGE/lib/runtime/bin/java
[[ -x $JAVA ]] || { echo "no app image at $IMAGE" >&2; exit 1; }
[[ -x $JAVAC ]] || { echo "no JDK 25 javac: set JAVAC" >&2; exit 1; }

fx=$(ls "$HOME"/.m2/repository/org/openjfx/javafx-{base,graphics,controls}/*/*-linux.jar | tr '\n' :)
mkdir -p "$WORK/classes"
"$JAVAC" --release 25 -cp "$fx" -d "$WORK/classes" app/perf/FirstFrameFloor.java
# A jar: an ahead-of-time cache takes no class directory.
"$(dirname "$JAVAC")/jar" --create --file "$WORK/floor.jar" -C "$WORK/classes" .
# The launcher's JVM options, without the app's own cache and version property.
mapfile -t opts < <(grep '^java-options=' "$IMAGE/lib/app/Tandem.cfg" | cut -d= -f2- | grep -v -e AOTCache -e jpackage)

source app/perf/xvfb.sh

# The cache, trained by one run as the build trains the app's.
rm -f "$WORK/floor.aot"
"$JAVA" "${opts[@]}" -XX:AOTCacheOutput="$WORK/floor.aot" -cp "$WORK/floor.jar" FirstFrameFloor >/dev/null 2>&1
floor() { "$JAVA" "${opts[@]}" -XX:AOTCache="$WORK/floor.aot" -cp "$WORK/floor.jar" FirstFrameFloor "$@" 2>&1 \
  | grep -o 'first-frame-ms=[0-9]*' | cut -d= -f2; }
app() { rm -rf "$WORK/profile"; JAVA_TOOL_OPTIONS=-Dtandem.timing=true "$IMAGE/bin/Tandem" --data-dir "$WORK/profile" \
  --exit-after-first-frame 2>&1 | grep -o 'first-frame-ms=[0-9]*' | cut -d= -f2; }

floor >/dev/null; floor bare >/dev/null; app >/dev/null   # not counted: fonts and page cache, once
: > "$WORK/floor.txt"; : > "$WORK/bare.txt"; : > "$WORK/app.txt"
for i in $(seq "$RUNS"); do
  f=$(floor); b=$(floor bare); a=$(app)
  echo "$f" >> "$WORK/floor.txt"; echo "$b" >> "$WORK/bare.txt"; echo "$a" >> "$WORK/app.txt"
  echo "run $i: floor ${f} ms, bare ${b} ms, app ${a} ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "medians of $RUNS: floor $(median < "$WORK/floor.txt") ms, bare $(median < "$WORK/bare.txt") ms," \
  "app $(median < "$WORK/app.txt") ms"
