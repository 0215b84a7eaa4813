#!/bin/bash
# git checkout / stash moves mtimes back and forth; templates override
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s2; newsite $S; O=$S/public; cd $S
git init -q . && git add -A && git -c user.email=a@b -c user.name=a commit -qm base
step first $S $O
mkdir -p templates/partials; cp $REPO/Templates/partials/footer.mustache templates/partials/footer.mustache
echo '<p>custom footer</p>' >> templates/partials/footer.mustache; step tmpl-override $S $O
mkdir -p templates/static/css; echo 'body{}' > templates/static/css/extra.css; step tmpl-static $S $O
git add -A; git -c user.email=a@b -c user.name=a commit -qm tmpl
echo "stash me" >> content/about.md; sed -i 's/posts_per_page: 5/posts_per_page: 2/' site.yml; step dirty $S $O
git stash -q; step stashed $S $O
git stash pop -q; step popped $S $O
git stash -q; step stashed2 $S $O
git checkout -q HEAD~1; step checkout-base $S $O
git checkout -q -; step checkout-back $S $O
git checkout -q HEAD~1 -- .; step checkout-files-old $S $O
git checkout -q HEAD -- .; step checkout-files-new $S $O
rm templates/partials/footer.mustache; step rm-override $S $O
git checkout -q -- templates; step restore-override $S $O
rm -rf templates; step rm-templates $S $O
git checkout -q -- templates; step restore-templates $S $O
finish
