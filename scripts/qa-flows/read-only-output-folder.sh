#!/bin/bash
# read-only folder in the output / recycled tree: modes must match a fresh build
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/read-only-output-folder; newsite $S; O=$S/public
step first $S $O; step second $S $O
chmod 555 $S/public/posts; step output-readonly-dir $S $O
diff <(cd $O && find . -printf '%y %m %P\n' | sort) <(cd $S/.public-recycle && find . -printf '%y %m %P\n' | sort) | head
step again $S $O
(cd $O && find . -printf '%y %m %P\n' | grep -v 644 | grep -v "d 755")
step again2 $S $O
(cd $O && find . -printf '%y %m %P\n' | grep -v 644 | grep -v "d 755")
finish
