# shared helpers for qa-flows scenarios
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${BIN:-$REPO/.build/release/blogctl}
mkdir -p /tmp/qaf
FAIL=0
# build SITE [args...] -> prints CID into $CID, stderr into $ERRF
b() { local site=$1; shift; ERRF=$(mktemp /tmp/qaf/err.XXXX); CID=$("$BIN" build "$site" "$@" 2>"$ERRF"); RC=$?; if [ $RC != 0 ]; then echo "BUILD FAILED rc=$RC: $(cat $ERRF)"; FAIL=1; fi; }
# cmp SITE OUTDIR [flags...]: fresh --no-cache build vs OUTDIR and $CID
cmpfresh() { local site=$1 out=$2; shift 2; local ref=$(mktemp -d /tmp/qaf/ref.XXXX); rmdir $ref
  local rcid; rcid=$("$BIN" build "$site" --no-cache --output "$ref" "$@" 2>/tmp/qaf/referr) || { echo "REF BUILD FAILED $(cat /tmp/qaf/referr)"; FAIL=1; return; }
  if [ "$rcid" != "$CID" ]; then echo "CID MISMATCH: got $CID fresh $rcid ($LABEL)"; FAIL=1; fi
  if ! diff -r "$out" "$ref" >/tmp/qaf/diff.out 2>&1; then echo "DIFF MISMATCH ($LABEL):"; head -20 /tmp/qaf/diff.out; FAIL=1; fi
  # file types (symlinks etc.)
  if [ "$(cd $out && find . -printf '%y %m %P\n' | sort)" != "$(cd $ref && find . -printf '%y %m %P\n' | sort)" ]; then echo "TYPE/LIST MISMATCH ($LABEL)"; FAIL=1; fi
  "$BIN" check "$site" --output "$out" >/tmp/qaf/check.out 2>&1; "$BIN" check "$site" --output "$ref" 2>&1 | sed "s|$ref|OUT|g" >/tmp/qaf/checkref.out
  sed -i "s|$out|OUT|g" /tmp/qaf/check.out; cmp -s /tmp/qaf/check.out /tmp/qaf/checkref.out || { echo "CHECK DIFFERS ($LABEL): $(diff /tmp/qaf/check.out /tmp/qaf/checkref.out | head -5)"; FAIL=1; }
  rm -rf "$ref" "$(dirname $ref)/.$(basename $ref)-recycle"
}
# step LABEL SITE OUT [flags]: build then compare. A --drafts or --future build names OUT (its default
# folder is public-drafts/): the scenarios alternate them with plain builds in one folder on purpose.
step() { LABEL=$1; local site=$2 out=$3; shift 3
  if [ -n "$OUTARG" ] || [[ " $* " == *" --drafts "* || " $* " == *" --future "* ]]; then b "$site" --output "$out" "$@"; else b "$site" "$@"; fi; cmpfresh "$site" "$out" "$@"; echo "  [$LABEL] $CID $(grep -o 'rendered.*' $ERRF | head -1 | cut -c1-60) $(grep -o '[0-9]* kept' $ERRF)"; }
# A clean copy of SampleSite (without the outputs and cache a build of it in the repo left).
newsite() { rm -rf "$1"; cp -a $REPO/SampleSite "$1"; rm -rf "$1"/public "$1"/.public-* "$1"/.blogctl-cache; }
# finish: the scenario's verdict as its last line and its exit status (non-zero when any step failed).
finish() { echo "FAIL=$FAIL"; exit "$FAIL"; }
