#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit tool, in a temporary
# git repository of drafts: the citelint hook fails on an error, passes on a
# draft with only warnings and shows them, checks .txt drafts but not
# robots.txt, and says at most once which web links it left unchecked.
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
printf '# Budget\n\nSpending rose 40%% last year.\n' > "$drafts/warn.md"
printf 'The hall opens at TK.\n' > "$drafts/notes.txt"
printf 'User-agent: *\nDisallow: /TK\n' > "$drafts/robots.txt"
printf 'See [one](https://example.com/one).\n' > "$drafts/link-a.md"
printf 'See [two](https://example.com/two) and [one](https://example.com/one).\n' > "$drafts/link-b.md"
# try-repo builds the hooks afresh for each call: the first checks use it, as
# a user trying citelint would; the rest use a config naming the same commit,
# so that pre-commit builds citelint once for them.
cat > "$drafts/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: citelint
      - id: citelint-links
EOF
git -C "$drafts" add .
git -C "$drafts" -c commit.gpgsign=false commit -q -m drafts
# An empty link cache: the offline hook must find no result there.
export XDG_CACHE_HOME="$work/cache"

failures=0
# try_repo|hook ID FILE...: runs a hook as a user's commit would (no
# --verbose: the manifest decides what is shown) and keeps its output in
# $out, its exit status in $status.
try_repo() {
	local id=$1
	shift
	status=0
	out=$(cd "$drafts" && pre-commit try-repo "$hooks" "$id" --files "$@" 2>&1) || status=$?
	printf '%s\n' "$out" | sed 's/^/    /'
}
hook() {
	local id=$1
	shift
	status=0
	out=$(cd "$drafts" && pre-commit run "$id" --files "$@" 2>&1) || status=$?
	printf '%s\n' "$out" | sed 's/^/    /'
}
# check DESCRIPTION TEST...: reports whether the test command holds.
check() {
	local what=$1
	shift
	if "$@"; then
		echo "ok: $what"
	else
		echo "FAIL: $what (pre-commit exited $status)" >&2
		failures=$((failures + 1))
	fi
}
has() { [[ $out == *"$1"* ]]; }
count() { grep -cF -- "$1" <<<"$out" || true; }

try_repo citelint bad.md
check "the citelint hook fails on an error" eval '[[ $status -ne 0 ]] && has "bad.md:3:29: error:" && has citation-needed-marker'
try_repo citelint warn.md
check "the citelint hook passes on a draft with only warnings and shows them" \
	eval '[[ $status -eq 0 ]] && has "warn.md:3:15: warning:" && has "[uncited-number]" && has "0 errors, 1 warning"'
hook citelint good.md
check "the citelint hook passes on a clean draft" eval '[[ $status -eq 0 ]] && has "0 errors, 0 warnings, 0 info in 1 file"'
hook citelint notes.txt
check "the citelint hook checks .txt drafts" eval '[[ $status -ne 0 ]] && has "notes.txt:1:19: error:"'
hook citelint robots.txt
check "the citelint hook leaves robots.txt alone" eval '[[ $status -eq 0 ]] && has "(no files to check)"'
hook citelint link-a.md link-b.md
check "the offline note comes once, for the links actually skipped" \
	eval '[[ $status -eq 0 && $(count "offline: 2 links not checked") -eq 1 && $(count "offline:") -eq 1 ]]'
hook citelint good.md warn.md
check "a draft without web links gets no offline note" eval '[[ $status -eq 0 ]] && ! has "offline:"'
# The network hook runs only link rules; on a draft without links it passes.
hook citelint-links good.md warn.md
check "the citelint-links hook passes on drafts without links" eval '[[ $status -eq 0 ]] && has "0 errors, 0 warnings, 0 info in 2 files"'

if ((failures > 0)); then
	echo "pre-commit-check: $failures checks failed" >&2
	exit 1
fi
echo "pre-commit-check: all hooks behave"
