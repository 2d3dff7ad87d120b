#!/usr/bin/env bash
# Coverage of real-world Go tests: how many TestXxx functions of code nobody here wrote the simulator runs to a
# verdict (CLEAN or a finding) instead of refusing them, and the top refusal reasons.
#
# Corpus: the _test.go files of the Debian-packaged Go libraries below (under /usr/share/gocode/src), and Go 1.19's
# own sync and context tests (/usr/lib/go-1.19/src/{sync,context}). Each directory's tests are run the way go test
# builds them: all _test.go files with one package clause, merged with the package's own sources (for an external
# X_test package the import of X is dropped and its "X." qualifiers removed; dev.gocause.sim.CorpusCoverage). Every test runs a few schedules (SCHEDULES, default 5) with a 10 s budget; a
# package that takes longer than UNIT_TIMEOUT seconds counts its unfinished tests as "timeout".
#
# Usage: simulator/coverage/run.sh            (from the repository root; OUT=/tmp/dir keeps the raw results)
# Needs: apt-get install -y $PACKAGES (listed below), Go 1.19 sources (golang-1.19-src), a built simulator.
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGES="golang-golang-x-sync-dev golang-golang-x-time-dev golang-github-oklog-run-dev golang-github-patrickmn-go-cache-dev
golang-github-juju-ratelimit-dev golang-github-hashicorp-golang-lru-dev golang-github-cenkalti-backoff-dev"
ROOTS="/usr/share/gocode/src/golang.org/x/sync /usr/share/gocode/src/golang.org/x/time /usr/share/gocode/src/github.com/oklog/run
/usr/share/gocode/src/github.com/patrickmn/go-cache /usr/share/gocode/src/github.com/juju/ratelimit
/usr/share/gocode/src/github.com/hashicorp/golang-lru /usr/share/gocode/src/github.com/cenkalti/backoff"
GOSRC=/usr/lib/go-1.19/src
SCHEDULES=${SCHEDULES:-5}
UNIT_TIMEOUT=${UNIT_TIMEOUT:-300}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"

missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "missing corpus packages; install them with: apt-get install -y$missing" >&2
  exit 2
fi
[ -d "$GOSRC/sync" ] || { echo "Go 1.19 sources not found at $GOSRC (apt-get install -y golang-1.19-src)" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl simulator test-compile >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 2; }
fi
CP=${CP:-simulator/target/classes:simulator/target/test-classes}

: >"$OUT/results.tsv"
units=0
for dir in $(find $ROOTS -name '*_test.go' -not -path '*/testdata/*' -printf '%h\n' | sort -u) "$GOSRC/sync" "$GOSRC/context"; do
  for pkg in $(grep -h '^package ' "$dir"/*_test.go | awk '{print $2}' | sort -u); do
    units=$((units + 1))
    echo "[$units] $dir ($pkg)" >&2
    mode=merge
    case "$dir" in "$GOSRC"/*|*/golang.org/x/sync/errgroup) mode=native ;; esac
    timeout "$UNIT_TIMEOUT" java -Xmx2g -cp "$CP" dev.gocause.sim.CorpusCoverage "$dir" "$pkg" "$SCHEDULES" "$mode" \
      >>"$OUT/results.tsv" 2>>"$OUT/stderr.log" || echo "  (exit $?)" >&2
  done
done

awk -F'\t' '
  $1 == "PLAN"   { plan[$2 "\t" $3] = 1; n++ }
  $1 == "RESULT" { done[$2 "\t" $3] = $4; detail[$2 "\t" $3] = $5 }
  END {
    for (k in plan) {
      if (!(k in done)) { reasons["timeout (package ran longer than the unit timeout)"]++; continue }
      if (done[k] == "VERDICT") { v++; split(detail[k], w, " "); kinds[w[1]]++; continue }
      if (done[k] == "LIMIT") { split(detail[k], w, ":"); reasons[w[1] " (no schedule finished)"]++; continue }
      r = detail[k]; if (r ~ /^undefined|not a type|has no field/) gsub(/: .*/, ": …", r); reasons[r]++
    }
    printf "corpus: %d packages, %d TestXxx functions\n", '"$units"', n
    printf "run to a verdict: %d / %d = %.1f%%\n", v, n, n ? 100.0 * v / n : 0
    printf "verdicts by kind:"; for (k in kinds) printf " %s %d;", k, kinds[k]; printf "\n"
    printf "top refusal reasons (tests):\n"
    for (r in reasons) printf "%6d  %s\n", reasons[r], r | "sort -rn | head -20"
  }' "$OUT/results.tsv"
echo "raw results: $OUT/results.tsv" >&2
