#!/usr/bin/env bash
# Registry load test: the app (Release build, embedded SQLite) with BENCH_PEOPLE (default 1,000,000) demo people,
# on 127.0.0.1, hit by wrk with 16 connections and 2 threads. Measures the static /health endpoint and, in the same
# run, the registry's name search and number lookup, API and pages; each request asks for another prefix or number
# (bench/registry.lua). Prints p50/p99 and each path's p99 as a multiple of /health's. The registry's rate limit is
# raised for the run only (RateLimits:Registry:PermitLimit). Stops the server when done, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-5092}"
DURATION="${BENCH_DURATION:-20s}"
# Each path is warmed up until the JIT has settled: under this load, .NET's tiered compilation was still compiling
# about 1,500 methods in the 5 s after 10 s of search-page requests, and 70 in the next 5 s (dotnet-counters).
WARMUP="${BENCH_WARMUP:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
PEOPLE="${BENCH_PEOPLE:-1000000}"

command -v wrk >/dev/null || scripts/install-test-deps

dotnet publish src/PeerEthics -c Release -o artifacts/bench-app -nologo -v q >/dev/null
data="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }; rm -rf "$data"; }
trap cleanup EXIT

echo "Seeding $PEOPLE demo people into a fresh SQLite database..."
start=$(date +%s.%N)
seeded="$(PEERETHICS_DATA="$data" Logging__LogLevel__Default=Warning artifacts/bench-app/peerethics demo seed --people "$PEOPLE" --seed 1 --format json)"
end=$(date +%s.%N)
listed="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["listed"])' "$seeded")"
printf 'demo seed: %s people (%s listed) in %.1f s (the command, start to end); database %s\n' \
  "$PEOPLE" "$listed" "$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" "$(du -h "$data/peerethics.db" | cut -f1)"
# People are spread over two programs at random: 90% of half the listed ones is safely below each program's last number.
numbers=$(( listed * 45 / 100 ))

PEERETHICS_DATA="$data" Logging__LogLevel__Default=Warning RateLimits__Registry__PermitLimit=1000000000 \
  timeout 900 artifacts/bench-app/peerethics serve --urls "http://127.0.0.1:$PORT" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

echo "wrk: $CONNECTIONS connections, 2 threads, $DURATION per path, after a $WARMUP warm-up; $(nproc) cores"
printf '%-40s %10s %10s %10s %12s\n' path req/s p50 p99 "p99/health"
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else { sub(/s$/,"",v); print v*1000 } }'; }
baseline=""
for kind in health api-search api-number page-search page-number; do
  case "$kind" in
    health) label="/health"; script=() ;;
    api-search) label="/api/registry?q=<prefix>"; script=(-s bench/registry.lua) ;;
    api-number) label="/api/registry/{number}"; script=(-s bench/registry.lua) ;;
    page-search) label="/registry?q=<prefix>"; script=(-s bench/registry.lua) ;;
    page-number) label="/registry/{number}"; script=(-s bench/registry.lua) ;;
  esac
  url="http://127.0.0.1:$PORT/health"
  export REGISTRY_KIND="$kind" REGISTRY_NUMBERS="$numbers"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${script[@]}" "$url" >/dev/null
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$url")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  [[ -n "$non2xx" ]] && { echo "$label answered $non2xx non-2xx responses" >&2; exit 1; }
  p99ms="$(ms "$p99")"
  [[ -z "$baseline" ]] && baseline="$p99ms"
  printf '%-40s %10s %10s %10s %12.1f\n' "$label" "$rps" "$p50" "$p99" "$(awk -v a="$p99ms" -v b="$baseline" 'BEGIN{print a/b}')"
done
