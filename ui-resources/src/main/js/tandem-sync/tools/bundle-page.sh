#!/usr/bin/env bash
# The phone page's bundle for `tandem page publish`, as the ui-resources build makes it: the pinned
# npm packages (npm ci, from the lock file, as run-tests.sh does), then tools/bundle-page.js.
# Arguments: WEB_DIR OUT_DIR MANIFEST. Without node the bundle is left out, saying so (then
# `tandem page publish` says this build has no page), except on CI, where that fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "tandem-sync: node and npm are needed for the phone page's bundle" >&2
    exit 1
  fi
  echo "tandem-sync: the phone page's bundle is LEFT OUT, node is not on this machine"
  exit 0
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node tools/bundle-page.js "$@"
