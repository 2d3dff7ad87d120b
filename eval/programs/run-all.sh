#!/usr/bin/env bash
# Regenerates eval/inputs/real/*.txt from the programs in this folder with real Go 1.19.
# Usage: eval/programs/run-all.sh [name...]   (needs /usr/bin/go, golang-uber-goleak-dev and golang-github-sasha-s-go-deadlock-dev)
set -u
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../inputs/real"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(cd "$here" && ls -d */ | tr -d /))
for name in "${names[@]}"; do
  dir="$here/$name"
  cd "$dir" || continue
  case "$name" in
    race-*)   GOFLAGS=-mod=mod timeout 60 go run -race main.go >"$out/$name.txt" 2>&1 ;;
    vet-test-*) GO111MODULE=off GOPATH=/usr/share/gocode timeout 60 go vet ./... >"$out/$name.txt" 2>&1 ;;
    vet-*)    timeout 60 go vet main.go >"$out/$name.txt" 2>&1 ;;
    goleak-*) GO111MODULE=off GOPATH=/usr/share/gocode timeout 60 go test -count=1 -timeout 30s . >"$out/$name.txt" 2>&1 ;;
    godeadlock-*) GO111MODULE=off GOPATH=/usr/share/gocode timeout 60 go run main.go >"$out/$name.txt" 2>&1 ;;  # Debian's golang-github-sasha-s-go-deadlock-dev
    test-passes) GO111MODULE=off GOPATH=/usr/share/gocode timeout 60 go test -v -count=1 . >"$out/$name.txt" 2>&1 ;;
    timeout-*) GO111MODULE=off GOPATH=/usr/share/gocode timeout 60 go test -count=1 -timeout 2s . >"$out/$name.txt" 2>&1 ;;
    bigdump-*|sigquit-*)
      go build -o "$tmp/$name" main.go || continue
      "$tmp/$name" 2>"$out/$name.txt" &
      pid=$!
      for _ in $(seq 1 100); do grep -q ready "$out/$name.txt" 2>/dev/null && break; sleep 0.1; done
      kill -QUIT "$pid"; wait "$pid" 2>/dev/null
      sed -i '/^ready$/d' "$out/$name.txt" ;;
    *)        timeout 30 go run main.go >"$out/$name.txt" 2>&1 ;;
  esac
  echo "$name: $(wc -l <"$out/$name.txt") lines"
done
