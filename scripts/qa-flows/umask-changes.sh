#!/bin/bash
# builds under umask 077 then 022 (cron/sudo vs shell): modes must end as a fresh build's under the current umask
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s13; newsite $S; O=$S/public
(umask 077; step u077-1 $S $O; step u077-2 $S $O; step u077-3 $S $O; echo "FAIL=$FAIL" > /tmp/qaf/s13.sub)
grep -q FAIL=1 /tmp/qaf/s13.sub && FAIL=1
step u022-1 $S $O; step u022-2 $S $O; step u022-3 $S $O
(cd $O && find . -printf '%y %m %P\n' | grep -v "f 644" | grep -v "d 755" | head -5)
finish
