#!/usr/bin/env bash
# Benchmark of POST /v1/diagnose against a running gocause API (e.g. `./gocause up`), each
# scenario paired with the trivial GET /health in the same run, so ratios hold on any machine.
#
#   bench/run.sh [BASE_URL]          default http://127.0.0.1:8080
#   DURATION=10s CONNECTIONS=16 THREADS=2 bench/run.sh
#
# Scenarios: (a) a one-line panic, (b) a Chinese sentence — throughput compared with /health
# (target: at least 40%), each once as repeated input (served by the answer cache) and once with
# 'Cache-Control: no-cache' (a fresh diagnosis every time); (b') 30 different Chinese sentences in
# turn (bench/sentences-zh.txt), no-cache; (c) a real 5,000-goroutine dump printed by Go
# (bench/dumpgen) — p99 latency with one connection, no-cache (target: at most 50 ms). Every
# fresh scenario first runs unmeasured for $WARMUP (default 20s) so the JIT has compiled its path:
# the figures are the server's steady state. Needs wrk, curl and go. Prints a Markdown table.
set -euo pipefail

base="${1:-http://127.0.0.1:8080}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-20s}"
conns="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
command -v go >/dev/null || { echo "bench: go is not installed (apt-get install golang-go)" >&2; exit 2; }
curl -fsS "$base/ready" >/dev/null || { echo "bench: $base/ready does not answer 200; start the API first (./gocause up)" >&2; exit 2; }

printf 'panic: send on closed channel\n' > "$work/panic.txt"
printf '线上服务偶尔卡住,请求一直不返回,goroutine 数量越来越多\n' > "$work/zh.txt"
GOCACHE="$work/gocache" GO111MODULE=off go build -o "$work/dumpgen" "$here/dumpgen/main.go"
"$work/dumpgen" -n 5000 2> "$work/dump.txt" || true
grep -q 'all goroutines are asleep' "$work/dump.txt" || { echo "bench: dumpgen did not print a dump" >&2; exit 1; }
dump_bytes=$(wc -c < "$work/dump.txt")

run() { # scenario url body_file connections threads [no-cache [lines]]
  SCENARIO="$1" BODY_FILE="$3" NO_CACHE="${6:-0}" BODY_LINES="${7:-0}" \
    wrk -t"$5" -c"$4" -d"$duration" --timeout 10s -s "$here/report.lua" "$2" | grep '^RESULT'
}
warm() { # as run, unmeasured, for $warmup
  SCENARIO=warm BODY_FILE="$3" NO_CACHE="${6:-0}" BODY_LINES="${7:-0}" \
    wrk -t"$5" -c"$4" -d"$warmup" --timeout 10s -s "$here/report.lua" "$2" >/dev/null
}

echo "bench: warming up each scenario for $warmup, then measuring for $duration ..." >&2
warm health "$base/health" "" "$conns" "$threads"

results="$work/results"
: > "$results"
run health-a "$base/health" "" "$conns" "$threads" >> "$results"
run panic "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads" >> "$results"
warm panic-nc "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads" 1
run panic-nc "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads" 1 >> "$results"
run health-b "$base/health" "" "$conns" "$threads" >> "$results"
run chinese "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads" >> "$results"
warm chinese-nc "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads" 1
run chinese-nc "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads" 1 >> "$results"
warm chinese-varied "$base/v1/diagnose" "$here/sentences-zh.txt" "$conns" "$threads" 1 1
run chinese-varied "$base/v1/diagnose" "$here/sentences-zh.txt" "$conns" "$threads" 1 1 >> "$results"
run health-c "$base/health" "" 1 1 >> "$results"
warm dump5000 "$base/v1/diagnose" "$work/dump.txt" 1 1 1
run dump5000 "$base/v1/diagnose" "$work/dump.txt" 1 1 1 >> "$results"

awk -v conns="$conns" -v threads="$threads" -v dur="$duration" -v dump="$dump_bytes" '
  { rps[$2]=$3; p50[$2]=$4; p99[$2]=$5; n[$2]=$6; bad[$2]=$7 }
  function row(name, what, trivial, target, ok) {
    # the ratio is the target of (a) and (b) only; (c) is about latency
    ratio = name == "dump5000" ? "—" : sprintf("%.0f%%", 100*rps[name]/rps[trivial])
    printf "| %s | %s | %.0f | %.2f | %.2f | %.0f | %s | %s | %s |\n", name, what, rps[name], p50[name], p99[name],
      rps[trivial], ratio, target, ok
  }
  END {
    printf "wrk %s per scenario after a warm-up; (a),(b): %d connections, %d threads; (c): 1 connection; dump %d bytes\n\n", dur, conns, threads, dump
    print "| scenario | input | req/s | p50 ms | p99 ms | /health req/s (same run) | ratio | target | met |"
    print "|---|---|---|---|---|---|---|---|---|"
    row("panic", "(a) one-line panic, repeated (answer cache)", "health-a", ">= 40% of /health", (rps["panic"] >= 0.4*rps["health-a"]) ? "yes" : "NO")
    row("panic-nc", "(a) one-line panic, no-cache", "health-a", ">= 40% of /health", (rps["panic-nc"] >= 0.4*rps["health-a"]) ? "yes" : "NO")
    row("chinese", "(b) Chinese sentence, repeated (answer cache)", "health-b", ">= 40% of /health", (rps["chinese"] >= 0.4*rps["health-b"]) ? "yes" : "NO")
    row("chinese-nc", "(b) Chinese sentence, no-cache", "health-b", ">= 40% of /health", (rps["chinese-nc"] >= 0.4*rps["health-b"]) ? "yes" : "NO")
    row("chinese-varied", "(b'"'"') 30 different Chinese sentences in turn, no-cache", "health-b", ">= 40% of /health", (rps["chinese-varied"] >= 0.4*rps["health-b"]) ? "yes" : "NO")
    row("dump5000", "(c) 5,000-goroutine dump, no-cache", "health-c", "p99 <= 50 ms", (p99["dump5000"] <= 50) ? "yes" : "NO")
    for (k in bad) if (bad[k] > 0) printf "\nWARNING: %s had %d non-2xx/socket errors\n", k, bad[k]
  }' "$results"
