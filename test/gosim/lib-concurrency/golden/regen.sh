#!/bin/sh
# Records what binaries built by the real Go toolchain print, for every golden program here:
# NAME.out is stdout; NAME.err is the first line of stderr (if any) and the exit status.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in *.go; do
  name=${f%.go}
  go build -o "$tmp/$name" "$f"
  status=0
  "$tmp/$name" > "$name.out" 2> "$tmp/stderr" || status=$?
  { head -n 1 "$tmp/stderr"; echo "exit $status"; } > "$name.err"
done
