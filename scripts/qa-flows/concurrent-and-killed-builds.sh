#!/bin/bash
# two builds at once; kill -9 midway then build again
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s5; newsite $S; O=$S/public
# make the site larger so builds take a while
for i in $(seq 1 300); do printf -- "---\ntitle: Gen $i\ndate: 2023-01-%02d\ntags: [t$((i%7))]\n---\n\n# Post $i\n\n$(printf 'a%.0s' $(seq 1 300))\n" $(( (i%28)+1 )) > $S/content/posts/gen-$i.md; done
dd if=/dev/urandom of=$S/static/big.bin bs=1M count=200 status=none
step first $S $O
for round in 1 2 3; do
  echo "e$round" >> $S/content/about.md
  "$BIN" build $S >/tmp/qaf/c1.out 2>/tmp/qaf/c1.err & p1=$!
  "$BIN" build $S >/tmp/qaf/c2.out 2>/tmp/qaf/c2.err & p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  echo "  concurrent round $round: rc $r1 $r2: $(cat /tmp/qaf/c1.out) $(cat /tmp/qaf/c2.out) | $(grep -i error /tmp/qaf/c1.err /tmp/qaf/c2.err)"
  CID=$(cat /tmp/qaf/c2.out); [ $r2 = 0 ] || CID=$(cat /tmp/qaf/c1.out); LABEL=concurrent-$round; cmpfresh $S $O
  ls -a $S | tr '\n' ' '; echo
done
for delay in 0.1 0.3 0.6 1.0 1.5 2.5; do
  echo "k$delay" >> $S/content/now.md; echo "k$delay" >> $S/static/new.txt; sed -i "s/^title: .*/title: K$delay/" $S/site.yml; touch $S/static/big.bin
  "$BIN" build $S >/dev/null 2>&1 & p=$!; sleep $delay; kill -9 $p; wait $p 2>/dev/null
  echo "  killed after $delay: $(ls -a $S | tr '\n' ' ')"
  step after-kill-$delay $S $O
done
# kill while building with --output elsewhere
for delay in 0.2 0.8; do
  echo "ko$delay" >> $S/content/now.md; sed -i "s/^title: .*/title: KO$delay/" $S/site.yml; touch $S/static/big.bin
  "$BIN" build $S --output /tmp/qaf/s5out >/dev/null 2>&1 & p=$!; sleep $delay; kill -9 $p; wait $p 2>/dev/null
  OUTARG=1 step after-kill-out-$delay $S /tmp/qaf/s5out
done
ls -a /tmp/qaf | grep s5out
finish
