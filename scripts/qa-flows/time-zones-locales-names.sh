#!/bin/bash
# TZ/LC_ALL changes, non-ASCII names, same-second edit loops, restore content+mtime
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s6; newsite $S; O=$S/public
P=$S/content/posts
printf -- "---\ntitle: Café ünïcode\ndate: 2024-05-05\ntags: [Zürich, 東京]\n---\n\nHé.\n" > "$P/2024-05-05-café-ünïcode.md"
mkdir -p "$P/Ärger-bündel"; printf -- "---\ntitle: Bündel\ndate: 2024-06-06\n---\n\n![x](bild-ß.svg)\n" > "$P/Ärger-bündel/index.md"; cp $S/static/img/cid-anatomy.svg "$P/Ärger-bündel/bild-ß.svg"
cp $S/static/img/cid-anatomy.svg "$S/static/img/日本.svg"
# NFD vs NFC file name
cp $S/static/img/cid-anatomy.svg "$S/static/img/$(printf 'e\xcc\x81').svg"
step nonascii $S $O; step nonascii2 $S $O
TZ=Pacific/Kiritimati step tz-kiri $S $O; TZ=America/Adak LC_ALL=C step tz-adak-C $S $O
LC_ALL=de_DE.UTF-8 LANG=tr_TR.UTF-8 step locale-de-tr $S $O; TZ=UTC step tz-utc $S $O
mv "$P/Ärger-bündel" "$P/Ärger-bündel-2"; step rename-nonascii-bundle $S $O
# fast loop, same second
for i in 1 2 3 4 5 6; do
  printf -- "---\ntitle: Fast $i\ndate: 2024-07-07\n---\n\nBody $i\n" > $P/fast.md; step fast-$i $S $O
done
# same-size edit within the same second, no build in between checks
for i in 1 2 3 4; do printf -- "---\ntitle: Fast A\ndate: 2024-07-07\n---\n\nBody $i\n" > $P/fast.md; step fastsize-$i $S $O; done
# edit a static file keeping size and mtime
cp -p $S/static/.well-known/security.txt /tmp/qaf/sec.txt
sed -i 's/a/b/' $S/static/.well-known/security.txt; touch -r /tmp/qaf/sec.txt $S/static/.well-known/security.txt; step static-same-size-mtime $S $O
# edit a post keeping size and mtime
cp -p $P/2025-01-19-reproducible-builds.md /tmp/qaf/rb.md
sed -i 's/the/teh/' $P/2025-01-19-reproducible-builds.md; touch -r /tmp/qaf/rb.md $P/2025-01-19-reproducible-builds.md; step post-same-size-mtime $S $O
# template same-size same-mtime edit
mkdir -p $S/templates; cp $REPO/Templates/post.mustache $S/templates/post.mustache; step tmpl-add $S $O
cp -p $S/templates/post.mustache /tmp/qaf/pm; sed -i 's/<article/<artikle/' $S/templates/post.mustache; touch -r /tmp/qaf/pm $S/templates/post.mustache; step tmpl-same-mtime $S $O
finish
