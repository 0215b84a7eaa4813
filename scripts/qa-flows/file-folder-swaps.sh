#!/bin/bash
# file<->folder swaps, post<->bundle, broken front matter between builds, empty/hard-linked/symlinked static files, symlinked site path
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s10; newsite $S; O=$S/public; P=$S/content/posts
step first $S $O; step second $S $O
echo "x" > $S/static/thing; step static-file $S $O
rm $S/static/thing; mkdir $S/static/thing; echo y > $S/static/thing/inner.txt; step static-file-to-folder $S $O
rm -r $S/static/thing; echo z > $S/static/thing; step static-folder-to-file $S $O
mkdir $P/2025-01-19-reproducible-builds; mv $P/2025-01-19-reproducible-builds.md $P/2025-01-19-reproducible-builds/index.md; step post-to-bundle $S $O
echo asset > $P/2025-01-19-reproducible-builds/a.txt; step bundle-asset $S $O
mv $P/2025-01-19-reproducible-builds/index.md $P/2025-01-19-reproducible-builds.md; rm -r $P/2025-01-19-reproducible-builds; step bundle-to-post $S $O
cp $P/2024-02-11-moving-this-blog-to-ipfs.md /tmp/qaf/good.md; printf -- "---\ntitle: [broken\n---\n" > $P/2024-02-11-moving-this-blog-to-ipfs.md
before=$(cd $O && find . -type f -exec md5sum {} + | sort | md5sum)
"$BIN" build $S >/dev/null 2>/tmp/qaf/bad.err; echo "  [broken-front-matter] rc=$? $(cat /tmp/qaf/bad.err)"
[ "$before" = "$(cd $O && find . -type f -exec md5sum {} + | sort | md5sum)" ] || { echo "OUTPUT CHANGED BY FAILED BUILD"; FAIL=1; }
cp /tmp/qaf/good.md $P/2024-02-11-moving-this-blog-to-ipfs.md; step fixed $S $O
: > $S/static/empty.txt; step empty-static $S $O
ln $S/static/img/cid-anatomy.svg $S/static/hard.svg; step hardlinked-static $S $O
echo "<svg/>" > /tmp/qaf/ext.svg; ln -s /tmp/qaf/ext.svg $S/static/link.svg; step symlinked-static $S $O
echo "<svg></svg>" > /tmp/qaf/ext2.svg; ln -sf /tmp/qaf/ext2.svg $S/static/link.svg; step retargeted-symlink $S $O
echo "<svg>2</svg>" > /tmp/qaf/ext2.svg; step symlink-target-edited $S $O
rm -f /tmp/qaf/s10link; ln -s $S /tmp/qaf/s10link; step via-symlinked-site /tmp/qaf/s10link /tmp/qaf/s10link/public; step via-real-site $S $O
finish
