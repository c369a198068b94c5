#!/usr/bin/env bash
# Load test: the app (Release build, embedded SQLite) on 127.0.0.1, hit by wrk with 16 connections.
# Measures each page and, in the same run, the static /health endpoint as the baseline; prints p50/p99
# and the ratio of each page's p99 to the baseline's. Stops the server when done, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-5091}"
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
PATHS=(${BENCH_PATHS:-/health /codes/massachusetts-cps /api/codes/massachusetts-cps /compare?left=massachusetts-cps\&right=missouri-cmps})

command -v wrk >/dev/null || { sudo=""; [[ $(id -u) != 0 ]] && sudo="sudo -n"; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >/dev/null; }

dotnet publish src/PeerEthics -c Release -o artifacts/bench-app -nologo -v q >/dev/null
data="$(mktemp -d)"
PEERETHICS_DATA="$data" Logging__LogLevel__Default=Warning \
  timeout 600 artifacts/bench-app/peerethics serve --urls "http://127.0.0.1:$PORT" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

echo "wrk: $CONNECTIONS connections, 2 threads, $DURATION per path, after a 5 s warm-up; $(nproc) cores"
printf '%-55s %10s %10s %10s %12s\n' path req/s p50 p99 "p99/health"
baseline=""
for path in "${PATHS[@]}"; do
  url="http://127.0.0.1:$PORT$path"
  wrk -t2 -c"$CONNECTIONS" -d5s "$url" >/dev/null
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  [[ -n "$non2xx" ]] && { echo "$path answered $non2xx non-2xx responses" >&2; exit 1; }
  ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else { sub(/s$/,"",v); print v*1000 } }'; }
  p99ms="$(ms "$p99")"
  [[ -z "$baseline" ]] && baseline="$p99ms"
  printf '%-55s %10s %10s %10s %12.1f\n' "$path" "$rps" "$p50" "$p99" "$(awk -v a="$p99ms" -v b="$baseline" 'BEGIN{print a/b}')"
done
