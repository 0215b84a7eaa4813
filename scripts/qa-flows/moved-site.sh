#!/bin/bash
# cp -a / rsync -a / mv the whole site folder and build there
. "$(dirname "$0")/lib.sh"
S=/tmp/qaf/s3; newsite $S; O=$S/public
step first $S $O; step second $S $O
rm -rf /tmp/qaf/s3cp; cp -a $S /tmp/qaf/s3cp; step cp-a /tmp/qaf/s3cp /tmp/qaf/s3cp/public
echo edit >> /tmp/qaf/s3cp/content/about.md; step cp-a-edit /tmp/qaf/s3cp /tmp/qaf/s3cp/public
step orig-after-copy $S $O
rm -rf /tmp/qaf/s3rs; mkdir /tmp/qaf/s3rs && (cd $S && tar cf - .) | (cd /tmp/qaf/s3rs && tar xpf -); step rsync-a /tmp/qaf/s3rs /tmp/qaf/s3rs/public
echo edit >> /tmp/qaf/s3rs/content/now.md; step rsync-edit /tmp/qaf/s3rs /tmp/qaf/s3rs/public
rm -rf /tmp/qaf/s3mv; mv $S /tmp/qaf/s3mv; step mv /tmp/qaf/s3mv /tmp/qaf/s3mv/public
echo edit >> /tmp/qaf/s3mv/content/now.md; step mv-edit /tmp/qaf/s3mv /tmp/qaf/s3mv/public
rm -rf /dev/shm/qaf-s3; cp -a /tmp/qaf/s3mv /dev/shm/qaf-s3; step shm-copy /dev/shm/qaf-s3 /dev/shm/qaf-s3/public
echo edit2 >> /dev/shm/qaf-s3/content/now.md; step shm-edit /dev/shm/qaf-s3 /dev/shm/qaf-s3/public
# copy back over the original (cp -a into existing dir, i.e. swap contents)
rm -rf /tmp/qaf/s3swap; cp -a /tmp/qaf/s3rs /tmp/qaf/s3swap; rm -rf /tmp/qaf/s3swap/content; cp -a /tmp/qaf/s3cp/content /tmp/qaf/s3swap/content; step swap-content /tmp/qaf/s3swap /tmp/qaf/s3swap/public
# two copies, swap their public folders
mv /tmp/qaf/s3cp/public /tmp/qaf/tmppub; mv /tmp/qaf/s3rs/public /tmp/qaf/s3cp/public; mv /tmp/qaf/tmppub /tmp/qaf/s3rs/public
step swapped-public-cp /tmp/qaf/s3cp /tmp/qaf/s3cp/public; step swapped-public-rs /tmp/qaf/s3rs /tmp/qaf/s3rs/public
rm -rf /dev/shm/qaf-s3
finish
