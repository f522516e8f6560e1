#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the ninth held-out set
# (eval/labels/sourcecheck/pairs9.jsonl: paragraphs written by the labeller,
# each citing one 18F post by its public URL) from a git copy of
# github.com/18F/18f.gsa.gov into a folder outside this repository, next to
# the posts scripts/sources4.sh … sources8.sh put there.
#
#   scripts/sources9.sh [DEST]
#
# Source: $CITELINT_18F_GIT, a bare or ordinary git repository of 18f.gsa.gov
# (default /work/.mirror/18F+18f.gsa.gov/repo), read at the pinned commit of
# scripts/18f-git.sh so the pairs' evidence stays true. Destination: DEST, or
# $CITELINT_SOURCES, or ${XDG_CACHE_HOME:-~/.cache}/citelint/sources; the files
# land in its 18f/ folder, which is what each pair's source_file names. Posts
# already there are kept; none of these is cited by an earlier set.
#
# The 18F blog is a work of the US government (public domain in the US, CC0
# worldwide: LICENSE.md of that repository). It is kept out of the repository
# anyway, like every source text of the labelled sets: the sets hold claims
# and evidence sentences, not copies of pages.
set -euo pipefail

# shellcheck source=scripts/18f-git.sh
. "$(dirname "$0")/18f-git.sh"

# The blog posts the pairs cite. Public URL https://18f.gsa.gov/YYYY/MM/DD/<slug>/
# with the date of the post's front matter (the file name's when it has none),
# which for two posts is not the file name's:
# 2020-03-31-building-a-collaborative-culture is /2020/04/01/…,
# 2021-09-16-a_day_in_the_life_-_ingeniero_en_18f is /2021/09/21/….
posts=(
	2015-01-21-join-us.md
	2015-03-17-does-18f-pass-the-bechdel-test-for-tech.md
	2015-06-22-avoiding-cloudfall.md
	2015-09-21-cfpb-design-speaker-series.md
	2015-10-09-cloud-gov-launch.md
	2015-10-20-digital-analytics-program-anniversary.md
	2015-11-18-automating-easy-government-decisions-with-machine-learning.md
	2015-11-30-complex-data-in-useiti.md
	2015-12-08-learning-how-to-build-a-better-front-door-for-the-federal-government.md
	2015-12-17-plain-language-betafec-new-content-design.md
	2016-03-07-the-need-for-transparency-in-government.md
	2016-05-12-introducing-18fs-new-visual-identity.md
	2016-08-02-jacob-harris-from-big-data-journalism-to-micro-purchase-platforms.md
	2016-08-16-what-happens-when-the-whole-team-joins-user-interviews.md
	2016-09-19-vendors-government-strengthen-partnership-technology-industry-day.md
	2016-12-13-lowering-risk-of-experimentation-open-source-code.md
	2016-12-15-tts-projects-forward-open-government-partnership-principles.md
	2018-02-06-getting-partners-on-board-with-research-findings.md
	2018-02-21-technology-transformation-services-launches-new-job-site.md
	2018-08-09-etl-extract-transform-learn.md
	2019-03-22-18F-5-anniv-fav-project.md
	2019-03-26-when-to-use-COTS.md
	2019-05-07-human-centered-design-for-it-centralization-part-3-working-with-vendors.md
	2020-03-31-building-a-collaborative-culture.md
	2020-04-21-a-token-of-our-affection-uswds-2.md
	2020-08-06-doing-user-research-to-design-the-next-gen-wdfn.md
	2021-04-05-why_simplicity_choosing_a_web_architecture.md
	2021-09-16-a_day_in_the_life_-_ingeniero_en_18f.md
	2023-06-13-The-four-operating-levels-of-18F-projects.md
)
copy_18f_posts sources9.sh "cited by pairs9.jsonl" "${1:-}" "${posts[@]}" || exit 2
