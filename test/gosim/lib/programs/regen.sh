#!/bin/sh
# Record what real Go prints for each program here (inside a go 1.26 module, as the conformance
# goldens are): NAME.go -> NAME.out (stdout) and NAME.err (stderr).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'module prog\n\ngo 1.26\n' > "$tmp/go.mod"
for f in *.go; do
  name=${f%.go}
  cp "$f" "$tmp/main.go"
  (cd "$tmp" && go build -o prog . && ./prog > out 2> err || true)
  cp "$tmp/out" "$name.out"
  cp "$tmp/err" "$name.err"
done
