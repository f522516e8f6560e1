#!/usr/bin/env bash
# Materialises the 18F blog (github.com/18F/18f.gsa.gov, content/posts) as a
# third real-text corpus for citelint's evaluation: the held-out blog set
# 18f:heldout (eval/labels/18f) and the vague-source review round 4 were
# drawn from it. The posts stay outside the repository.
#
#   scripts/18f.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of
# 18f.gsa.gov (default /work/.mirror/18F+18f.gsa.gov/repo), read at the
# commit pinned in scripts/18f-git.sh so the labels' sha256 stay true.
# Destination: DEST, or $CITELINT_18F, or
# ${XDG_CACHE_HOME:-~/.cache}/citelint/18f.
#
# The 18F blog is a work of the US government: public domain in the US and
# CC0 worldwide (LICENSE.md of that repository).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
src=${CITELINT_18F_GIT:-/work/.mirror/18F+18f.gsa.gov/repo}
dest=${1:-${CITELINT_18F:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/18f}}

# shellcheck source=scripts/18f-git.sh
. "$repo/scripts/18f-git.sh"
commit=$pinned_18f_commit
gitdir=$(find_18f_gitdir 18f.sh "$src" "$commit") || exit 2
dest=$(outside_repo 18f.sh "$repo" "$dest") || exit 2
mkdir -p "$dest"
n=0
while IFS= read -r path; do
	git --git-dir="$gitdir" show "$commit:$path" >"$dest/$(basename "$path")"
	n=$((n + 1))
done < <(git --git-dir="$gitdir" ls-tree -r --name-only "$commit" content/posts | grep '\.md$')
echo "$commit" >"$dest/COMMIT"
echo "$n 18F blog posts are in $dest"
