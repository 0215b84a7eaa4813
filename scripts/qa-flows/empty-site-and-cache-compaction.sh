#!/bin/bash
# blogctl init -> build x3 (no posts); many edits so the document cache is rewritten (compaction)
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s11; rm -rf $S; "$BIN" init $S >/dev/null 2>&1 || echo "INIT FAILED"; O=$S/public
step init1 $S $O; step init2 $S $O; step init3 $S $O
rm -f $S/content/posts/*; step no-posts $S $O; step no-posts2 $S $O
for i in $(seq 1 12); do printf -- "---\ntitle: P$i\ndate: 2024-01-%02d\n---\n\nBody $i\n" $i > $S/content/posts/p$i.md; done; step twelve $S $O
for r in $(seq 1 20); do
  for i in 1 2 3 4; do printf -- "---\ntitle: P$i\ndate: 2024-01-%02d\n---\n\nBody $i round $r\n" $i > $S/content/posts/p$i.md; done
  step round-$r $S $O >/tmp/qaf/round.out; grep -v "^  \[" /tmp/qaf/round.out; printf "%s " $(stat -c %s $S/.blogctl-cache/documents)
done; echo
finish
