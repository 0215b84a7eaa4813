#!/bin/bash
# Runs every scenario against .build/release/blogctl (swift build -c release --product blogctl first);
# each compares every build with a fresh `--no-cache` build (diff -r, modes, CID, blogctl check). Scratch in /tmp/qaf.
cd "$(dirname "$0")"
mkdir -p /tmp/qaf
for s in s*.sh; do ./$s > /tmp/qaf/$s.log 2>&1; echo "$s: $(tail -1 /tmp/qaf/$s.log)"; done
