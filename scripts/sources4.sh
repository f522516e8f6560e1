#!/usr/bin/env bash
# Materialises the public-domain source pages of the fourth held-out set
# (eval/labels/sourcecheck/pairs4.jsonl, "written paragraph" pairs) from a git
# copy of github.com/18F/18f.gsa.gov into a folder outside this repository.
#
#   scripts/sources4.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of 18f.gsa.gov
# (default /work/.mirror/18F+18f.gsa.gov/repo), read at the pinned commit of
# scripts/18f-git.sh so the pairs' evidence stays true. Destination: DEST, or
# $CITELINT_SOURCES, or ${XDG_CACHE_HOME:-~/.cache}/citelint/sources; the
# files land in its 18f/ folder, which is what each pair's source_file names.
#
# The 18F blog is a work of the US government (public domain in the US, CC0
# worldwide: LICENSE.md of that repository). It is kept out of the repository
# anyway, like every source text of the labelled sets: the sets hold claims
# and evidence sentences, not copies of pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

# The blog posts the pairs cite; public URL https://18f.gsa.gov/YYYY/MM/DD/<slug>/.
posts=(
	2015-06-17-what-estonia-can-teach-us-about-government-records.md
	2015-10-05-managing-technical-debt.md
	2015-11-04-complexity-is-the-adversary.md
	2015-12-16-useiti-whats-in-first-report.md
	2016-01-21-what-we-can-learn-from-the-interiors-social-feeds.md
	2016-03-18-18f-year-two-by-the-numbers.md
	2016-05-24-the-user-centered-redesign-of-identitytheft-gov.md
	2017-01-04-tracking-the-us-governments-progress-on-moving-https.md
	2019-03-19-18F-5-Anniversary-achieve.md
	2024-10-08-18f-year-of-launches.md
)
copy_18f_posts sources4.sh "the fourth pair set cites" "${1:-}" "${posts[@]}" || exit 2
