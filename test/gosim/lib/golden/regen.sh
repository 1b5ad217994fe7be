#!/bin/sh
# Re-record the outputs of real Go that gosim's library tests compare against.
set -e
cd "$(dirname "$0")"
for d in */; do
  name=${d%/}
  (cd "$name" && go run main.go) > "$name.json"
done
