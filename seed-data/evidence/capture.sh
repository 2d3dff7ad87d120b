#!/bin/sh
# Regenerates evidence/captured/*.txt: output of Go 1.19 for the signature programs.
# Run from seed-data/evidence. Addresses and goroutine ids differ between runs.
set -u
cd "$(dirname "$0")"
out=captured
mkdir -p "$out"
tmp=$(mktemp -d)
go version > "$out/go-version.txt"
for c in close-nil close-closed send-closed nil-map runlock-unlocked unlock-unlocked-rw map-writes map-read-write chan-deadlock once-reentrant wg-deadlock select-deadlock mutex-double-lock unlock-unlocked nil-mutex negative-wg rwmutex-upgrade cond-copied; do
  (cd signatures/panics && timeout 60 go run main.go "$c") > "$out/panic-$c.txt" 2>&1
done
(cd signatures/waitreasons && go build -o "$tmp/wr" main.go)
"$tmp/wr" 2> "$out/dump-waitreasons.txt" & pid=$!; sleep 2; kill -QUIT $pid; wait $pid
if [ "${LONG:-0}" = 1 ]; then
  "$tmp/wr" 2> "$out/dump-waitreasons-minutes.txt" & pid=$!; sleep 70; kill -QUIT $pid; wait $pid
fi
(cd race-report-format && timeout 120 go run -race main.go) > "$out/race-counter.txt" 2>&1
(cd signatures/testtimeout && timeout 60 go test -timeout 2s hang_test.go) > "$out/test-timeout.txt" 2>&1
(cd signatures/goleakreport && GO111MODULE=off GOPATH=/usr/share/gocode timeout 120 go test leak_test.go) > "$out/goleak.txt" 2>&1
(cd signatures/vetreports && go vet vet.go vet_test.go) > "$out/vet.txt" 2>&1
(cd signatures/fatalgoroutine && timeout 60 go test late_test.go) > "$out/test-late-fail.txt" 2>&1
rm -rf "$tmp"
