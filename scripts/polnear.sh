#!/usr/bin/env bash
# Materialises PolNeAR's train and dev splits (text and attributions only)
# from a git copy of github.com/networkdynamics/PolNeAR into a folder outside
# this repository, for the evaluation harness (go run ./eval/cmd/citelint-eval).
#
#   scripts/polnear.sh [DEST]
#
# Source: $CITELINT_POLNEAR_GIT, a bare or ordinary git repository of PolNeAR
# (default /work/.mirror/networkdynamics+PolNeAR/repo). Destination: DEST, or
# $CITELINT_POLNEAR, or ${XDG_CACHE_HOME:-~/.cache}/citelint/polnear.
#
# The articles are copyrighted news: they must never be committed, so the
# script refuses a destination inside this repository. data/test is held out
# for independent evaluation: the script names only data/train and data/dev
# and never lists, reads or copies data/test.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
src=${CITELINT_POLNEAR_GIT:-/work/.mirror/networkdynamics+PolNeAR/repo}
dest=${1:-${CITELINT_POLNEAR:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/polnear}}

if ! git --git-dir="$src" rev-parse --verify -q 'HEAD^{commit}' >/dev/null 2>&1 &&
	! git -C "$src" rev-parse --verify -q 'HEAD^{commit}' >/dev/null 2>&1; then
	echo "polnear.sh: $src is not a git copy of PolNeAR; fetch github.com/networkdynamics/PolNeAR and set CITELINT_POLNEAR_GIT to it" >&2
	exit 2
fi
gitdir=$src
git --git-dir="$src" rev-parse -q HEAD >/dev/null 2>&1 || gitdir=$(git -C "$src" rev-parse --absolute-git-dir)

# Resolve the destination before creating anything, so a refused one leaves
# no trace inside the repository.
dest=$(realpath -m "$dest")
case "$dest/" in
"$repo"/*)
	echo "polnear.sh: $dest is inside the repository; PolNeAR's text is copyrighted and must stay outside it: give a folder elsewhere" >&2
	exit 2
	;;
esac
mkdir -p "$dest"

# Only these four folders are ever named: never data/test.
parts=(data/train/text data/train/attributions data/dev/text data/dev/attributions)
# Archive each folder's own tree (HEAD:path), so git never walks data/test
# nor the large corenlp folders beside them.
for p in "${parts[@]}"; do
	git --git-dir="$gitdir" archive --format=tar --prefix="$p/" "HEAD:$p" | tar -x -C "$dest"
done
git --git-dir="$gitdir" rev-parse HEAD >"$dest/COMMIT"
for p in "${parts[@]}"; do
	printf '%s: %s files\n' "$p" "$(find "$dest/$p" -type f | wc -l)"
done
echo "PolNeAR train and dev are in $dest (set CITELINT_POLNEAR=$dest if that is not the default)"
