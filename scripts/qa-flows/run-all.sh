#!/usr/bin/env bash
# Runs rebuild scenarios against a release blogctl (BIN, default .build/release/blogctl; build it
# with `swift build -c release --product blogctl`). Each scenario compares every build with a
# fresh `--no-cache` build (diff -r, modes, CID, blogctl check); logs go to /tmp/qaf/NAME.log.
#
# usage: run-all.sh [--fast | NAME...]    --fast: the scenarios CI runs (under a minute together)
# Exits non-zero when any scenario fails, naming it.
set -u
cd "$(dirname "$0")"
fast=(edits git-checkouts moved-site file-folder-swaps umask-changes changed-output-modes read-only-output-folder symlinked-output)
if [ "${1:-}" = --fast ]; then names=("${fast[@]}")
elif [ $# -gt 0 ]; then names=("$@")
else names=(); for s in *.sh; do case $s in lib.sh|run-all.sh) ;; *) names+=("${s%.sh}") ;; esac; done; fi
bin=${BIN:-../../.build/release/blogctl}
[ -x "$bin" ] || { echo "run-all: $bin is missing; run: swift build -c release --product blogctl" >&2; exit 2; }
mkdir -p /tmp/qaf
failed=()
for name in "${names[@]}"; do
    [ -f "$name.sh" ] || { echo "run-all: no scenario $name.sh" >&2; exit 2; }
    start=$(date +%s)
    if bash "./$name.sh" >"/tmp/qaf/$name.log" 2>&1; then verdict=ok; else verdict=FAILED; failed+=("$name"); fi
    printf '%-36s %-6s %3ss  %s\n' "$name" "$verdict" "$(( $(date +%s) - start ))" "$(tail -1 "/tmp/qaf/$name.log")"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "run-all: failed: ${failed[*]} (logs in /tmp/qaf)" >&2
    exit 1
fi
