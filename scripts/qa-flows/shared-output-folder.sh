#!/bin/bash
# two sites alternating into one --output; hard-link backup of public; symlinked public; concurrent builds with different flags
. "$(dirname "$0")/lib.sh"
A=/tmp/qaf/s7a; B=/tmp/qaf/s7b; newsite $A; newsite $B; sed -i 's/^title: .*/title: Site B/' $B/site.yml
rm -rf /tmp/qaf/shared /tmp/qaf/.shared-recycle; X=/tmp/qaf/shared
for r in 1 2 3; do OUTARG=1 step A$r $A $X; OUTARG=1 step B$r $B $X; done
echo more >> $A/content/about.md; OUTARG=1 step A-edit $A $X; OUTARG=1 step B4 $B $X; OUTARG=1 step A5 $A $X; OUTARG=1 step A6 $A $X
# hard-link backup
S=/tmp/qaf/s7h; newsite $S; O=$S/public; step h1 $S $O; step h2 $S $O
rm -rf /tmp/qaf/backup; cp -al $O /tmp/qaf/backup; cp -al $S/.public-recycle /tmp/qaf/backup-r
(cd /tmp/qaf/backup && find . -type f -exec md5sum {} + | sort) > /tmp/qaf/backup.sum
(cd /tmp/qaf/backup-r && find . -type f -exec md5sum {} + | sort) > /tmp/qaf/backup-r.sum
sed -i 's/^title: .*/title: Changed/' $S/site.yml; step h-edit1 $S $O; step h-edit2 $S $O; echo x >> $S/content/now.md; step h-edit3 $S $O
(cd /tmp/qaf/backup && find . -type f -exec md5sum {} + | sort) | cmp -s - /tmp/qaf/backup.sum || { echo "HARDLINK BACKUP CHANGED"; FAIL=1; }
(cd /tmp/qaf/backup-r && find . -type f -exec md5sum {} + | sort) | cmp -s - /tmp/qaf/backup-r.sum || { echo "HARDLINK BACKUP-R CHANGED"; FAIL=1; }
rm -rf /tmp/qaf/backup /tmp/qaf/backup-r
# symlinked default public
S=/tmp/qaf/s7l; newsite $S; rm -rf /tmp/qaf/www; mkdir /tmp/qaf/www; ln -s /tmp/qaf/www $S/public
"$BIN" build $S >/dev/null 2>/tmp/qaf/sl.err && { echo "SYMLINKED PUBLIC ACCEPTED"; FAIL=1; }; echo "  symlinked public refused: $(cat /tmp/qaf/sl.err)"
[ -L $S/public ] || { echo "LINK GONE"; FAIL=1; }
finish
