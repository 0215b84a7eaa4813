#!/bin/bash
# kill -9 at many points of a build (documents appended, manifest saved), and concurrent builds with different flags
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s9; newsite $S; O=$S/public
for i in $(seq 1 400); do printf -- "---\ntitle: Gen $i\ndate: 2023-02-%02d\ntags: [t$((i%9))]\n---\n\n# Post $i\n\nText $i with *some* markdown.\n" $(( (i%28)+1 )) > $S/content/posts/g-$i.md; done
step first $S $O
for d in 0.05 0.1 0.15 0.2 0.25 0.3 0.35 0.4 0.5 0.6 0.7 0.8; do
  for i in $(seq 1 40); do echo "edit $d" >> $S/content/posts/g-$(( (RANDOM % 400) + 1 )).md; done
  "$BIN" build $S >/dev/null 2>&1 & p=$!; sleep $d; kill -9 $p 2>/dev/null; wait $p 2>/dev/null
  step after-kill-$d $S $O
done
for r in 1 2 3; do
  echo "c$r" >> $S/content/about.md
  "$BIN" build $S --drafts --output $O >/tmp/qaf/d1.out 2>/tmp/qaf/d1.err & p1=$!
  "$BIN" build $S >/tmp/qaf/d2.out 2>/tmp/qaf/d2.err & p2=$!
  "$BIN" build $S --future --output $O >/tmp/qaf/d3.out 2>/tmp/qaf/d3.err & p3=$!
  wait $p1; r1=$?; wait $p2; r2=$?; wait $p3; r3=$?
  echo "  mixed-flags round $r: rc $r1 $r2 $r3 $(cat /tmp/qaf/d1.err /tmp/qaf/d2.err /tmp/qaf/d3.err | grep -i error)"
  step after-mixed-$r $S $O; step after-mixed-drafts-$r $S $O --drafts
done
ls -a $S; ls $S/.blogctl-cache $S/.blogctl-cache/outputs
finish
