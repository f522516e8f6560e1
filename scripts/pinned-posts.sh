# shellcheck shell=bash
# Shared by scripts/cloudgov.sh and fedramp.sh (sourced, not run): copies the
# Markdown posts of one folder of a public-domain agency site, at a pinned
# commit, from a git copy of its repository into a folder outside this
# repository.
#
#   copy_pinned_posts NAME WHAT GITHUB VAR SRC COMMIT FOLDER DEST || exit 2
#
# NAME prefixes errors; WHAT says whose posts they are; GITHUB (the
# repository's owner/name) and VAR (the variable naming SRC) are for the
# error when SRC, a bare or ordinary git repository, lacks COMMIT; every FOLDER/*.md of COMMIT is written to DEST,
# with DEST/COMMIT holding the commit.

# shellcheck source=scripts/18f-git.sh
. "$(dirname "${BASH_SOURCE[0]}")/18f-git.sh"

copy_pinned_posts() {
	local name=$1 what=$2 github=$3 var=$4 src=$5 commit=$6 folder=$7 dest=$8 repo gitdir path n=0
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
	gitdir=$src
	if ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
		gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null) || gitdir=
		if [ -z "$gitdir" ] || ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
			echo "$name: $src is not a git copy of $github holding commit $commit; fetch github.com/$github and set $var to it" >&2
			return 2
		fi
	fi
	dest=$(outside_repo "$name" "$repo" "$dest") || return 2
	mkdir -p "$dest"
	while IFS= read -r path; do
		git --git-dir="$gitdir" show "$commit:$path" >"$dest/$(basename "$path")"
		n=$((n + 1))
	done < <(git --git-dir="$gitdir" ls-tree -r --name-only "$commit" "$folder" | grep '\.md$')
	echo "$commit" >"$dest/COMMIT"
	echo "$n $what are in $dest"
}
