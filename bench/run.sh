#!/usr/bin/env bash
# Benchmark of POST /v1/diagnose against a running gocause API (e.g. `./gocause up`), each
# throughput scenario alternated with the trivial GET /health, so ratios hold on any machine.
#
#   bench/run.sh [BASE_URL]          default http://127.0.0.1:8080
#   DURATION=5s PAIRS=3 CONNECTIONS=16 THREADS=2 WARMUP=60s WARMUP_MAX=180 bench/run.sh
#
# Scenarios: (a) a one-line panic, (b) a Chinese sentence — throughput compared with /health
# (target: at least 40%), each once as repeated input (served by the answer cache) and once with
# 'Cache-Control: no-cache' (a fresh diagnosis every time); (b') 30 different Chinese sentences in
# turn (bench/sentences-zh.txt), no-cache; (c) a real 5,000-goroutine dump printed by Go
# (bench/dumpgen) — p99 latency with one connection, no-cache (target: at most 50 ms).
#
# Steady state, measured in pairs: every scenario first runs unmeasured in 5 s windows until four
# windows in a row agree within 6% on req/s (at least $WARMUP, at most $WARMUP_MAX seconds: while
# the JIT still compiles the hot paths a server can sit flat for four windows at half the rate it
# later reaches — `up` with the JVM's two compiler threads on 2 cores did, for up to two minutes;
# with its six it takes 30-50 s, so at least 60 s); then
# $PAIRS times /health for $DURATION and the scenario for $DURATION in turn. A row gives the
# medians of the scenario's runs and of the /health runs paired with them, and the median of the
# per-pair ratios (min-max beside it): one noisy /health run no longer decides the verdict.
# Needs wrk, curl and go. Prints a Markdown table.
set -euo pipefail

base="${1:-http://127.0.0.1:8080}"
duration="${DURATION:-5s}"
pairs="${PAIRS:-3}"
warmup_max="${WARMUP_MAX:-180}"
warmup="${WARMUP:-60s}"
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

run() { # scenario url body_file connections threads [no-cache [lines]] -> one RESULT line
  SCENARIO="$1" BODY_FILE="$3" NO_CACHE="${6:-0}" BODY_LINES="${7:-0}" \
    wrk -t"$5" -c"$4" -d"$duration" --timeout 10s -s "$here/report.lua" "$2" | grep '^RESULT'
}
window() { # as run, unmeasured, for 5 s; prints the req/s
  SCENARIO=warm BODY_FILE="$3" NO_CACHE="${6:-0}" BODY_LINES="${7:-0}" \
    wrk -t"$5" -c"$4" -d5s --timeout 10s -s "$here/report.lua" "$2" | awk '/^RESULT/ {print $3}'
}
warm() { # as run: 5 s windows until the last four agree within 6% (>= $warmup, <= $warmup_max s)
  local min_s="${warmup%s}" spent=0 w=() c
  while :; do
    c="$(window "$@")"
    spent=$((spent + 5))
    w+=("$c")
    if [ "${#w[@]}" -gt 4 ]; then
      w=("${w[@]:1}")
    fi
    if [ "${#w[@]}" -eq 4 ] && [ "$spent" -ge "$min_s" ] && printf '%s\n' "${w[@]}" | awk '
        NR == 1 { hi = lo = $1 } { if ($1 > hi) hi = $1; if ($1 < lo) lo = $1 } END { exit !(hi - lo <= 0.06 * hi) }'; then
      echo "bench: $1 steady after ${spent} s (${w[*]} req/s)" >&2
      return
    fi
    if [ "$spent" -ge "$warmup_max" ]; then
      echo "bench: $1 not steady after ${spent} s (last windows ${w[*]} req/s); measuring anyway" >&2
      return
    fi
  done
}
paired() { # as run, $pairs times, each after a /health run with the same connections and threads
  local i
  for i in $(seq 1 "$pairs"); do
    run "health-for-$1" "$base/health" "" "$4" "$5" >> "$results"
    run "$@" >> "$results"
  done
}

