#!/usr/bin/env bash
# Runs every kernel listed in kernels.tsv with real Go, buggy and fixed, and
# checks the outcome against the table:
#   go test -race -count=$COUNT -timeout $TIMEOUT <file>
# Outcomes: HANG (test timed out: blocked forever), LEAK (the kernel's own
# goroutine check), RACE, PANIC, FATAL (fatal error), PASS, FAIL.
# Environment: TIMEOUT (default 30s), COUNT (default 3), JOBS (default 2),
# OUT (result folder, default a temp folder), GO (default go).
# Exit status 0 when every buggy kernel shows its expected outcome and every
# fixed kernel passes; 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TIMEOUT="${TIMEOUT:-30s}" COUNT="${COUNT:-3}" GO="${GO:-go}"
export OUT="${OUT:-$(mktemp -d -t gocause-kernels.XXXXXX)}"
JOBS="${JOBS:-2}"
export GO111MODULE=off GOFLAGS=""
mkdir -p "$OUT"

classify() {
  local log="$1"
  if grep -q '^panic: test timed out after' "$log"; then echo HANG
  elif grep -q 'WARNING: DATA RACE' "$log"; then echo RACE
  elif grep -q 'goroutine leak:' "$log"; then echo LEAK
  elif grep -q '^fatal error: all goroutines are asleep' "$log"; then echo DEADLOCK
  elif grep -q '^fatal error: ' "$log"; then echo FATAL
  elif grep -q '^panic: ' "$log"; then echo PANIC
  elif grep -q '^ok ' "$log"; then echo PASS
  else echo FAIL
  fi
}
export -f classify

run_one() {
  local name="$1" variant="$2" expected="$3"
  local file="$here/${name}_test.go"
  [ "$variant" = fixed ] && file="$here/${name}_fixed_test.go"
  local log="$OUT/$name.$variant.log" start end got
  start=$(date +%s%N)
  "$GO" test -race -count="$COUNT" -timeout "$TIMEOUT" "$file" >"$log" 2>&1 || true
  end=$(date +%s%N)
  got=$(classify "$log")
  local verdict=ok
  [ "$got" = "$expected" ] || verdict=MISMATCH
  printf '%s\t%s\t%s\t%s\t%d\t%s\n' "$name" "$variant" "$expected" "$got" $(( (end - start) / 1000000 )) "$verdict"
}
export -f run_one
export here

grep -v '^#' "$here/kernels.tsv" | while IFS=$'\t' read -r name expected cause class; do
  [ -n "$name" ] || continue
  printf '%s %s %s\n' "$name" buggy "$expected"
  printf '%s %s %s\n' "$name" fixed PASS
done | xargs -P "$JOBS" -L 1 bash -c 'run_one "$0" "$1" "$2"' | sort >"$OUT/results.tsv"

printf 'kernel\tvariant\texpected\tgot\tms\tverdict\n'
cat "$OUT/results.tsv"
mismatches=$(grep -c 'MISMATCH' "$OUT/results.tsv" || true)
echo "kernels: $(grep -vc '^#' "$here/kernels.tsv"), runs: $(wc -l <"$OUT/results.tsv"), mismatches: $mismatches, logs: $OUT"
[ "$mismatches" -eq 0 ]
