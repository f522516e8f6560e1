# shellcheck shell=bash
# Shared by scripts/18f.sh, the sources*.sh scripts and pinned-posts.sh
# (sourced, not run): finds the git copy of github.com/18F/18f.gsa.gov holding
# the pinned commit, copies the posts a labelled set cites, and checks that a
# destination lies outside the repository.
#
#   gitdir=$(find_18f_gitdir NAME SRC COMMIT) || exit 2
#   dest=$(outside_repo NAME REPO DEST) || exit 2
#   copy_18f_posts NAME WHAT DEST POST... || exit 2
#   copy_digitalgov_posts NAME WHAT DEST POST... || exit 2

# pinned_18f_commit is the commit every script reads, so that the labelled
# sets' offsets and evidence stay true.
pinned_18f_commit=0a55c75e6d9bc71c80136a3867dac52356177443

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

# copy_18f_posts NAME WHAT DEST POST... writes the blog posts POST... of the
# pinned commit into DEST/18f (DEST: the script's argument, or
# $CITELINT_SOURCES, or the user's cache folder's citelint/sources), from
# $CITELINT_18F_GIT (default /work/.mirror/18F+18f.gsa.gov/repo). NAME
# prefixes errors; WHAT says whose posts they are.
copy_18f_posts() {
	local name=$1 what=$2 dest=$3 repo src gitdir p
	shift 3
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
	src=${CITELINT_18F_GIT:-/work/.mirror/18F+18f.gsa.gov/repo}
	dest=${dest:-${CITELINT_SOURCES:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/sources}}
	gitdir=$(find_18f_gitdir "$name" "$src" "$pinned_18f_commit") || return 2
	dest=$(outside_repo "$name" "$repo" "$dest") || return 2
	mkdir -p "$dest/18f"
	for p in "$@"; do
		git --git-dir="$gitdir" show "$pinned_18f_commit:content/posts/$p" >"$dest/18f/$p"
	done
	echo "$pinned_18f_commit" >"$dest/18f/COMMIT"
	echo "$# 18F blog posts $what are in $dest/18f"
}

# copy_digitalgov_posts NAME WHAT DEST POST... copies the digital.gov posts
# POST... byte for byte from $CITELINT_DIGITALGOV (default
# <repo>/../shared/corpora/digitalgov) into DEST/digitalgov (DEST as for
# copy_18f_posts), after checking every one is there. NAME prefixes errors;
# WHAT says whose posts they are.
copy_digitalgov_posts() {
	local name=$1 what=$2 dest=$3 repo src p missing=0
	shift 3
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
	src=${CITELINT_DIGITALGOV:-$repo/../shared/corpora/digitalgov}
	dest=${dest:-${CITELINT_SOURCES:-${XDG_CACHE_HOME:-$HOME/.cache}/citelint/sources}}
	if [ ! -d "$src" ]; then
		echo "$name: digitalgov corpus not found at $src; set CITELINT_DIGITALGOV to the folder of digital.gov posts (shared/corpora/digitalgov)" >&2
		return 2
	fi
	for p in "$@"; do
		if [ ! -f "$src/$p" ]; then
			echo "$name: $src/$p is missing from the corpus" >&2
			missing=1
		fi
	done
	[ "$missing" -eq 0 ] || return 2
	dest=$(outside_repo "$name" "$repo" "$dest") || return 2
	mkdir -p "$dest/digitalgov"
	for p in "$@"; do
		cp -- "$src/$p" "$dest/digitalgov/$p"
	done
	echo "$# digital.gov posts $what are in $dest/digitalgov"
}
