#!/usr/bin/env bash
# Materialises the 18F blog posts cited by the seventh held-out set
# (eval/labels/sourcecheck/pairs7.jsonl: paragraphs written by the labeller,
# each citing one 18F post by its public URL) from a git copy of
# github.com/18F/18f.gsa.gov into a folder outside this repository, next to
# the posts scripts/sources4.sh, sources5.sh and sources6.sh put there.
#
#   scripts/sources7.sh [DEST]
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
# which for three posts is not the file name's:
# 2015-05-01-pair-programming-… is /2015/05/04/…, 2019-02-05-ask-18F-6-… is
# /2019/02/06/…, 2021-06-14-improving_the_way_… is /2021/06/15/….
posts=(
	2014-07-16-midas-a-marketplace-for-innovation-in-government.md
	2014-09-15-say-hello-to-the-new-presidential-innovation-fellows.md
	2014-12-10-great-community-turnout-for-open-source-hack-night.md
	2015-05-01-pair-programming-why-two-heads-are-better-than-one.md
	2015-05-12-announcing-the-calc-tool.md
	2015-10-06-how-we-start-a-new-project.md
	2015-12-09-an-open-source-government-is-a-faster-more-efficient-government.md
	2016-03-28-interesting-things-we-learned-from-examining-traffic-patterns-on-analytics-usa-gov.md
	2016-07-19-strategies-for-starting-your-own-writing-lab.md
	2017-02-02-cloud-gov-is-now-fedramp-authorized.md
	2017-03-13-us-web-design-standards-releases-version-10.md
	2017-06-22-why-discovery-research-matters-for-modular-procurement.md
	2017-09-07-opening-the-nations-crime-data.md
	2017-12-12-renata-maziarz-model-civil-servant.md
	2018-02-28-ask-18f-data-collection.md
	2018-03-27-four-benefits-to-using-the-full-TTS-tech-stack.md
	2018-06-06-pif-extend-deadline-fall-2018.md
	2018-07-12-the-case-for-open-source-software.md
	2018-09-27-antipatterns-in-agile-contracting.md
	2018-10-09-implementing-rules-without-rules-engines.md
	2018-10-23-two-exercises-for-improving-design-research-through-reflective-practice.md
	2018-10-25-modular-contracting-and-working-in-the-open.md
	2019-02-05-ask-18F-6-analytics-open-source.md
	2019-04-09-why-we-love-modular-contracting.md
	2019-05-21-centralization-gone-right-a-case-study-on-uswds.md
	2020-02-18-forms-resource-federalist.md
	2020-03-10-ask-18f-po-vs-cor.md
	2021-06-14-improving_the_way_the_u-s-_tax_court_engages_with_the_public.md
	2021-06-17-building_capacities_within_a_government_agency_to_build_and_support_a_new_case_management_system_part_2.md
	2021-07-06-architecture_decision_records_helpful_now_invaluable_later.md
	2021-07-27-content_governance_what_it_is_and_how_to_get_started.md
	2022-01-21-what-have-you-learned-from-other-18F-designers.md
)
copy_18f_posts sources7.sh "cited by pairs7.jsonl" "${1:-}" "${posts[@]}" || exit 2
