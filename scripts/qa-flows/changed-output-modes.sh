#!/bin/bash
# modes of files in the output carried over by the recycled tree
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/changed-output-modes; newsite $S; O=$S/public
step first $S $O; step second $S $O
chmod 600 $O/index.html; chmod 600 $O/img/cid-anatomy.svg; chmod 700 $O/tags; chmod 4755 $O/404.html; step chmod-output $S $O
step again $S $O
(cd $O && find . -printf '%y %m %P\n' | grep -v "f 644" | grep -v "d 755")
step again2 $S $O
finish
