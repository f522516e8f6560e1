#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the sixth held-out set
# (eval/labels/sourcecheck/pairs6.jsonl: 18F paragraphs citing other 18F
# posts, beside digitalgov corpus pairs that need no materialising) from a
# git copy of github.com/18F/18f.gsa.gov into a folder outside this
# repository, next to the posts scripts/sources4.sh and sources5.sh put there.
#
#   scripts/sources6.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of 18f.gsa.gov
# (default /work/.mirror/18F+18f.gsa.gov/repo), read at the pinned commit of
# scripts/18f-git.sh (the one scripts/18f.sh, sources4.sh and sources5.sh
# read) so the pairs' evidence stays true. Destination: DEST, or
# $CITELINT_SOURCES, or ${XDG_CACHE_HOME:-~/.cache}/citelint/sources; the
# files land in its 18f/ folder, which is what each pair's source_file names.
# Posts already there are kept; a post another set also cites is written
# again, with the same bytes.
#
# The 18F blog is a work of the US government (public domain in the US, CC0
# worldwide: LICENSE.md of that repository). It is kept out of the repository
# anyway, like every source text of the labelled sets: the sets hold claims
# and evidence sentences, not copies of pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

# The blog posts the pairs cite. Public URL https://18f.gsa.gov/YYYY/MM/DD/<slug>/
# with the date of the post's front matter (for these four, the file name's).
posts=(
	2015-09-14-college-scorecard-launch.md
	2015-09-15-federalist-platform-launch.md
	2015-09-28-web-design-standards.md
	2016-03-15-treasury-and-the-data-act-full-of-sunshine.md
)
copy_18f_posts sources6.sh "cited by pairs6.jsonl" "${1:-}" "${posts[@]}" || exit 2
