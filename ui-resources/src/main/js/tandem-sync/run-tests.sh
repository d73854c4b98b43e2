#!/usr/bin/env bash
# The JavaScript sync core's tests, as `mvn verify` runs them from ui-resources: the pinned
# dependencies from npm (npm ci), then Node's own test runner over test/, or over the files the first
# argument names (words and globs: the fast tier names the tests that start no other program).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "tandem-sync: node and npm are needed for the JavaScript sync core's tests" >&2
    exit 1
  fi
  echo "tandem-sync: SKIPPED, node is not on this machine (the JavaScript sync core's tests need Node 20+)"
  exit 0
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Word-split and glob on purpose: one argument from Maven names several files. Two files at a time, one per
# core: many of them wait on a child process (tandem-js, S3Proxy, Apache) rather than compute, and each file's
# servers, ports and folders are its own.
# shellcheck disable=SC2086
exec node --test --test-concurrency=2 ${TANDEM_SYNC_TESTS:-${1:-test/*.test.js}}
