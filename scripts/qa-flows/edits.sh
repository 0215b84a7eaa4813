#!/bin/bash
# init -> build x3 -> edits/renames/deletes between builds
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s1; newsite $S; O=$S/public
step first $S $O; step second $S $O; step third $S $O
P=$S/content/posts
echo "more text" >> $P/2025-01-19-reproducible-builds.md; step edit-post $S $O
mv $P/2024-04-20-resizing-photos-with-a-swift-script.md $P/2024-04-21-resizing.md; step rename-post $S $O
rm $P/2024-11-30-a-year-of-sourdough.md; step delete-post $S $O
mv $P/ardennes-packing-list $P/ardennes2; step rename-bundle $S $O
echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > $P/ardennes2/route.svg; step edit-bundle-asset $S $O
rm $P/ardennes2/route.svg; step del-bundle-asset $S $O
echo "hello" > $S/static/new.txt; step add-static $S $O
echo "hello2" > $S/static/new.txt; step edit-static-same-size $S $O
mv $S/static/new.txt $S/static/new2.txt; step rename-static $S $O
rm -r $S/static/img; step delete-static-dir $S $O
mkdir -p $S/templates; "$BIN" init --help >/dev/null 2>&1
sed -i 's/posts_per_page: 5/posts_per_page: 3/' $S/site.yml; step siteyml-edit $S $O
sed -i 's/^title: .*/title: Renamed Blog/' $S/site.yml; step siteyml-title $S $O
step drafts $S $O --drafts; step drafts-again $S $O --drafts; step nodrafts $S $O
step future $S $O --future; step drafts-future $S $O --drafts --future; step plain $S $O
touch $P/*.md $S/site.yml; step touch-all $S $O
cp -p $P/2025-01-19-reproducible-builds.md /tmp/qaf/saved.md; echo x >> $P/2025-01-19-reproducible-builds.md; step edit $S $O
cp -p /tmp/qaf/saved.md $P/2025-01-19-reproducible-builds.md; step restore-with-mtime $S $O
touch $O/index.html; step touch-output $S $O
echo junk > $O/index.html; step corrupt-output-page $S $O
echo junk >> $O/404.html; step append-output $S $O
rm $O/sitemap.xml; step rm-output-file $S $O
echo "extra" > $O/user-extra.txt; step extra-output-file $S $O
rm -rf $S/.blogctl-cache; step rm-cache $S $O
rm -rf $S/.public-recycle; step rm-recycle $S $O
for f in $S/.blogctl-cache/outputs/*; do head -c 100 /dev/urandom > $f; done; step corrupt-manifest $S $O
for f in $S/.blogctl-cache/documents*; do [ -f $f ] && truncate -s $(( $(stat -c %s $f) / 2 )) $f; done; step truncate-docs $S $O
for f in $S/.blogctl-cache/documents*; do [ -f $f ] && printf 'garbage' >> $f; done; step append-garbage-docs $S $O
finish
