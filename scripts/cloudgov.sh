#!/usr/bin/env bash
# Materialises the cloud.gov news posts (github.com/cloud-gov/cg-site,
# _posts: 134 posts from 2015 to 2025, mostly release notes and platform
# announcements of GSA's cloud.gov team) as a corpus no rule was tuned on,
# for precision reviews of what the rules report on unfamiliar text (review
# round 3 of session 12). The posts stay outside the repository.
#
#   scripts/cloudgov.sh [DEST]
#
# Source: $CITELINT_CLOUDGOV_GIT, a bare or ordinary git repository of
# cg-site (default /work/.mirror/cloud-gov+cg-site/repo), read at the commit
# pinned below so that reviewed findings' lines and columns stay true.
# Destination: DEST, or $CITELINT_CLOUDGOV, or
# ${XDG_CACHE_HOME:-~/.cache}/citelint/cloudgov.
#
# cloud.gov's site is a work of the US government: public domain in the US
# and CC0 worldwide (LICENSE.md of that repository).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
src=${CITELINT_CLOUDGOV_GIT:-/work/.mirror/cloud-gov+cg-site/repo}
dest=${1:-${CITELINT_CLOUDGOV:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/cloudgov}}
commit=536b459f25dc541450f8b02675b32584196a05fd

# shellcheck source=scripts/18f-git.sh
. "$repo/scripts/18f-git.sh"

gitdir=$src
if ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
	gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null) || gitdir=
	if [ -z "$gitdir" ] || ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
		echo "cloudgov.sh: $src is not a git copy of cloud-gov/cg-site holding commit $commit; fetch github.com/cloud-gov/cg-site and set CITELINT_CLOUDGOV_GIT to it" >&2
		exit 2
	fi
fi
dest=$(outside_repo cloudgov.sh "$repo" "$dest") || exit 2
mkdir -p "$dest"
n=0
while IFS= read -r path; do
	git --git-dir="$gitdir" show "$commit:$path" >"$dest/$(basename "$path")"
	n=$((n + 1))
done < <(git --git-dir="$gitdir" ls-tree -r --name-only "$commit" _posts | grep '\.md$')
echo "$commit" >"$dest/COMMIT"
echo "$n cloud.gov posts are in $dest"
