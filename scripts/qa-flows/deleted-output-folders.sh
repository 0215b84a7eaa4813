#!/bin/bash
# delete public/ and/or .public-recycle between builds (inode numbers get reused, on tmpfs especially)
. "$(dirname "$0")/lib.sh"
for base in /tmp/qaf /dev/shm; do
S=$base/s12; newsite $S; O=$S/public
step first $S $O; step second $S $O
for r in 1 2 3 4; do
  rm -rf $O; step rm-public-$r $S $O
  rm -rf $O $S/.public-recycle; step rm-both-$r $S $O
  echo "r$r" >> $S/content/now.md; rm -rf $S/.public-recycle; step rm-recycle-edit-$r $S $O
  mv $O /tmp/qaf/moved-away; mkdir $O; step empty-public-$r $S $O; rm -rf /tmp/qaf/moved-away
  cp -a $S/.public-recycle $O.copy 2>/dev/null; rm -rf $S/.public-recycle; mv $O.copy $S/.public-recycle 2>/dev/null; step recycle-replaced-by-copy-$r $S $O
done
rm -rf $S
done
finish
