#!/usr/bin/env bash
# How long POST /v1/diagnose takes when the pasted text holds Go code that runs (so it is simulated
# within the API's budget, GOCAUSE_SIMULATION_BUDGET_MS, default 300 ms), against a running gocause
# API (e.g. `./gocause up`). One request at a time, 'Cache-Control: no-cache' (a fresh diagnosis and
# simulation every time), after WARMUP unmeasured requests; prints min/median/max of curl's
# time_total per scenario. Target: a request with code answers within its budget plus 100 ms.
#
#   bench/simulation-budget.sh [BASE_URL]      default http://127.0.0.1:8080
#   RUNS=20 WARMUP=20 bench/simulation-budget.sh
#
# Scenarios: deadlock (a program that deadlocks: found in the first schedules), clean (a correct
# program: the simulation explores its schedules until they or the budget run out), spin (a
# program that never ends: every schedule runs into the budget, the worst case), panic (a one-line
# panic, no code: the speed of requests without code).
set -euo pipefail

base="${1:-http://127.0.0.1:8080}"
runs="${RUNS:-20}"
warmup="${WARMUP:-20}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v curl >/dev/null || { echo "bench: curl is not installed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is not installed" >&2; exit 2; }
curl -fsS "$base/ready" >/dev/null || { echo "bench: $base/ready does not answer 200; start the API first (./gocause up)" >&2; exit 2; }

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
programs = {
  "deadlock": 'package main\n\nimport "sync"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\t\tgo func(n int) {\n\t\t\tif n == 1 {\n\t\t\t\treturn\n\t\t\t}\n\t\t\twg.Done()\n\t\t}(i)\n\t}\n\twg.Wait()\n}\n',
  "clean": 'package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\ttotal := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 8; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor j := 0; j < 50; j++ {\n\t\t\t\tmu.Lock()\n\t\t\t\ttotal++\n\t\t\t\tmu.Unlock()\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(total)\n}\n',
  "spin": 'package main\n\nfunc main() {\n\tdone := false\n\tgo func() { done = true }()\n\tfor !done {\n\t}\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n',
}
for name, src in programs.items():
    with open(f"{work}/{name}.json", "w") as f:
        json.dump({"text": "why does this misbehave?\n```go\n" + src + "```\n"}, f)
with open(f"{work}/panic.json", "w") as f:
    json.dump({"text": "panic: send on closed channel"}, f)
PY

one() { # body file -> seconds
  curl -sS -o "$work/out" -w '%{time_total}\n' -X POST -H 'Content-Type: application/json' -H 'Cache-Control: no-cache' \
    --data-binary "@$1" "$base/v1/diagnose"
}

printf '| scenario | runs | min ms | median ms | max ms | answer |\n|---|---|---|---|---|---|\n'
for s in deadlock clean spin panic; do
  for _ in $(seq "$warmup"); do one "$work/$s.json" >/dev/null; done
  : > "$work/times"
  for _ in $(seq "$runs"); do one "$work/$s.json" >> "$work/times"; done
  note=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["message"]; i=m.find(" Simulat"); print(m[i+1:i+90].replace("|","/") if i>=0 else "no simulation")' "$work/out")
  sort -g "$work/times" | python3 -c '
import sys, statistics
t = [float(x) * 1000 for x in sys.stdin.read().split()]
print("| %s | %d | %.0f | %.0f | %.0f | %s |" % (sys.argv[1], len(t), min(t), statistics.median(t), max(t), sys.argv[2]))' "$s" "$note"
done
