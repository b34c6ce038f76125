#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, idempotently:
# Debian's chromium (browser tests) and the npm packages of the browser harness (scorm-again).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -f tests/browser-harness/package.json ]; then
  if [ ! -d tests/browser-harness/node_modules ] || [ tests/browser-harness/package-lock.json -nt tests/browser-harness/node_modules ]; then
    echo "test.sh: installing the browser harness's npm packages"
    (cd tests/browser-harness && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

dotnet build CourseBuilder.sln -c Release -v quiet -nologo
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CourseBuilder.sln -c Release --no-build -v quiet -nologo --logger "console;verbosity=normal" "$@" | tee "$log" || status=$?
# One closing line in the plain 'N passed, N failed' form, summed over the test assemblies.
passed=$( (grep -E '^\s+Passed: [0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -E '^\s+Failed: [0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
skipped=$( (grep -E '^\s+Skipped: [0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
