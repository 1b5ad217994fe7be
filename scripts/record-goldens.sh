#!/usr/bin/env bash
# Records what the real Go toolchain does with every conformance program, so gosim can be
# measured against it (test/conformance/conformance.test.ts).
#
# For each test/conformance/programs/<area>/<name>.go this writes, next to the program:
#   <name>.stdout  exact bytes the built binary wrote to stdout (empty for compile errors)
#   <name>.stderr  what the binary wrote to stderr, or for a compile error what `go build`
#                  printed; the program's directory is replaced by $SRC so goldens do not
#                  depend on where the repository is checked out
#   <name>.exit    the exit status: the binary's, 1 for a compile error, 124 on timeout
# and test/conformance/programs/GO_VERSION records the toolchain that produced them.
#
# Each program is copied into a temporary module (go.mod saying `go 1.26`) and built there with
# `go build -o <tmp>/bin ./<name>.go`, so compile errors read `./<name>.go:L:C: ...` as gosim
# prints them. The module matters: a file built outside any module gets Go 1.20's GODEBUG
# defaults (panic(nil) prints `panic: nil`, timers keep the pre-1.23 asynchronous channels),
# while gosim follows current Go. The binary is run directly, not through `go run`, whose own
# `exit status N` line is not part of the program's behaviour. GOTRACEBACK is left at its
# default. In stderr the temporary source directory is replaced by $SRC.
#
# Usage: scripts/record-goldens.sh [program.go ...]   (default: all programs)
#        scripts/record-goldens.sh --decks             (the bundled decks' programs, see below)
#        scripts/record-goldens.sh --playground DIR [program.go ...]
#                                                      (DIR/*.go as the playground runs them)
#
# Programs of the conformance area `playground` (test/conformance/programs/playground/) are
# recorded the way the Go playground runs programs (described below for --decks): what they
# print depends on the order of things due at the same virtual instant, which a real binary
# decides by its clock but the playground's faketime decides the same way every run.
# --playground DIR does the same for every program in another folder, for example the
# concurrency library's goldens: `scripts/record-goldens.sh --playground
# test/gosim/lib-concurrency/golden` (those programs time their sleeps, which only virtual
# time makes exact); DIR/GO_VERSION then records the toolchain.
#
# With --decks, every predict card's program and every exercise's solution in decks/ is
# written to test/decks/programs/<deck>/ (scripts/deck-programs.mjs) and recorded the way the
# Go playground runs programs, which is the model gosim follows: built with `-tags faketime`
# (virtual time starting 2009-11-10 23:00:00 UTC, sleeps that take no real time) and run with
# GOMAXPROCS=1. The playback headers that faketime puts around every write are removed. The
# deck linter (test/decks/lint.test.ts) then checks that each card still holds the program
# recorded here and that what the deck says it prints is what Go printed.
# Re-running is safe: goldens are overwritten. Alternative outputs for programs whose output
# legitimately depends on scheduling are hand-written as <name>.stdout.alt1, ... and are
# never touched by this script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
progs_dir="$root/test/conformance/programs"
timeout_s="${GOLDEN_TIMEOUT:-60}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset GOTRACEBACK GOFLAGS
export GO111MODULE=auto GOTOOLCHAIN=local

playground=0
if [ "${1:-}" = "--decks" ]; then
  playground=1
  progs_dir="$root/test/decks/programs"
  mkdir -p "$progs_dir"
  mapfile -t files < <(node "$root/scripts/deck-programs.mjs" extract "$progs_dir")
elif [ "${1:-}" = "--playground" ]; then
  playground=1
  progs_dir="$(cd "${2:?usage: record-goldens.sh --playground DIR [program.go ...]}" && pwd)"
  shift 2
  if [ "$#" -gt 0 ]; then
    files=("$@")
  else
    mapfile -t files < <(find "$progs_dir" -maxdepth 1 -name '*.go' | sort)
  fi
elif [ "$#" -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find "$progs_dir" -name '*.go' | sort)
fi

go version > "$progs_dir/GO_VERSION"
every_program_in_playground=$playground
count=0
for f in "${files[@]}"; do
  f="$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
  playground=$every_program_in_playground
  case "$f" in "$root/test/conformance/programs/playground/"*) playground=1 ;; esac
  dir="$(dirname "$f")"
  name="$(basename "$f" .go)"
  out="$dir/$name"
  rm -rf "$tmp/bin" "$tmp/src"
  mkdir "$tmp/src"
  cp "$f" "$tmp/src/"
  printf 'module prog\n\ngo 1.26\n' > "$tmp/src/go.mod"
  for attempt in 1 2 3 4 5; do
    set +e
    if [ "$playground" -eq 1 ]; then
      (cd "$tmp/src" && go build -tags faketime -o "$tmp/bin" "./$name.go") > "$tmp/build.out" 2>&1
    else
      (cd "$tmp/src" && go build -o "$tmp/bin" "./$name.go") > "$tmp/build.out" 2>&1
    fi
    build_status=$?
    set -e
    # A toolchain failure that is not about the program (seen when another process briefly
    # replaced /dev/null) is retried; compile errors and successes are final.
    if [ "$build_status" -eq 0 ] || head -n 1 "$tmp/build.out" | grep -qx '# command-line-arguments'; then break; fi
    sleep 3
  done
  if [ "$build_status" -ne 0 ] && ! head -n 1 "$tmp/build.out" | grep -qx '# command-line-arguments'; then
    # Not a compile error in the program but a broken toolchain or environment (for example
    # a missing /dev/null): recording it would produce a bogus golden.
    echo "go build failed for $f without compiling it:" >&2
    cat "$tmp/build.out" >&2
    exit 1
  fi
  if [ "$build_status" -ne 0 ]; then
    : > "$out.stdout"
    sed -e "s|$tmp/src|\$SRC|g" -e "s|$tmp|\$TMP|g" "$tmp/build.out" > "$out.stderr"
    echo 1 > "$out.exit"
  else
    set +e
    if [ "$playground" -eq 1 ]; then
      (cd "$tmp" && GOMAXPROCS=1 timeout "$timeout_s" ./bin > "$tmp/stdout.pb" 2> "$tmp/stderr.pb" < /dev/null)
      status=$?
      node "$root/scripts/deck-programs.mjs" playback "$tmp/stdout.pb" > "$tmp/stdout"
      node "$root/scripts/deck-programs.mjs" playback "$tmp/stderr.pb" > "$tmp/stderr"
    else
      (cd "$tmp" && timeout "$timeout_s" ./bin > "$tmp/stdout" 2> "$tmp/stderr" < /dev/null)
      status=$?
    fi
    set -e
    cp "$tmp/stdout" "$out.stdout"
    sed -e "s|$tmp/src|\$SRC|g" "$tmp/stderr" > "$out.stderr"
    echo "$status" > "$out.exit"
  fi
  count=$((count + 1))
  printf '%-60s exit %s\n' "${f#"$progs_dir"/}" "$(cat "$out.exit")"
done
echo "recorded $count programs with $(cat "$progs_dir/GO_VERSION")"
