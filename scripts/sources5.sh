#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the fifth held-out set
# (eval/labels/sourcecheck/pairs5.jsonl: 18F paragraphs citing other 18F
# posts) from a git copy of github.com/18F/18f.gsa.gov into a folder outside
# this repository, next to the posts scripts/sources4.sh puts there.
#
#   scripts/sources5.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of 18f.gsa.gov
# (default /work/.mirror/18F+18f.gsa.gov/repo), read at the pinned commit of
# scripts/18f-git.sh (the one scripts/18f.sh and sources4.sh read) so the pairs'
# evidence stays true. Destination: DEST, or $CITELINT_SOURCES, or
# ${XDG_CACHE_HOME:-~/.cache}/citelint/sources; the files land in its 18f/
# folder, which is what each pair's source_file names. Posts already there
# (sources4.sh's) are kept; a post both sets cite is written again, with the
# same bytes.
#
# The 18F blog is a work of the US government (public domain in the US, CC0
# worldwide: LICENSE.md of that repository). It is kept out of the repository
# anyway, like every source text of the labelled sets: the sets hold claims
# and evidence sentences, not copies of pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

# The blog posts the pairs cite. Public URL https://18f.gsa.gov/YYYY/MM/DD/<slug>/
# with the date of the post's front matter, which for a few posts is not the
# file name's (2014-12-22-protosketch.md is /2015/01/06/protosketch/).
posts=(
	2014-03-19-hello-world-we-are-18f.md
	2014-08-21-creating-an-open-fec.md
	2014-10-21-how-to-run-your-own-3-sprint-agile-workshop.md
	2014-12-11-large-scale-development-culture-change.md
	2014-12-22-protosketch.md
	2015-02-09-the-first-gov-domains-hardcoded-into-your-browser-as-all-https.md
	2015-03-19-18f-by-the-numbers.md
	2015-03-19-how-we-built-analytics-usa-gov.md
	2015-03-30-new-rfp-ghostwriting-service-to-improve-contract-success.md
	2015-05-11-moveforward.md
	2015-08-07-technical-debt-1.md
	2015-10-13-open-source-micropurchasing.md
	2015-10-15-best-practices-for-distributed-teams.md
	2015-10-26-micro-purchase-criteria-announcement.md
	2015-11-04-complexity-is-the-adversary.md
	2015-11-06-micro-purchase-lessons.md
	2015-12-23-looking-back-2015-our-own-words.md
	2016-02-18-analytics.usa.gov-agency-specific-dashboards.md
	2016-04-06-take-our-code-18f-projects-you-can-reuse.md
	2016-04-12-7-18f-projects-that-state-and-local-governments-can-reuse.md
	2016-10-25-three-small-steps-you-can-take-to-reboot-agile-in-your-organization.md
	2017-02-27-to-get-things-done-you-need-great-secure-tools.md
	2017-09-18-a-day-in-the-life-of-an-18f-product-owner.md
	2018-11-20-introduction-to-remote-moderated-usability-testing-part-2-how.md
	2019-02-28-prerequisites-for-modular-contracting.md
	2019-03-19-18F-5-Anniversary-achieve.md
	2019-05-28-you-might-not-be-as-agile-as-you-think-you-are.md
	2022-07-20-senior-executives-pt1.md
)
copy_18f_posts sources5.sh "cited by pairs5.jsonl" "${1:-}" "${posts[@]}" || exit 2
