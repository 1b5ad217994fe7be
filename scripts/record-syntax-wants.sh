#!/usr/bin/env bash
# Records what real Go's `go build` says about each syntax-error case of gosim's parser tests,
# so that test/gosim/syntax/errors.test.ts and header.test.ts compare gosim with Go itself.
#
# For each test/gosim/syntax/testdata/{errors,header}/<name>.go this writes <name>.want: the
# lines `go build` printed, without its `# command-line-arguments` heading (the tests compare
# the parser's errors, which come without it), or an empty file when the case builds.
#
# Each case is copied as prog.go into a temporary module whose go.mod says `go 1.26` and built
# there with `go build -o <tmp>/bin ./prog.go`, as the conformance programs are
# (scripts/record-goldens.sh): that is how gosim names the file (`./prog.go:L:C: ...` from the
# compiler, `prog.go:L:C: ...` from the go command's own check of the package clause and
# imports), and a module gives current Go's language version rather than the default of a file
# built outside any module.
#
# Usage: scripts/record-syntax-wants.sh [case.go ...]   (default: every case)
# Re-running is safe: .want files are overwritten; `git diff` shows what Go now says differently.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases_dir="$root/test/gosim/syntax/testdata"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset GOFLAGS
export GO111MODULE=on GOTOOLCHAIN=local

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find "$cases_dir/errors" "$cases_dir/header" -name '*.go' | sort)
fi

printf 'module prog\n\ngo 1.26\n' > "$tmp/go.mod"
count=0
for f in "${files[@]}"; do
  want="${f%.go}.want"
  cp "$f" "$tmp/prog.go"
  rm -f "$tmp/bin"
  set +e
  (cd "$tmp" && go build -o "$tmp/bin" ./prog.go) > "$tmp/build.out" 2>&1
  status=$?
  set -e
  if [ "$status" -ne 0 ] && ! grep -qE '^(\./)?prog\.go:[0-9]+:[0-9]+: ' "$tmp/build.out"; then
    # Go failed without saying anything about the file: the toolchain or the machine is at
    # fault, and writing this down would record a wrong answer.
    echo "go build failed for $f without an error in the program:" >&2
    cat "$tmp/build.out" >&2
    exit 1
  fi
  if [ "$status" -eq 0 ]; then
    : > "$want"
  else
    grep -vx '# command-line-arguments' "$tmp/build.out" > "$want" || true
  fi
  count=$((count + 1))
  printf '%-50s %s line(s)\n' "${f#"$cases_dir"/}" "$(wc -l < "$want")"
done
echo "recorded $count syntax cases with $(go version)"
