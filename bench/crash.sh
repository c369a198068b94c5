#!/usr/bin/env bash
# The signing crash test (issue 5, "Durability"): 8 concurrent signers against the app (Release build) on 127.0.0.1,
# the server killed with SIGKILL at random moments and restarted, round after round; then every commitment the server
# acknowledged must be present and valid, and `peerethics commitments verify` and `peerethics audit verify` must pass.
#
#   bench/crash.sh [sqlite|postgres|both] [--rounds N] [--signers N] [--people-per-signer N] [--kill-max-ms N] [--seed N] [--keep]
#
# PostgreSQL runs on a server of its own (scripts/postgres with CRASH_PG_PORT, default 54399, and CRASH_PG_DIR), started
# and stopped here, in a new database dropped at the end. Each run stops by itself: CRASH_TIMEOUT (default 3600 s)
# bounds it, and the test kills every server it started when it ends. Results: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-both}"; shift || true
case "$what" in sqlite|postgres|both) ;; *) echo "usage: bench/crash.sh [sqlite|postgres|both] [--rounds N] ..." >&2; exit 2 ;; esac

PG_PORT="${CRASH_PG_PORT:-54399}"
PG_DIR="${CRASH_PG_DIR:-/tmp/peerethics-crash-postgres}"
TIME_LIMIT="${CRASH_TIMEOUT:-3600}"

# CRASH_NO_BUILD=1 reuses the last build (e.g. to run the two databases at once).
if [[ "${CRASH_NO_BUILD:-}" != 1 ]]; then
  echo "building: the app (Release, published) and the crash test" >&2
  dotnet publish src/PeerEthics -c Release -o artifacts/crash-app -nologo -v q >/dev/null
  dotnet build bench/PeerEthics.CrashTest -c Release -o artifacts/crash-test -nologo -v q >/dev/null
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --version); $(date -u +%Y-%m-%dT%H:%MZ)"

crash() {
  timeout --kill-after=30 "$TIME_LIMIT" dotnet artifacts/crash-test/PeerEthics.CrashTest.dll --app artifacts/crash-app/peerethics "$@"
}

status=0
if [[ "$what" == sqlite || "$what" == both ]]; then
  crash --provider sqlite "$@" || status=1
fi

if [[ "$what" == postgres || "$what" == both ]]; then
  export PEERETHICS_PG_PORT="$PG_PORT" PEERETHICS_PG_DIR="$PG_DIR"
  scripts/postgres start
  trap 'scripts/postgres stop' EXIT
  crash --provider postgres --postgres-server "$(scripts/postgres url)" "$@" || status=1
fi

exit $status
