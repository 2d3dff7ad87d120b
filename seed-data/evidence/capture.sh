#!/bin/sh
# Regenerates evidence/captured/*.txt: output of Go 1.19 for the signature programs.
# Run from seed-data/evidence. Addresses and goroutine ids differ between runs.
set -u
cd "$(dirname "$0")"
out=captured
mkdir -p "$out"
tmp=$(mktemp -d)
go version > "$out/go-version.txt"
# Every captured file starts with the toolchain that produced it.
hdr() { echo "# captured with $(go version)"; }
for c in close-nil close-closed send-closed nil-map runlock-unlocked unlock-unlocked-rw map-writes map-read-write chan-deadlock once-reentrant wg-deadlock select-deadlock mutex-double-lock unlock-unlocked nil-mutex negative-wg rwmutex-upgrade cond-copied; do
  { hdr; (cd signatures/panics && timeout 60 go run main.go "$c") 2>&1; } > "$out/panic-$c.txt"
done
(cd signatures/waitreasons && go build -o "$tmp/wr" main.go)
hdr > "$out/dump-waitreasons.txt"
"$tmp/wr" 2>> "$out/dump-waitreasons.txt" & pid=$!; sleep 2; kill -QUIT $pid; wait $pid
if [ "${LONG:-0}" = 1 ]; then
  hdr > "$out/dump-waitreasons-minutes.txt"
  "$tmp/wr" 2>> "$out/dump-waitreasons-minutes.txt" & pid=$!; sleep 70; kill -QUIT $pid; wait $pid
fi
{ hdr; (cd race-report-format && timeout 120 go run -race main.go) 2>&1; } > "$out/race-counter.txt"
{ hdr; (cd signatures/testtimeout && timeout 60 go test -timeout 2s hang_test.go) 2>&1; } > "$out/test-timeout.txt"
{ hdr; (cd signatures/goleakreport && GO111MODULE=off GOPATH=/usr/share/gocode timeout 120 go test leak_test.go) 2>&1; } > "$out/goleak.txt"
{ hdr; (cd signatures/vetreports && go vet vet.go vet_test.go) 2>&1; } > "$out/vet.txt"
{ hdr; (cd signatures/fatalgoroutine && timeout 60 go test late_test.go) 2>&1; } > "$out/test-late-fail.txt"
{ hdr; for c in listen-twice refused; do (cd signatures/outside && timeout 60 go run main.go "$c") 2>&1; done; } > "$out/net-errors.txt"
{ hdr; (cd signatures/outside/testrun && GO111MODULE=off timeout 60 go test -v -count=1 -run TestPasses . && GO111MODULE=off timeout 60 go test -v -count=1 .) 2>&1; } > "$out/test-run.txt"
rm -rf "$tmp"
