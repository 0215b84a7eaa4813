#!/bin/bash
# --output variants: relative, absolute, symlinked, other FS; chmod static
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s4; newsite $S; OUTARG=1
cd /tmp/qaf
rm -rf /tmp/qaf/relout /tmp/qaf/.relout-recycle
step rel1 s4 relout; step rel2 s4 relout
echo x >> s4/content/about.md; step rel-edit s4 relout
cd /tmp/qaf/s4; step rel-dot-dot . ../relout; step rel-dot-dot2 . ../relout; cd /tmp/qaf
step abs-same /tmp/qaf/s4 /tmp/qaf/relout
step abs-with-dots /tmp/qaf/s4 /tmp/qaf/s4/../relout
rm -rf /tmp/qaf/realout /tmp/qaf/linkout /tmp/qaf/.realout-recycle /tmp/qaf/.linkout-recycle; mkdir /tmp/qaf/realout; ln -s /tmp/qaf/realout /tmp/qaf/linkout
"$BIN" build $S --output /tmp/qaf/linkout >/dev/null 2>/tmp/qaf/sl.err && { echo "SYMLINK OUTPUT ACCEPTED"; FAIL=1; }; echo "  [symlink-out] refused: $(cat /tmp/qaf/sl.err)"; [ -L /tmp/qaf/linkout ] || { echo "LINK GONE"; FAIL=1; }
step symlink-target $S /tmp/qaf/realout
rm -rf /dev/shm/qaf-out /dev/shm/.qaf-out-recycle
step shm1 $S /dev/shm/qaf-out; step shm2 $S /dev/shm/qaf-out; echo z >> $S/content/now.md; step shm-edit $S /dev/shm/qaf-out
ls -la /dev/shm | grep qaf
# site on tmp, default output and chmod
unset OUTARG
step default1 $S $S/public
chmod 755 $S/static/img/cid-anatomy.svg; step chmod-755 $S $S/public
chmod 600 $S/static/img/cid-anatomy.svg; step chmod-600 $S $S/public
chmod 644 $S/static/img/cid-anatomy.svg; step chmod-644 $S $S/public
chmod 444 $S/public/index.html; step output-readonly-file $S $S/public
chmod 555 $S/public/posts 2>/dev/null; step output-readonly-dir $S $S/public
chmod 555 $S/.public-recycle 2>/dev/null; step recycle-readonly $S $S/public
chmod -R u+w $S/.public-recycle $S/public 2>/dev/null
echo victim > /tmp/qaf/victim.txt; ln -sf /tmp/qaf/victim.txt $S/public/index.html; step output-symlink-file $S $S/public; [ "$(cat /tmp/qaf/victim.txt)" = victim ] || { echo VICTIM WRITTEN; FAIL=1; }
mkdir -p /tmp/qaf/victimdir; echo v > /tmp/qaf/victimdir/a; rm -rf $S/.public-recycle/tags; ln -s /tmp/qaf/victimdir $S/.public-recycle/tags; step recycle-symlink $S $S/public; [ "$(ls /tmp/qaf/victimdir)" = a ] || { echo VICTIMDIR TOUCHED; FAIL=1; }
finish
