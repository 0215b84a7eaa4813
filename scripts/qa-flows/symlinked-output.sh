#!/bin/bash
# output path that is a symbolic link to a folder: refused with a one-line error, the link and its folder untouched
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s8; newsite $S; rm -rf /tmp/qaf/www8 /tmp/qaf/foreign8
"$BIN" build $S --output /tmp/qaf/www8 >/dev/null 2>&1   # a previous output, built straight there
ln -s /tmp/qaf/www8 $S/public
before=$(cd /tmp/qaf/www8 && find . -type f -exec md5sum {} + | sort | md5sum)
echo x >> $S/content/now.md
"$BIN" build $S >/dev/null 2>/tmp/qaf/s8.err && { echo "ACCEPTED"; FAIL=1; }; echo "  symlink to earlier output: $(cat /tmp/qaf/s8.err)"
[ -L $S/public ] || { echo "LINK GONE"; FAIL=1; }
[ "$before" = "$(cd /tmp/qaf/www8 && find . -type f -exec md5sum {} + | sort | md5sum)" ] || { echo "TARGET CHANGED"; FAIL=1; }
mkdir /tmp/qaf/foreign8; echo "<h1>nginx</h1>" > /tmp/qaf/foreign8/index.html; rm -rf $S/public $S/.public-recycle; ln -s /tmp/qaf/foreign8 $S/public
"$BIN" build $S >/dev/null 2>/tmp/qaf/s8.err && { echo "ACCEPTED"; FAIL=1; }; echo "  symlink to foreign folder: $(cat /tmp/qaf/s8.err)"
[ "$(ls /tmp/qaf/foreign8)" = index.html ] || { echo "FOREIGN CHANGED"; FAIL=1; }
OUTARG=1 step build-into-target $S /tmp/qaf/www8
finish
