#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit tool: in a temporary
# git repository holding a draft with a placeholder and a clean draft, the
# citelint hook must fail on the first and pass on the second.
#
# Installs nothing: it needs git, go and pre-commit (Debian: apt-get install
# pre-commit). pre-commit builds citelint from a snapshot of this working
# tree, uncommitted and untracked (but not ignored) files included: try-repo
# itself would leave out untracked files.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
for tool in git go pre-commit; do
	command -v "$tool" >/dev/null || { echo "pre-commit-check: $tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Keep pre-commit's hook environments out of the user's cache, and reuse the
# Go module cache so that building the hook needs no download.
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GOMODCACHE="${GOMODCACHE:-$(go env GOMODCACHE)}"
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export GIT_AUTHOR_NAME=citelint GIT_AUTHOR_EMAIL=citelint@example.com
export GIT_COMMITTER_NAME=citelint GIT_COMMITTER_EMAIL=citelint@example.com

hooks="$work/citelint"
mkdir -p "$hooks"
(cd "$repo_root" && git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [[ -f $f ]] && printf '%s\0' "$f"; done |
	xargs -0 cp --parents -t "$hooks")
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" -c commit.gpgsign=false commit -q -m snapshot

drafts="$work/drafts"
mkdir -p "$drafts"
git -C "$drafts" init -q
printf '# Budget\n\nSpending rose 40%% last year [citation needed].\n' > "$drafts/bad.md"
printf '# Budget\n\nSpending rose last year, the council said.\n' > "$drafts/good.md"
git -C "$drafts" add bad.md good.md
git -C "$drafts" -c commit.gpgsign=false commit -q -m drafts

# try_hook FILE WANT: runs the citelint hook on FILE; WANT is pass or fail.
try_hook() {
	local file=$1 want=$2 status=0 out
	out=$(cd "$drafts" && pre-commit try-repo "$hooks" citelint --files "$file" --verbose 2>&1) || status=$?
	printf '%s\n' "$out" | sed 's/^/    /'
	if [[ $want == fail && $status -ne 0 && $out == *citation-needed-marker* ]]; then
		echo "ok: the citelint hook fails on $file"
	elif [[ $want == pass && $status -eq 0 ]]; then
		echo "ok: the citelint hook passes on $file"
	else
		echo "FAIL: the citelint hook should $want on $file (pre-commit exited $status)" >&2
		return 1
	fi
}

try_hook bad.md fail
try_hook good.md pass
# The network hook selects only link rules; on a draft without links it passes.
status=0
out=$(cd "$drafts" && pre-commit try-repo "$hooks" citelint-links --files good.md 2>&1) || status=$?
printf '%s\n' "$out" | sed 's/^/    /'
if [[ $status -ne 0 ]]; then
	echo "FAIL: the citelint-links hook should pass on good.md (pre-commit exited $status)" >&2
	exit 1
fi
echo "ok: the citelint-links hook passes on good.md"
echo "pre-commit-check: all hooks behave"
