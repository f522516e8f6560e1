# shellcheck shell=bash
# Shared by scripts/18f.sh, sources4.sh and sources5.sh (sourced, not run): finds
# the git copy of github.com/18F/18f.gsa.gov holding the pinned commit, and
# checks that a destination lies outside the repository.
#
#   gitdir=$(find_18f_gitdir NAME SRC COMMIT) || exit 2
#   dest=$(outside_repo NAME REPO DEST) || exit 2

# find_18f_gitdir prints the git directory of SRC (a bare or ordinary
# repository) when it holds COMMIT; NAME prefixes the error.
find_18f_gitdir() {
	local name=$1 src=$2 commit=$3 gitdir=$2
	if ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
		gitdir=$(git -C "$src" rev-parse --absolute-git-dir 2>/dev/null) || gitdir=
		if [ -z "$gitdir" ] || ! git --git-dir="$gitdir" rev-parse --verify -q "$commit^{commit}" >/dev/null 2>&1; then
			echo "$name: $src is not a git copy of 18F/18f.gsa.gov holding commit $commit; fetch github.com/18F/18f.gsa.gov and set CITELINT_18F_GIT to it" >&2
			return 2
		fi
	fi
	echo "$gitdir"
}

# outside_repo prints DEST made absolute, or fails when it lies inside REPO:
# texts that are not ours stay out of the repository.
outside_repo() {
	local name=$1 repo=$2 dest
	dest=$(realpath -m "$3")
	case "$dest/" in
	"$repo"/*)
		echo "$name: $dest is inside the repository; texts stay outside it: give a folder elsewhere" >&2
		return 2
		;;
	esac
	echo "$dest"
}
