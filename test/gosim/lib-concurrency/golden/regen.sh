#!/bin/sh
# Records the real Go toolchain's output for every golden program in this folder.
set -e
cd "$(dirname "$0")"
for f in *.go; do
  go run "$f" > "${f%.go}.out"
done
