#!/usr/bin/env bash
# Fails when git tracks a file over 1 MiB that is not listed below as test
# data: built binaries and pasted data sets must not travel with every clone
# and every pre-commit install.
#
#   scripts/check-file-sizes.sh [REPO]   (default: this repository)
set -euo pipefail

repo=${1:-$(cd "$(dirname "$0")/.." && pwd)}
limit=$((1024 * 1024))

# Tracked files allowed over the limit, one path a line. Keep it short.
allowed=(
)

status=0
while IFS= read -r -d '' f; do
	[[ -f "$repo/$f" && ! -L "$repo/$f" ]] || continue
	size=$(stat -c %s "$repo/$f")
	((size > limit)) || continue
	for a in "${allowed[@]}"; do [[ $f == "$a" ]] && continue 2; done
	echo "check-file-sizes: $f is $size bytes (over 1 MiB); remove it or list it in scripts/check-file-sizes.sh" >&2
	status=1
done < <(git -C "$repo" ls-files -z)
exit $status