echo "bench: warming up each scenario until steady, then $pairs x ($duration /health, $duration scenario) ..." >&2
results="$work/results"
: > "$results"
window health "$base/health" "" "$conns" "$threads" > /dev/null # the trivial path: 10 s are plenty
window health "$base/health" "" "$conns" "$threads" > /dev/null
warm panic "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads"
paired panic "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads"
warm panic-nc "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads" 1
paired panic-nc "$base/v1/diagnose" "$work/panic.txt" "$conns" "$threads" 1
warm chinese "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads"
paired chinese "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads"
warm chinese-nc "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads" 1
paired chinese-nc "$base/v1/diagnose" "$work/zh.txt" "$conns" "$threads" 1
warm chinese-varied "$base/v1/diagnose" "$here/sentences-zh.txt" "$conns" "$threads" 1 1
paired chinese-varied "$base/v1/diagnose" "$here/sentences-zh.txt" "$conns" "$threads" 1 1
warm dump5000 "$base/v1/diagnose" "$work/dump.txt" 1 1 1
run health-c "$base/health" "" 1 1 >> "$results"
run dump5000 "$base/v1/diagnose" "$work/dump.txt" 1 1 1 >> "$results"

awk -v conns="$conns" -v threads="$threads" -v dur="$duration" -v pairs="$pairs" -v dump="$dump_bytes" '
  function median(list,   n, a, i, j, t) { # list: space-separated numbers
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function minmax(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
    return sprintf("%.0f-%.0f%%", 100 * lo, 100 * hi)
  }
  {
    name = $2
    if (name ~ /^health-for-/) { pending[substr(name, 12)] = $3; next }
    rps[name] = rps[name] " " $3; p50[name] = p50[name] " " $4; p99[name] = p99[name] " " $5; bad[name] += $7
    if (name in pending) { health[name] = health[name] " " pending[name]; ratio[name] = ratio[name] " " $3 / pending[name]; delete pending[name] }
    if (name == "health-c") { single[name] = $3 }
  }
  function row(name, what,   r) {
    r = median(ratio[name])
    printf "| %s | %s | %.0f | %.2f | %.2f | %.0f | %.0f%% (%s) | >= 40%% of /health | %s |\n", name, what, median(rps[name]),
      median(p50[name]), median(p99[name]), median(health[name]), 100 * r, minmax(ratio[name]), (r >= 0.4) ? "yes" : "NO"
  }
  END {
    printf "wrk after a warm-up to steady state; (a),(b): %d connections, %d threads, %d pairs of %s /health + %s scenario, medians; (c): 1 connection, %s; dump %d bytes\n\n", conns, threads, pairs, dur, dur, dur, dump
    print "| scenario | input | req/s | p50 ms | p99 ms | /health req/s (paired runs) | ratio (min-max) | target | met |"
    print "|---|---|---|---|---|---|---|---|---|"
    row("panic", "(a) one-line panic, repeated (answer cache)")
    row("panic-nc", "(a) one-line panic, no-cache")
    row("chinese", "(b) Chinese sentence, repeated (answer cache)")
    row("chinese-nc", "(b) Chinese sentence, no-cache")
    row("chinese-varied", "(b'"'"') 30 different Chinese sentences in turn, no-cache")
    printf "| dump5000 | (c) 5,000-goroutine dump, no-cache | %.0f | %.2f | %.2f | %.0f | — | p99 <= 50 ms | %s |\n", median(rps["dump5000"]),
      median(p50["dump5000"]), median(p99["dump5000"]), median(rps["health-c"]), (median(p99["dump5000"]) <= 50) ? "yes" : "NO"
    for (k in bad) if (bad[k] > 0) printf "\nWARNING: %s had %d non-2xx/socket errors\n", k, bad[k]
  }' "$results"
